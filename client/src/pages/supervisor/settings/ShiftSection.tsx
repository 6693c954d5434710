import { Button, Text, View } from '@tarojs/components';
import CheckItem from '../../../components/CheckItem';
import LineField from '../../../components/LineField';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import SectionSave, { type SectionSaving } from './SectionSave';
import type { ShiftRow } from './settings-form';
import TimeField from './TimeField';

/** The contract's limit. */
const MAX_SHIFTS = 6;

export interface DeskChoice {
  id: string;
  name: string;
}

interface Props {
  rows: ShiftRow[];
  /** Who may be put on a shift (the active desk); names for read-only display come from `names`. */
  desk: DeskChoice[];
  names: ReadonlyMap<string, string>;
  readOnly: boolean;
  error?: string;
  saving: SectionSaving | null;
  onChange: (rows: ShiftRow[]) => void;
}

/** The desk's roster: each shift's name, when it starts (it lasts until the next one), and who is on it. */
export default function ShiftSection({ rows, desk, names, readOnly, error, saving, onChange }: Props) {
  const t = supervisorUi.settings;
  const edit = (i: number, patch: Partial<ShiftRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const toggle = (i: number, id: string, on: boolean) => {
    const ids = rows[i]?.deskMemberIds ?? [];
    edit(i, { deskMemberIds: on ? [...ids, id] : ids.filter((other) => other !== id) });
  };
  const who = (row: ShiftRow) => row.deskMemberIds.map((id) => names.get(id) ?? '').filter(Boolean).join(t.deskSeparator) || t.nobody;
  return (
    <View className='card settings-section settings-shifts'>
      <Text className='section-title'>{t.shifts}</Text>
      {rows.map((row, i) =>
        readOnly ? (
          <View key={i} id={`shift-${i}`} className='settings-line shift-line'>
            <Text className='shift-name'>{fill(t.shiftLine, { name: row.name, start: row.start })}</Text>
            <Text className='muted shift-desk'>{fill(t.shiftDeskLine, { names: who(row) })}</Text>
          </View>
        ) : (
          <View key={i} id={`shift-${i}`} className='settings-row shift-row'>
            <LineField label={t.shiftName} inputClass='input-shift-name' value={row.name} maxlength={10} placeholder='' errorClass='' onChange={(name) => edit(i, { name })} />
            <TimeField label={t.shiftStart} className='input-shift-start' value={row.start} onChange={(start) => edit(i, { start })} />
            <Text className='line-label shift-desk-label'>{t.shiftDesk}</Text>
            {desk.length === 0 && <Text className='muted'>{t.noDesk}</Text>}
            {desk.map((d) => (
              <CheckItem key={d.id} className={`shift-desk-${d.id}`} checked={row.deskMemberIds.includes(d.id)} label={d.name} onChange={(on) => toggle(i, d.id, on)} />
            ))}
            {rows.length > 1 && (
              <Button className='btn btn-plain btn-remove btn-remove-shift' onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {t.remove}
              </Button>
            )}
          </View>
        ),
      )}
      {!readOnly && rows.length < MAX_SHIFTS && (
        <Button className='btn btn-secondary btn-add-shift' onClick={() => onChange([...rows, { name: '', start: '', deskMemberIds: [] }])}>
          {t.addShift}
        </Button>
      )}
      {error && <Text className='field-error error-section-shifts'>{error}</Text>}
      <SectionSave sections={['shifts']} saving={saving} />
    </View>
  );
}
