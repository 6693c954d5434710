import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { usePhotoUrls } from './usePhotoUrls';
import './index.css';

/** Thumbnails; a tap opens the full-screen viewer. */
export default function PhotoGrid({ fileIDs }: { fileIDs: readonly string[] }) {
  const urls = usePhotoUrls(fileIDs).filter(Boolean);
  if (urls.length === 0) return null;
  const open = (current: string) => void Taro.previewImage({ current, urls }).catch(() => undefined);
  return (
    <View className='photo-grid'>
      {urls.map((url) => (
        <Image key={url} className='photo-thumb' src={url} mode='aspectFill' onClick={() => open(url)} />
      ))}
    </View>
  );
}
