import { Button, Text, View } from '@tarojs/components';
import { yuan } from '@shared/domain/quote.rules';
import type { KeyImportView } from '../../../hooks/useKeyImport';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';

type Problem = KeyImportView['problems'][number];

const t = keysUi.import;

const isKnown = (code: string): code is keyof typeof t.problems => code in t.problems;

/** "第 5 行「组别」：只能填 常用 或 备用" */
export const problemText = (p: Problem): string =>
  fill(t.row, { line: p.line, column: t.columns[p.column], problem: isKnown(p.problem) ? fill(t.problems[p.problem], { first: p.firstLine ?? '' }) : t.otherProblem });

/** A refused file: what is wrong with it as a whole, each problem by its row and column, the kinds without a spare; nothing was written. */
function Refused({ view }: { view: KeyImportView }) {
  return (
    <View className='card import-refused key-import-refused'>
      <Text className='section-title'>{fill(t.refusedTitle, { file: view.fileName })}</Text>
      <Text className='muted import-hint'>{t.refusedHint}</Text>
      {view.fileProblem && <Text className='field-error import-file-problem'>{t.fileProblems[view.fileProblem]}</Text>}
      {view.problems.map((p) => (
        <Text key={`${p.line}-${p.column}`} id={`key-import-row-${p.line}-${p.column}`} className='import-problem'>
          {problemText(p)}
        </Text>
      ))}
      {view.sparesMissing.map((kind) => (
        <Text key={kind} className='import-problem key-import-spare'>
          {fill(t.spareMissing, { kind: keysUi.kinds[kind] })}
        </Text>
      ))}
    </View>
  );
}

function KeyLine({ item }: { item: KeyImportView['keys'][number] }) {
  return (
    <View className='key-import-line'>
      <Text className='muted key-import-at'>{fill(t.line, { line: item.line })}</Text>
      <Text className='key-import-what'>{`${keysUi.kinds[item.kind]} · ${item.opens} · ${item.label} · ${keysUi.sets[item.set]} · ${item.depositFen > 0 ? fill(keysUi.depositShown, { amount: yuan(item.depositFen) }) : keysUi.noDeposit}`}</Text>
      <Text className={`badge ${item.existing ? 'badge-normal' : 'badge-urgent'} key-import-state`}>{item.existing ? t.held : t.fresh}</Text>
    </View>
  );
}

interface Props {
  view: KeyImportView;
  committing: boolean;
  onCommit: () => void;
  onDone: () => void;
}

/** K1: the checked file: refused with its problems, previewed with the keys to write and a button to commit, or committed with its counts. */
export default function KeyPreview({ view, committing, onCommit, onDone }: Props) {
  if (view.status === 'refused') return <Refused view={view} />;
  const done = view.status === 'committed';
  return (
    <View className={`card import-progress key-import-${view.status} ${done ? 'import-done' : ''}`}>
      <Text className='section-title'>{fill(done ? t.doneTitle : t.previewTitle, { file: view.fileName })}</Text>
      <Text className='import-counts key-import-counts'>{fill(done ? t.doneCounts : t.previewCounts, { total: view.total, added: view.added, existing: view.existing })}</Text>
      {!done && view.keys.map((item) => <KeyLine key={item.line} item={item} />)}
      {done ? (
        <Button className='btn btn-secondary btn-key-import-done' onClick={onDone}>
          {t.toKeys}
        </Button>
      ) : (
        <PrimaryButton className='btn-key-import-commit' busy={committing} onClick={onCommit}>
          {t.commit}
        </PrimaryButton>
      )}
    </View>
  );
}
