import type { PropsWithChildren } from 'react';
import { openEarly } from './api/open-early';
import { platform } from './api/platform';
import { watchPrivacyConsent } from './components/PrivacyConsent/consent';
import './app.css';

platform.start();
watchPrivacyConsent();
openEarly();

export default function App({ children }: PropsWithChildren) {
  return children;
}
