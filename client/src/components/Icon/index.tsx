import type { ComponentType } from 'react';
import '../../theme/kit.css';
import './index.css';

type KitIcon = ComponentType<{ className?: string }>;

/**
 * One icon of the kit's set (`@nutui/icons-react-taro/dist/es/icons/<Name>.js`), drawn in the text's
 * colour at the text's size. Decorative: the words beside it say what it means.
 */
export default function Icon({ of: Drawn, className = '' }: { of: KitIcon; className?: string }) {
  return <Drawn className={`app-icon ${className}`} />;
}
