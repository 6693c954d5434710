import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as files from '@shared/contracts/files.contract';
import PrimaryButton from '../../../components/PrimaryButton';
import StatusTag from '../../../components/StatusTag';
import { useFileWrite, type FileView, type GrantView } from '../../../hooks/useFiles';
import { fill } from '../../../i18n/ui.zh-CN';
import { filesUi } from '../../../i18n/files.zh-CN';
import { formatDue, formatWhen } from '../../../utils/time';
import FileCard from './FileCard';
import { grantTones } from './tones';

/** P1: one of the desk's requests; while it is granted the file opens here (each opening a logged read). */
export default function GrantRow({ propertyId, grant, onLapsed }: { propertyId: string; grant: GrantView; onLapsed: () => void }) {
  const t = filesUi;
  const [file, setFile] = useState<FileView | null>(null);
  const { busy, refusal, write } = useFileWrite();
  const open = async () => {
    const read = await write(files.read, { propertyId, roomId: grant.roomId }, null);
    if (read) setFile(read);
    else onLapsed();
  };
  return (
    <View id={`grant-${grant.id}`} className='card files-grant'>
      <View className='files-grant-head'>
        <Text className='files-room-label'>{grant.roomLabel}</Text>
        <StatusTag tone={grantTones[grant.status]} label={t.status[grant.status]} className='files-grant-status' />
      </View>
      <Text className='files-reason'>{grant.reason}</Text>
      <Text className='muted files-grant-meta'>
        {[fill(t.askedBy, { name: grant.askedBy, when: formatWhen(grant.createdAt) }), grant.status === 'granted' && grant.until ? fill(t.until, { when: formatDue(grant.until) }) : null].filter(Boolean).join(' · ')}
      </Text>
      {refusal && <Text className='field-error files-refusal'>{refusal}</Text>}
      {grant.status === 'granted' &&
        (file ? (
          <>
            <FileCard propertyId={propertyId} file={file} onChange={setFile} />
            <Button className='btn btn-secondary btn-files-close' onClick={() => setFile(null)}>
              {t.close}
            </Button>
          </>
        ) : (
          <PrimaryButton className='btn-files-open' busy={busy} onClick={open}>
            {t.open}
          </PrimaryButton>
        ))}
    </View>
  );
}
