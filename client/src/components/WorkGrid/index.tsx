import type { ComponentType } from 'react';
import { Text, View } from '@tarojs/components';
import Grid from '../kit/Grid';
import GridItem from '../kit/GridItem';
import Badge from '../kit/Badge';
import Icon from '../Icon';
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

/** Issue 17 (2): a staff home's grouped grid of icons, each with what waits there. */
export default function WorkGrid({ groups }: { groups: WorkGroup[] }) {
  return (
    <View className='work-grid'>
      {groups
        .filter((group) => group.entries.length > 0)
        .map((group) => (
          <View key={group.key} className={`card work-group work-group-${group.key}`}>
            <Text className='work-group-title'>{group.title}</Text>
            <Grid columns={4} square={false} gap={0} className='work-group-grid'>
              {group.entries.map((entry) => {
                const badge = shown(entry.badge);
                return (
                  <GridItem key={entry.key} className={`work-entry inbox-link link-${entry.key}`} text={entry.label} onClick={entry.open}>
                    <Badge value={badge ?? 0} max={99} className={`work-badge${entry.urgent ? ' work-badge-urgent' : ''}`}>
                      <View className={`work-icon${entry.urgent && badge ? ' work-icon-urgent' : ''}`}>
                        <Icon of={entry.icon} />
                      </View>
                    </Badge>
                  </GridItem>
                );
              })}
            </Grid>
          </View>
        ))}
    </View>
  );
}
