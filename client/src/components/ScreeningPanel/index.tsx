import { Button, Image, Text, View } from '@tarojs/components';
import type { ScreenItem, ScreeningView, ScreenView } from '@shared/contracts/screening.contract';
import { format } from '@shared/messages/format';
import { zhCN as messages } from '@shared/messages/zh-CN';
import PrimaryButton from '../PrimaryButton';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { formatWhen } from '../../utils/time';
import { worthShowing } from '../../utils/screening';
import './index.css';

type Decision = 'release' | 'redact';

interface Props {
  screening: ScreeningView;
  /** The ticket's photo links, in the order `screening.photos` follows. */
  photos: readonly string[];
  busy: boolean;
  onDecide: (item: ScreenItem, decision: Decision) => void;
}

/** "检测为违规内容（辱骂）": the verdict in words, with what the check found. */
const verdictWords = (s: ScreenView): string => {
  const label = s.label !== null && s.label !== 100 ? messages.screening.labels[s.label] ?? messages.screening.labels[21000] : null;
  return label ? `${messages.screening.verdicts[s.verdict]}（${label}）` : messages.screening.verdicts[s.verdict];
};

const stateWords = (s: ScreenView): string => {
  if (s.decision) return fill(ui.screening.decided, { action: messages.screening.decisions[s.decision.action], name: s.decision.by, when: formatWhen(s.decision.at) });
  return s.held ? ui.screening.heldNote : ui.screening.shownNote;
};

function ItemRow({ id, name, screen, photo, busy, onDecide }: { id: string; name: string; screen: ScreenView; photo?: string; busy: boolean; onDecide: (d: Decision) => void }) {
  const canRedact = !screen.decision;
  return (
    <View id={id} className={`screening-item${screen.held ? ' screening-held' : ''}`}>
      {photo && <Image className='screening-photo' src={photo} mode='aspectFill' />}
      <View className='screening-words'>
        <Text className='screening-verdict'>{`${name}：${verdictWords(screen)}`}</Text>
        <Text className='muted screening-state'>{stateWords(screen)}</Text>
      </View>
      <View className='screening-actions'>
        {screen.awaitsDesk && (
          <PrimaryButton className='btn-release' busy={busy} onClick={() => onDecide('release')}>
            {ui.screening.release}
          </PrimaryButton>
        )}
        {canRedact && (
          <Button className={`btn btn-secondary btn-redact${busy ? ' btn-busy' : ''}`} onClick={() => onDecide('redact')}>
            {ui.screening.redact}
          </Button>
        )}
      </View>
    </View>
  );
}

/**
 * Issue 13 (1.9): what WeChat's content checks said of the resident's text and photos, marked for
 * the desk: each flagged or unchecked item with the verdict in words, whether it is kept from
 * others, and the desk's 放行 / 隐藏. Nothing is shown when every item passed.
 */
export default function ScreeningPanel({ screening, photos, busy, onDecide }: Props) {
  const rows = [
    ...(worthShowing(screening.text) ? [{ id: 'screen-text', name: messages.screening.text, screen: screening.text, item: { kind: 'text' } as ScreenItem, photo: undefined }] : []),
    ...screening.photos.flatMap((screen, index) =>
      worthShowing(screen)
        ? [{ id: `screen-photo-${index}`, name: format(messages.screening.photo, { n: index + 1 }), screen, item: { kind: 'photo', index } as ScreenItem, photo: photos[index] }]
        : [],
    ),
  ];
  if (rows.length === 0) return null;
  return (
    <View className='card screening-panel'>
      <Text className='section-title'>{ui.screening.title}</Text>
      {rows.map((row) => (
        <ItemRow key={row.id} id={row.id} name={row.name} screen={row.screen} photo={row.photo} busy={busy} onDecide={(d) => onDecide(row.item, d)} />
      ))}
    </View>
  );
}
