import type { ComponentType } from 'react';
import { Text, View } from '@tarojs/components';
import Badge from '../kit/Badge';
import Icon from '../Icon';
import { useKeyRing } from '../../keyboard/KeyScope';
import { reachable } from '../../keyboard/reachable';
import './index.css';

export interface WorkEntry {
  /** Its class is `link-<key>`, which tests and styles find it by. */
  key: string;
  label: string;
  icon: ComponentType<{ className?: string }>;
  /** What waits there ("3", "20+"); nothing shows when there is nothing. */
  badge?: number | string | null;
  /** Said in red: someone is waiting on it now. */
  urgent?: boolean;
  open: () => void;
}

export interface WorkGroup {
  key: string;
  title: string;
  entries: WorkEntry[];
}

const shown = (badge: WorkEntry['badge']) => (badge === null || badge === undefined || badge === 0 || badge === '' ? null : badge);

/**
 * One tile: a button in the tab order (NutUI's GridItem drops the attributes that would make it one), its
 * ring visible when Tab reaches it; in the page's KeyScope Enter and Space open it, in PC WeChat too.
 */
function WorkTile({ entry }: { entry: WorkEntry }) {
  const id = `work-${entry.key}`;
  const ringed = useKeyRing(id, entry.open);
  const badge = shown(entry.badge);
  return (
    <View id={id} className={`work-entry inbox-link link-${entry.key} keyable${ringed ? ' key-focus' : ''}`} onClick={entry.open} {...reachable()}>
      <Badge value={badge ?? 0} max={99} className={`work-badge${entry.urgent ? ' work-badge-urgent' : ''}`}>
        <View className={`work-icon${entry.urgent && badge ? ' work-icon-urgent' : ''}`}>
          <Icon of={entry.icon} />
        </View>
      </Badge>
      <Text className='work-entry-label'>{entry.label}</Text>
    </View>
  );
}

/** Issue 17 (2): a staff home's grouped grid of icons, each with what waits there. */
export default function WorkGrid({ groups }: { groups: WorkGroup[] }) {
  return (
    <View className='work-grid'>
      {groups
        .filter((group) => group.entries.length > 0)
        .map((group) => (
          <View key={group.key} className={`card work-group work-group-${group.key}`}>
            <Text className='work-group-title'>{group.title}</Text>
            <View className='work-group-grid'>
              {group.entries.map((entry) => (
                <WorkTile key={entry.key} entry={entry} />
              ))}
            </View>
          </View>
        ))}
    </View>
  );
}
