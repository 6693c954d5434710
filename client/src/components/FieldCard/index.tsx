import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

interface Props {
  title: string;
  /** The field's name, as in the form's errors: the message is found by `.error-<field>`. */
  field: string;
  error?: string;
  children: ReactNode;
}

/** One question of a form on its own card: the question, the input, and what is wrong with the answer. */
export default function FieldCard({ title, field, error, children }: Props) {
  return (
    <View className='card'>
      <Text className='section-title'>{title}</Text>
      {children}
      {error && <Text className={`field-error error-${field}`}>{error}</Text>}
    </View>
  );
}
