import type { PropsWithChildren } from 'react';
import { platform } from './api/platform';
import './app.css';

platform.start();

export default function App({ children }: PropsWithChildren) {
  return children;
}
