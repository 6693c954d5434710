import type { PropsWithChildren } from 'react';
import { openingRoute, readFirstAhead } from './api/first-reads';
import { platform } from './api/platform';
import { watchPrivacyConsent } from './components/PrivacyConsent/consent';
import { ensureSession, rememberedProperty } from './store/session.store';
import './app.css';

platform.start();
watchPrivacyConsent();

/**
 * Issue 16: an H5 load asks for the session, and for the first read of the page it opens on, at once,
 * while the page's code is still on its way (the page would ask only once it has rendered, then one call
 * after the other). Not before the local sign-in, which starts the session itself.
 */
if (process.env.TARO_ENV === 'h5' && !platform.signInPage()) {
  readFirstAhead(openingRoute(window.location.hash), rememberedProperty());
  ensureSession();
}

export default function App({ children }: PropsWithChildren) {
  return children;
}
