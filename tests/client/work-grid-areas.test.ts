import { areaPages } from '@shared/areas';
import { workGroups } from '../../client/src/components/WorkGrid/staff-entries';

const counts = { urgent: null, complaints: null, callbacks: null, bindings: null };
const keysOf = (role: 'desk' | 'supervisor' | 'manager') => Object.fromEntries(workGroups(role, counts).map((g) => [g.key, g.entries.map((e) => e.key)]));

describe("issue 15 (1): the areas' entries on the staff homes come from their declarations", () => {
  it('each home shows the duty, keys, resident-file and report entries where they stood before the registry', () => {
    expect(keysOf('supervisor').today).toEqual(['queue', 'send-backs', 'complaint-register', 'duty-day', 'complaints', 'callbacks', 'bindings', 'inbox', 'duty', 'keys', 'file-access']);
    expect(keysOf('manager').today).toEqual(['complaints', 'inbox', 'complaint-register', 'duty-day', 'queue', 'file-access']);
    expect(keysOf('manager')['front-desk']).toEqual(['callbacks', 'bindings', 'keys', 'bookings', 'reception', 'group-visits']);
    expect(keysOf('supervisor').figures).toEqual(['reports', 'scorecards', 'complaint-figures', 'callback-figures']);
    expect(keysOf('manager').figures).toEqual(['reports', 'scorecards', 'complaint-figures', 'callback-figures']);
    expect(keysOf('desk').today).toEqual(['complaints', 'callbacks', 'bindings', 'inbox', 'duty', 'keys', 'files']);
  });

  it('every entry an area declares for a home is on it, in the group it names', () => {
    for (const page of areaPages) {
      for (const [home, place] of Object.entries(page.nav?.homes ?? {})) {
        const group = typeof place === 'string' ? place : place.group;
        expect(keysOf(home as 'desk' | 'supervisor' | 'manager')[group]).toContain(page.nav?.key);
      }
    }
  });
});
