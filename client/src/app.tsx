import type { PropsWithChildren } from 'react';
import { platform } from './api/platform';
import { watchPrivacyConsent } from './components/PrivacyConsent/consent';
import './app.css';

platform.start();
watchPrivacyConsent();

export default function App({ children }: PropsWithChildren) {
  return children;
}
