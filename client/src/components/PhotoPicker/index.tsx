import { useState } from 'react';
import Photograph from '@nutui/icons-react-taro/dist/es/icons/Photograph.js';
import Icon from '../Icon';
import { Button, Image, Text, View } from '@tarojs/components';
import { platform } from '../../api/platform';
import { ui } from '../../i18n/ui.zh-CN';
import { toastError } from '../../utils/toast';
import '../PhotoGrid/index.css';

interface Props {
  fileIDs: readonly string[];
  max: number;
  uploadPrefix: string;
  onChange: (fileIDs: string[]) => void;
}

/**
 * Each uploaded file's picture on this phone, for as long as the app runs. The uploader previews
 * from it: nobody, the uploader included, reads a stored file back by its id.
 */
const previews = new Map<string, string>();

/** Camera or album; each photo is uploaded at once, so the draft keeps only file ids. */
export default function PhotoPicker({ fileIDs, max, uploadPrefix, onChange }: Props) {
  const [uploading, setUploading] = useState(0);

  const add = async () => {
    const picked = await platform.pickPhotos(max - fileIDs.length);
    if (picked.length === 0) return;
    setUploading(picked.length);
    const uploaded = await Promise.all(
      picked.map(async (photo) => {
        const id = await platform.uploadFile(photo, uploadPrefix);
        if (id) previews.set(id, photo.localPath);
        return id;
      }),
    );
    setUploading(0);
    const ok = uploaded.filter((id): id is string => id !== null);
    if (ok.length < picked.length) toastError(ui.repairForm.photoFailed);
    if (ok.length) onChange([...fileIDs, ...ok].slice(0, max));
  };

  return (
    <View className='photo-picker'>
      <View className='photo-grid'>
        {fileIDs.map((id) => (
          <View key={id} className='photo-slot'>
            {previews.has(id) ? (
              <Image className='photo-thumb' src={previews.get(id) ?? ''} mode='aspectFill' />
            ) : (
              <View className='photo-thumb photo-uploaded'>
                <Text className='muted'>{ui.repairForm.photoUploaded}</Text>
              </View>
            )}
            <Text className='photo-remove' onClick={() => onChange(fileIDs.filter((other) => other !== id))}>
              {ui.repairForm.removePhoto}
            </Text>
          </View>
        ))}
      </View>
      {uploading > 0 && <Text className='muted'>{ui.repairForm.uploading}</Text>}
      {fileIDs.length < max && uploading === 0 && (
        <Button className='btn btn-plain btn-add-photo' onClick={() => void add()}>
          <Icon of={Photograph} />{ui.repairForm.addPhoto}
        </Button>
      )}
    </View>
  );
}
