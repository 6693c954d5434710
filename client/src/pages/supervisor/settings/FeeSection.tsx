import { Button, Text, View } from '@tarojs/components';
import LineField from '../../../components/LineField';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import ResidentPreview from './ResidentPreview';
import SectionSave, { type SectionSaving } from './SectionSave';
import { newFeeCode, type FeeRow } from './settings-form';

interface Props {
  rows: FeeRow[];
  readOnly: boolean;
  error?: string;
  saving: SectionSaving | null;
  onChange: (rows: FeeRow[]) => void;
}

/**
 * The fee schedule (R6): each item by its name and price in yuan. The code quotes keep it by stays out of
 * sight (issue 17, 3); a new item gets one of its own.
 */
export default function FeeSection({ rows, readOnly, error, saving, onChange }: Props) {
  const t = supervisorUi.settings;
  const edit = (i: number, patch: Partial<FeeRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <View className='card settings-section settings-fees'>
      <Text className='section-title'>{t.fees}</Text>
      {rows.length === 0 && <Text className='muted'>{t.noFees}</Text>}
      {rows.map((row, i) =>
        readOnly ? (
          <View key={i} id={`fee-${i}`} className='settings-line fee-line'>
            <Text className='fee-name'>{row.name}</Text>
            <Text className='fee-price'>{fill(t.feePriceShown, { amount: row.price })}</Text>
          </View>
        ) : (
          <View key={i} id={`fee-${i}`} className='settings-row fee-row'>
            <View className='fee-name-field'>
              <LineField label={t.feeName} inputClass='input-fee-name' value={row.name} maxlength={40} placeholder='' errorClass='' onChange={(name) => edit(i, { name })} />
            </View>
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
        <Button className='btn btn-secondary btn-add-fee' onClick={() => onChange([...rows, { code: newFeeCode(rows), name: '', price: '' }])}>
          {t.addFee}
        </Button>
      )}
      {error && <Text className='field-error error-section-fees'>{error}</Text>}
      {!readOnly && rows.length > 0 && (
        <ResidentPreview name='fees'>
          <Text className='section-title'>{t.previewFees}</Text>
          {rows.map((row, i) => (
            <View key={i} className='settings-line preview-fee'>
              <Text>{row.name}</Text>
              <Text>{fill(t.feePriceShown, { amount: row.price })}</Text>
            </View>
          ))}
        </ResidentPreview>
      )}
      <SectionSave sections={['fees']} saving={saving} />
    </View>
  );
}
