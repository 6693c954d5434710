import { Text, View } from '@tarojs/components';

interface Props {
  className: string;
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/** A small table of figures: the first column names the row, the others are numbers. */
export default function FigureTable({ className, head, rows }: Props) {
  return (
    <View className={`figure-table ${className}`}>
      <View className='figure-row figure-head'>
        {head.map((h, i) => (
          <Text key={h} className={`figure-cell${i === 0 ? ' figure-name' : ''}`}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={String(row[0])} className='figure-row'>
          {row.map((cell, i) => (
            <Text key={i} className={`figure-cell${i === 0 ? ' figure-name' : ''}`}>
              {String(cell)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
