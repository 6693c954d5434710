import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import Pressable from '../../keyboard/Pressable';
import { repairCategories, type RepairCategory } from '@shared/model/repair.model';
import { categoryIcons } from './icons';
import './index.css';

interface Props {
  value: RepairCategory | null;
  onChange: (category: RepairCategory) => void;
}

/** Big tiles, three to a row, each an icon and its word. */
export default function CategoryGrid({ value, onChange }: Props) {
  return (
    <View className='category-grid'>
      {repairCategories.map((category) => (
        <Pressable
          key={category}
          id={`category-${category}`}
          className={`category-tile category-${category}${value === category ? ' category-on' : ''}`}
          on={value === category}
          onPress={() => onChange(category)}
        >
          <Text className='category-icon'>{categoryIcons[category]}</Text>
          <Text className='category-name'>{messages.categories[category]}</Text>
        </Pressable>
      ))}
    </View>
  );
}
