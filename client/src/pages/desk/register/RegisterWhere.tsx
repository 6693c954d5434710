import { Text, View } from '@tarojs/components';
import LineField from '../../../components/LineField';
import PublicPlace from '../../../components/PublicPlace';
import { buildingOf } from '../../../components/ComplaintFields/fields';
import { deskUi } from '../../../i18n/desk.zh-CN';
import Pressable from '../../../keyboard/Pressable';
import type { RegisterDraft } from './draft';

interface Props {
  draft: RegisterDraft;
  onEdit: (patch: Partial<RegisterDraft>) => void;
}

/**
 * Issue 18 (5): the building a public place is in: the chosen resident's, or, for a repair nobody
 * reported, the one the desk types (none: the public areas only).
 */
export const buildingFor = (draft: RegisterDraft): string | null =>
  draft.noReporter ? draft.building.trim() || null : buildingOf(draft.resident?.rooms.find((r) => r.roomId === draft.roomId) ?? draft.resident?.rooms[0]);

/**
 * R2 issue 18 (5): where the repair is: one of the chosen resident's rooms, or a public place; a
 * public place may have nobody who reported it (a staff member's round, an anonymous caller), and
 * then no resident is chosen and the desk names the building.
 */
export default function RegisterWhere({ draft, onEdit }: Props) {
  const t = deskUi.deskRegister;
  const isPublic = draft.where === 'public';
  const rooms = draft.resident?.rooms ?? [];
  const building = buildingFor(draft);
  const noReporter = () =>
    onEdit(draft.noReporter ? { noReporter: false } : { noReporter: true, resident: null, roomId: null, ...(draft.resident ? { callerName: '', phone: '' } : {}) });
  return (
    <View className='register-where'>
      <Text className='section-title register-room-title'>{t.room}</Text>
      <View className='chips'>
        {rooms.map((room) => (
          <Pressable
            key={room.roomId}
            id={`register-room-${room.roomId}`}
            className={`chip room-option${draft.where === 'room' && draft.roomId === room.roomId ? ' chip-on' : ''}`}
            on={draft.where === 'room' && draft.roomId === room.roomId}
            onPress={() => onEdit({ roomId: room.roomId, where: 'room', noReporter: false })}
          >
            {room.label}
          </Pressable>
        ))}
        <Pressable id='register-room-public' className={`chip room-option${isPublic ? ' chip-on' : ''}`} on={isPublic} onPress={() => onEdit({ where: 'public' })}>
          {t.publicPlace}
        </Pressable>
        {isPublic && (
          <Pressable id='register-no-reporter' className={`chip no-reporter${draft.noReporter ? ' chip-on' : ''}`} on={draft.noReporter} onPress={noReporter}>
            {t.noReporter}
          </Pressable>
        )}
      </View>
      {isPublic && draft.noReporter && (
        <LineField
          label={t.building}
          inputClass='input-register-building'
          value={draft.building}
          maxlength={10}
          placeholder={t.buildingPlaceholder}
          errorClass='error-building'
          onChange={(value) => onEdit({ building: value })}
        />
      )}
      {isPublic && (
        <PublicPlace
          building={building}
          place={draft.publicPlace}
          floor={draft.floor}
          text={draft.noReporter ? { ...t, myBuilding: t.theBuilding } : t}
          onEdit={onEdit}
        />
      )}
    </View>
  );
}
