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

describe('issue 16 (noticed): each tile of a staff home draws its own icon', () => {
  const iconsOf = (role: 'desk' | 'supervisor' | 'manager') =>
    workGroups(role, counts)
      .flatMap((g) => g.entries)
      .map((e) => ({ key: e.key, icon: e.icon }));
  const sharing = (role: 'desk' | 'supervisor' | 'manager') => {
    const tiles = iconsOf(role);
    return tiles.filter((t) => tiles.some((o) => o.key !== t.key && o.icon === t.icon)).map((t) => t.key);
  };

  it.each(['desk', 'supervisor', 'manager'] as const)('no two entries of the %s home share an icon', (role) => {
    expect(sharing(role)).toEqual([]);
  });

  it('统计报表 and 投诉分析 are told apart by their icons on the manager’s and the supervisor’s homes', () => {
    for (const role of ['supervisor', 'manager'] as const) {
      const figures = workGroups(role, counts).find((g) => g.key === 'figures')?.entries ?? [];
      const icon = (key: string) => figures.find((e) => e.key === key)?.icon;
      expect(icon('reports')).toBeDefined();
      expect(icon('complaint-figures')).toBeDefined();
      expect(icon('reports')).not.toBe(icon('complaint-figures'));
    }
  });
});
