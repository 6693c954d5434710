import type { ComponentType } from 'react';
import type { NavIcon } from '@shared/areas/area';
import Link from '@nutui/icons-react-taro/dist/es/icons/Link.js';
import List from '@nutui/icons-react-taro/dist/es/icons/List.js';
import Order from '@nutui/icons-react-taro/dist/es/icons/Order.js';

/** The icons an area's work-grid entry may name in its declaration. */
export const navIcons: Record<NavIcon, ComponentType<{ className?: string }>> = { Link, List, Order };
