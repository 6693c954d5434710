import { Button, Text, View } from '@tarojs/components';
import LineField from '../../../components/LineField';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import type { FeeRow } from './settings-form';

interface Props {
  rows: FeeRow[];
  readOnly: boolean;
  error?: string;
  onChange: (rows: FeeRow[]) => void;
}

/** The fee schedule (R6): each item's code, name and price, typed and shown in yuan. */
export default function FeeSection({ rows, readOnly, error, onChange }: Props) {
  const t = supervisorUi.settings;
  const edit = (i: number, patch: Partial<FeeRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <View className='card settings-section settings-fees'>
      <Text className='section-title'>{t.fees}</Text>
      {rows.length === 0 && <Text className='muted'>{t.noFees}</Text>}
      {rows.map((row, i) =>
        readOnly ? (
          <View key={i} id={`fee-${i}`} className='settings-line fee-line'>
            <Text className='fee-name'>{fill(t.feeLine, { name: row.name, code: row.code })}</Text>
            <Text className='fee-price'>{fill(t.feePriceShown, { amount: row.price })}</Text>
          </View>
        ) : (
          <View key={i} id={`fee-${i}`} className='settings-row fee-row'>
            <View className='fee-name-field'>
              <LineField label={t.feeName} inputClass='input-fee-name' value={row.name} maxlength={40} placeholder='' errorClass='' onChange={(name) => edit(i, { name })} />
            </View>
            <LineField label={t.feeCode} inputClass='input-fee-code' value={row.code} maxlength={20} placeholder='' errorClass='' onChange={(code) => edit(i, { code })} />
            <LineField
              label={t.feePrice}
              inputClass='input-fee-price'
              type='digit'
              value={row.price}
              maxlength={10}
              placeholder=''
              errorClass=''
              onChange={(price) => edit(i, { price })}
            />
            <Button className='btn btn-plain btn-remove btn-remove-fee' onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t.remove}
            </Button>
          </View>
        ),
      )}
      {!readOnly && (
        <Button className='btn btn-secondary btn-add-fee' onClick={() => onChange([...rows, { code: '', name: '', price: '' }])}>
          {t.addFee}
        </Button>
      )}
      {error && <Text className='field-error error-section-fees'>{error}</Text>}
    </View>
  );
}
