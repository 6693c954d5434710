import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

/** What a resident will see where a setting shapes their screen, drawn as it will look, as the manager edits. */
export default function ResidentPreview({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className={`resident-preview preview-${name}`}>
      <Text className='resident-preview-title'>{supervisorUi.settings.preview}</Text>
      <View className='resident-preview-screen'>{children}</View>
    </View>
  );
}
