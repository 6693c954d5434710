import { useState } from 'react';
import Photograph from '@nutui/icons-react-taro/dist/es/icons/Photograph.js';
import Icon from '../../../components/Icon';
import { Button, Image, Text, View } from '@tarojs/components';
import { platform } from '../../../api/platform';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { toastError } from '../../../utils/toast';
import { compressedPhoto } from './compress-photo';
import '../../../components/PhotoGrid/index.css';

const MAX_PHOTOS = 6;

interface Props {
  className: string;
  title: string;
  refs: readonly string[];
  onChange: (refs: string[]) => void;
}

/** Photos taken on site, compressed and kept on the phone at once (a temp file does not survive); uploaded later by the queue. */
export default function PhotoShots({ className, title, refs, onChange }: Props) {
  const t = technicianUi.onSite.complete;
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const picked = await platform.pickPhotos(MAX_PHOTOS - refs.length);
    if (picked.length === 0) return;
    setBusy(true);
    const kept = await Promise.all(picked.map(async (p) => platform.keepFile(await compressedPhoto(p.localPath))));
    setBusy(false);
    const ok = kept.filter((ref): ref is string => ref !== null);
    if (ok.length < picked.length) toastError(t.photoFailed);
    if (ok.length) onChange([...refs, ...ok].slice(0, MAX_PHOTOS));
  };

  const remove = (ref: string) => {
    platform.dropKeptFile(ref);
    onChange(refs.filter((r) => r !== ref));
  };

  return (
    <View className={`photo-shots ${className}`}>
      <Text className='section-title'>{title}</Text>
      <View className='photo-grid'>
        {refs.map((ref) => (
          <View key={ref} className='photo-slot'>
            <Image className='photo-thumb' src={platform.keptFileUrl(ref)} mode='aspectFill' />
            <Text className='photo-remove' onClick={() => remove(ref)}>
              {t.removePhoto}
            </Text>
          </View>
        ))}
      </View>
      {refs.length < MAX_PHOTOS && (
        <Button className={`btn btn-plain btn-add-photo btn-add-${className}${busy ? ' btn-busy' : ''}`} onClick={() => void add()}>
          <Icon of={Photograph} />{t.addPhoto}
        </Button>
      )}
    </View>
  );
}
