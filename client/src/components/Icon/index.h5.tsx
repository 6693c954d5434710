import type { ComponentType, ReactElement } from 'react';
import '../../theme/kit.css';
import './index.css';

type KitIcon = ComponentType<{ className?: string }>;

/** What a kit icon draws: its name and its picture (an SVG as a data URL). */
interface Drawing {
  name: string;
  svg64: string;
}

const drawings = new WeakMap<KitIcon, Drawing>();

/**
 * A kit icon's component (`@nutui/icons-react-taro/dist/es/icons/<Name>.js`) returns, with no hooks, a fragment
 * around the kit's own icon element, whose props carry its name and picture: read once per icon.
 */
const drawingOf = (icon: KitIcon): Drawing => {
  let drawing = drawings.get(icon);
  if (!drawing) {
    const { name, svg64 } = (icon as (props: object) => ReactElement<{ children: ReactElement<Drawing> }>)({}).props.children.props;
    drawing = { name, svg64 };
    drawings.set(icon, drawing);
  }
  return drawing;
};

/**
 * H5 (issue 16): the kit icon's `<i>` as the kit draws it in a browser (its class, the picture as a mask in the
 * text's colour), drawn here: one fiber and the element, instead of this, the icon's component, the kit's icon
 * and the element, for every icon of a page (ten on the desk's inbox). tests/client/icon-h5.test.tsx holds it to
 * the kit's own markup. `index.tsx` is WeChat's, which draws the kit's component.
 */
export default function Icon({ of, className = '' }: { of: KitIcon; className?: string }) {
  const { name, svg64 } = drawingOf(of);
  return (
    <i
      className={` nut-icon nut-icon-${name} app-icon ${className}`}
      style={{ backgroundColor: 'currentColor', mask: `url('${svg64}')  0 0/100% 100% no-repeat`, WebkitMask: `url('${svg64}') 0 0/100% 100% no-repeat` }}
    />
  );
}
