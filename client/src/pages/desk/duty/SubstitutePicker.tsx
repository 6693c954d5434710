import { Text, View } from '@tarojs/components';
import ChoiceChips from '../../../components/ChoiceChips';
import { useKeyStaff } from '../../../hooks/useKeys';
import { dutyUi } from '../../../i18n/duty.zh-CN';

const NONE = 'none';

/**
 * D3: when the incoming member is unfit, the outgoing one names a substitute from the property's
 * desk members (the staff list the desk already reads, keys.staff), never by typing a name.
 */
export default function SubstitutePicker({ me, value, onPick }: { me: string; value: string | null; onPick: (memberId: string | null) => void }) {
  const t = dutyUi;
  const desk = (useKeyStaff().data?.items ?? []).filter((s) => s.role === 'desk' && s.memberId !== me);
  if (!desk.length) return null;
  const names = new Map(desk.map((s) => [s.memberId, s.name]));
  return (
    <View className='duty-substitute'>
      <Text className='field-label'>{t.substituteLabel}</Text>
      <ChoiceChips name='substitute' options={[NONE, ...desk.map((s) => s.memberId)]} value={value ?? NONE} label={(id) => names.get(id) ?? t.noSubstitute} onPick={(id) => onPick(id === NONE ? null : id)} />
    </View>
  );
}
