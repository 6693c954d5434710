import { View } from '@tarojs/components';
import Pressable from '../../keyboard/Pressable';

interface Props<T extends string> {
  options: readonly T[];
  value: T | null;
  label: (option: T) => string;
  /** Names the row (`.<name>-chips`) and each chip (`#<name>-<option>`, `.<name>-chip`), for tests and styles. */
  name: string;
  onPick: (option: T) => void;
}

/** One answer out of a few, as big chips: the chosen one is green. */
export default function ChoiceChips<T extends string>({ options, value, label, name, onPick }: Props<T>) {
  return (
    <View className={`chips ${name}-chips`}>
      {options.map((option) => (
        <Pressable
          key={option}
          id={`${name}-${option}`}
          className={`chip ${name}-chip${value === option ? ' chip-on' : ''}`}
          on={value === option}
          onPress={() => onPick(option)}
        >
          {label(option)}
        </Pressable>
      ))}
    </View>
  );
}
