import { Text } from '@tarojs/components';
import './index.css';

/**
 * Issue 14 (2): a small count beside an entry, red while something urgent is in it, in the theme's
 * green otherwise; nothing when nothing waits. `label` is what a screen reader says instead.
 */
export default function WaitingBadge({ count, urgent, label }: { count: number; urgent: boolean; label: string }) {
  if (count <= 0) return null;
  return (
    <Text className={`waiting-badge${urgent ? ' waiting-badge-urgent' : ''}`} aria-label={label}>
      {count > 99 ? '99+' : String(count)}
    </Text>
  );
}
