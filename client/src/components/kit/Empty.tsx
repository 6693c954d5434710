import type { ComponentProps } from 'react';
import NutEmpty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css.js';
import '../../theme/kit.css';

/**
 * The kit's empty state, words only: NutUI's default picture is an image it loads from JD's CDN with
 * no text (axe's image-alt), and no page of ours fetches from a third party. The picture's box is
 * folded away in the theme (kit.css); the description says what the empty place means.
 */
export default function Empty(props: Omit<ComponentProps<typeof NutEmpty>, 'image'>) {
  return <NutEmpty {...props} image={<></>} />;
}
