import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import InfoRow from '../../../components/InfoRow';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import type { FileView } from '../../../hooks/useFiles';
import { fill } from '../../../i18n/ui.zh-CN';
import { filesUi } from '../../../i18n/files.zh-CN';
import { formatWhen } from '../../../utils/time';
import KeepForm from './KeepForm';

function History({ title, items }: { title: string; items: FileView['repairs'] }) {
  return (
    <View className='files-history'>
      <Text className='section-title'>{title}</Text>
      {items.length === 0 && <Text className='muted'>{filesUi.noHistory}</Text>}
      {items.map((h) => (
        <Text key={h.id} className='files-history-line'>{`${formatWhen(h.createdAt)} · ${h.description}`}</Text>
      ))}
    </View>
  );
}

interface Props {
  propertyId: string;
  file: FileView;
  onChange: (file: FileView) => void;
  /** The desk keeps vehicles and notes current; the supervisor reading a file himself only reads it. */
  editable?: boolean;
}

/** P1: one household's file as it is read: residents with masked phones, what the property keeps, the history. */
export default function FileCard({ propertyId, file, onChange, editable = true }: Props) {
  const t = filesUi;
  const [editing, setEditing] = useState(false);
  return (
    <View className='files-file'>
      <InfoRow label={t.residents} value={file.residents.map((r) => `${r.name} ${r.phone}`).join('；') || t.noResidents} className='files-residents' />
      {editing ? (
        <KeepForm
          propertyId={propertyId}
          file={file}
          onSaved={(saved) => {
            setEditing(false);
            // A save answers what it kept; the household is the one this file was read with.
            onChange({ ...file, ...saved });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <InfoRow label={t.vehicles} value={file.vehicles.map((v) => v.plate).join('，') || t.noVehicles} className='files-vehicles' />
          <InfoRow label={t.memo} value={file.memo || t.noMemo} className='files-memo-shown' />
          {file.updated && <Text className='muted files-updated'>{fill(t.updated, { name: file.updated.by, when: formatStamp(file.updated.at) })}</Text>}
          {editable && (
            <Button className='btn btn-secondary btn-files-edit' onClick={() => setEditing(true)}>
              {t.edit}
            </Button>
          )}
        </>
      )}
      <History title={t.repairs} items={file.repairs} />
      <History title={t.complaints} items={file.complaints} />
    </View>
  );
}
