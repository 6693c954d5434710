import { Text } from '@tarojs/components';
import type { Tone } from './tones';

interface Props {
  tone: Tone;
  /** The state in words. */
  label: string;
  /** The record's own classes, which tests and page styles find the tag by. */
  className: string;
}

/** The one status tag of every role and record (styles `.tag-<tone>` in app.css). */
export default function StatusTag({ tone, label, className }: Props) {
  return <Text className={`tag tag-${tone} ${className}`}>{label}</Text>;
}
