import { createElement, type ComponentType } from 'react';
import type { NavIcon } from '@shared/areas/area';

/**
 * Issue 15 (1): a work-grid icon an area's declaration carries as a drawing (one of the kit's, its
 * `svg64`), drawn as the kit draws its own icons (@nutui/icons-react-taro's Icon: an `i` masked by the
 * drawing and filled with the text's colour), so the entry looks as it did with the kit's component and
 * no central map of icons grows with each area.
 */
const drawn = new WeakMap<NavIcon, ComponentType<{ className?: string }>>();

/** The component of one declared icon, made once per drawing so a home's re-render keeps the same element. */
export const drawnIcon = (icon: NavIcon): ComponentType<{ className?: string }> => {
  const known = drawn.get(icon);
  if (known) return known;
  const { name, svg64 } = icon;
  const mask = `url('${svg64}') 0 0/100% 100% no-repeat`;
  const style = process.env.TARO_ENV === 'h5' ? { mask, WebkitMask: mask } : { mask, '-webkitMask': mask };
  const Drawn = ({ className = '' }: { className?: string }) => createElement('i', { className: `nut-icon nut-icon-${name} ${className}`, style: { backgroundColor: 'currentColor', ...style } });
  Drawn.displayName = `NavIcon(${name})`;
  drawn.set(icon, Drawn);
  return Drawn;
};
