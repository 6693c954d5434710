import { Button, Text, View } from '@tarojs/components';
import type { ImportView } from '../../../hooks/useRoomImport';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

/** The server keeps the first 500 bad rows. */
const PROBLEMS_KEPT = 500;

type Problem = ImportView['problems'][number];

const percent = (view: ImportView) => (view.total ? Math.round((view.written / view.total) * 100) : 0);

const isKnown = (code: string): code is keyof typeof supervisorUi.roomImport.problems => code in supervisorUi.roomImport.problems;

export const problemText = (p: Problem): string => {
  const t = supervisorUi.roomImport;
  const what = isKnown(p.problem) ? fill(t.problems[p.problem], { first: p.firstLine ?? '' }) : t.otherProblem;
  return fill(t.row, { line: p.line, problem: what });
};

/** A refused file: what is wrong with it as a whole, or each bad row by its number; nothing was written. */
function Refused({ view }: { view: ImportView }) {
  const t = supervisorUi.roomImport;
  return (
    <View className='card import-refused'>
      <Text className='section-title'>{fill(t.refusedTitle, { file: view.fileName })}</Text>
      <Text className='muted import-hint'>{t.refusedHint}</Text>
      {view.fileProblem && <Text className='field-error import-file-problem'>{t.fileProblems[view.fileProblem]}</Text>}
      {view.problems.map((p) => (
        <Text key={p.line} id={`import-row-${p.line}`} className='import-problem'>
          {problemText(p)}
        </Text>
      ))}
      {view.problems.length >= PROBLEMS_KEPT && <Text className='muted import-first-only'>{fill(t.firstOnly, { count: view.problems.length })}</Text>}
    </View>
  );
}

interface Props {
  view: ImportView;
  stalled: string | null;
  onResume: () => void;
}

/** Where an import stands: refused, written so far (and why it stopped, if it did), or done with its counts. */
export default function ImportResult({ view, stalled, onResume }: Props) {
  const t = supervisorUi.roomImport;
  if (view.status === 'refused') return <Refused view={view} />;
  const done = view.status === 'done';
  return (
    <View className={`card import-progress ${done ? 'import-done' : 'import-writing'}`}>
      <Text className='section-title'>{fill(done ? t.doneTitle : t.writingTitle, { file: view.fileName })}</Text>
      {!done && <Text className='import-written'>{fill(t.progress, { written: view.written, total: view.total })}</Text>}
      {!done && (
        <View className='import-bar'>
          <View className='import-bar-fill' style={{ width: `${percent(view)}%` }} />
        </View>
      )}
      <Text className='import-counts'>{fill(t.counts, { total: view.total, added: view.added, existing: view.existing })}</Text>
      {done && <Text className='muted import-done-hint'>{t.doneHint}</Text>}
      {!done && stalled !== null && (
        <>
          <Text className='field-error import-stalled'>{fill(t.stalled, { message: stalled })}</Text>
          <Button className='btn btn-primary btn-resume-import' onClick={onResume}>
            {t.resume}
          </Button>
        </>
      )}
    </View>
  );
}
