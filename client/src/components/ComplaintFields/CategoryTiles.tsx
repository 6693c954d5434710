import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { complaintCategories, type ComplaintCategory } from '@shared/model/complaint.model';
import { complaintIcons } from './icons';
import '../CategoryGrid/index.css';

interface Props {
  value: ComplaintCategory | null;
  onChange: (category: ComplaintCategory) => void;
}

/** What the complaint is about, as big tiles with an icon and a word, like the repair form's. */
export default function CategoryTiles({ value, onChange }: Props) {
  return (
    <View className='category-grid complaint-categories'>
      {complaintCategories.map((category) => (
        <View
          key={category}
          id={`category-${category}`}
          className={`category-tile complaint-category${value === category ? ' category-on' : ''}`}
          onClick={() => onChange(category)}
        >
          <Text className='category-icon'>{complaintIcons[category]}</Text>
          <Text className='category-name'>{messages.complaintCategories[category]}</Text>
        </View>
      ))}
    </View>
  );
}
