import { Text, View } from '@tarojs/components';
import ChoiceChips from '../ChoiceChips';
import { useTextChoice } from '../../hooks/useTextSize';
import { ui } from '../../i18n/ui.zh-CN';
import { textSizeStore } from '../../store/text-size.store';
import { TEXT_CHOICES } from '../../theme/text-size';
import './index.css';

/** The in-app 大字 switch (issue 18, 1): the same larger text as WeChat's own font setting, also in H5. */
export default function TextSizeSwitch() {
  const choice = useTextChoice();
  return (
    <View className='text-size-switch'>
      <Text className='text-size-label'>{ui.textSize.label}</Text>
      <ChoiceChips options={TEXT_CHOICES} value={choice} label={(c) => ui.textSize[c]} name='text-size' onPick={textSizeStore.choose} />
    </View>
  );
}
