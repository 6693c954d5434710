import type * as repairs from '@shared/contracts/repairs.contract';
import { PAGE_SIZE } from '@shared/contracts/page';
import type { CallInput } from './client';
import { readAhead } from './index';

type Target<A extends { fn: string; name: string }> = Pick<A, 'fn' | 'name'>;

/**
 * Issue 16: the read a page shows first, by the page's route, for the property the person last entered.
 * The input must be the one the page's own first call sends, key for key and in the same order
 * (`usePagedAction`: the list's input, then its `limit`), or the page asks again.
 */
const firstReads: Record<string, (propertyId: string) => [Target<typeof repairs.inbox>, CallInput<typeof repairs.inbox>]> = {
  'pages/desk/inbox/index': (propertyId) => [{ fn: 'repairs', name: 'inbox' }, { propertyId, limit: PAGE_SIZE }],
};

/** The page an H5 load opens on, from the hash router's address ('#/pages/desk/inbox/index?…'). */
export const openingRoute = (hash: string): string => hash.replace(/^#\/?/, '').split('?')[0] ?? '';

/**
 * When the app opens on a page with a first read and a property is remembered, that read goes out now,
 * beside the session's call, instead of after it: the page finds its reply waiting.
 */
export const readFirstAhead = (route: string, propertyId: string | null) => {
  const read = firstReads[route];
  if (!read || !propertyId) return;
  const [target, input] = read(propertyId);
  readAhead(target, input);
};
