import { Image, View } from '@tarojs/components';
import { platform } from '../../api/platform';
import { refOf } from '../../offline/local-files';
import { ui } from '../../i18n/ui.zh-CN';
import { previewImage } from './preview';
import './index.css';

/**
 * What an `<Image>` shows for a photo in a view: the link the function issued, or, for one still
 * waiting on this phone to be uploaded (an `offline:` placeholder), the kept file itself.
 */
const shown = (photo: string) => {
  const ref = refOf(photo);
  return ref ? platform.keptFileUrl(ref) : photo;
};

/** Thumbnails of the links a view carries ('' for a file that cannot be shown); a tap opens the full-screen viewer. */
export default function PhotoGrid({ links }: { links: readonly string[] }) {
  const urls = links.map(shown).filter(Boolean);
  if (urls.length === 0) return null;
  const open = (current: string) => void previewImage({ current, urls }).catch(() => undefined);
  // A screen reader says what the thumbnail is (axe: image-alt). WeChat reads the view's aria-label; in the browser
  // Taro's HTML <Image> is a box around an <img>, which takes the alt (axe refuses a label on the unnamed box).
  const label = ui.repairDetail.photos;
  const named = process.env.TARO_ENV === 'h5' ? { imgProps: { alt: label } } : { ariaLabel: label };
  return (
    <View className='photo-grid'>
      {urls.map((url) => (
        <Image key={url} className='photo-thumb' src={url} mode='aspectFill' {...named} onClick={() => open(url)} />
      ))}
    </View>
  );
}
