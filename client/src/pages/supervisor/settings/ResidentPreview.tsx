import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ui } from '../../../i18n/ui.zh-CN';

/** What a resident will see where a setting shapes their screen, drawn as it will look, as the manager edits. */
export default function ResidentPreview({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className={`resident-preview preview-${name}`}>
      <Text className='resident-preview-title'>{ui.settings.preview}</Text>
      <View className='resident-preview-screen'>{children}</View>
    </View>
  );
}
