import { ensureSession, rememberedProperty } from '../store/session.store';
import { openingRoute, readFirstAhead } from './first-reads';
import { platform } from './platform';

/**
 * Issue 16: an H5 load asks for the session, and for the first read of the page it opens on, at once,
 * while the page's code is still on its way (the page would ask only once it has rendered, then one call
 * after the other). Not before the local sign-in, which starts the session itself.
 */
export const openEarly = () => {
  if (platform.signInPage()) return;
  readFirstAhead(openingRoute(window.location.hash), rememberedProperty());
  ensureSession();
};
