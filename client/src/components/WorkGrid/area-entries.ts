import { areaPages } from '@shared/areas';
import type { NavPlace, StaffHome } from '@shared/areas/area';
import { go } from '../../utils/routes';
import { navIcons } from './icons';
import type { WorkEntry, WorkGroup } from '.';

const placeOf = (place: NavPlace) => (typeof place === 'string' ? { group: place, before: null } : place);

/**
 * Issue 15 (1): the entries the registry's areas declare for this home, each put in its group (before
 * the entry it names, else last). A group the home does not show leaves the entry out.
 */
export const withAreaEntries = (home: StaffHome, groups: WorkGroup[]): WorkGroup[] =>
  areaPages.reduce((placed, page) => {
    const nav = page.nav;
    const place = nav?.homes[home];
    if (!nav || !place) return placed;
    const { group, before } = placeOf(place);
    const entry: WorkEntry = { key: nav.key, label: nav.label, icon: navIcons[nav.icon], open: () => go(page.path) };
    return placed.map((g) => {
      if (g.key !== group) return g;
      const at = before === null ? -1 : g.entries.findIndex((e) => e.key === before);
      return { ...g, entries: at < 0 ? [...g.entries, entry] : [...g.entries.slice(0, at), entry, ...g.entries.slice(at)] };
    });
  }, groups);
