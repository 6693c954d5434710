import type { ComponentType } from 'react';
import type { NavIcon } from '@shared/areas/area';
import Eye from '@nutui/icons-react-taro/dist/es/icons/Eye.js';
import Link from '@nutui/icons-react-taro/dist/es/icons/Link.js';
import List from '@nutui/icons-react-taro/dist/es/icons/List.js';
import List2 from '@nutui/icons-react-taro/dist/es/icons/List2.js';
import Order from '@nutui/icons-react-taro/dist/es/icons/Order.js';
import ShieldCheck from '@nutui/icons-react-taro/dist/es/icons/ShieldCheck.js';

/** The icons an area's work-grid entry may name in its declaration. */
export const navIcons: Record<NavIcon, ComponentType<{ className?: string }>> = { Eye, Link, List, List2, Order, ShieldCheck };
