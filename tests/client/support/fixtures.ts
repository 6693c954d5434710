import type { FiledRepair, RepairView } from '@shared/contracts/repairs.contract';
import type { Role } from '@shared/model/member.model';

export const ok = <T>(data: T) => ({ ok: true as const, data });

/** A paged list's answer holding all of `items`: nothing more to load. */
export const page = <T>(items: readonly T[]) => ({ items: [...items], total: items.length, next: null });
export const okPage = <T>(items: readonly T[]) => ok(page(items));

export const PROPERTY = 'sunny';

export const sessionHandlers = (role: Role, rooms: Array<{ roomId: string; label: string }> = []) => ({
  'session.me': () =>
    ok({ memberships: [{ propertyId: PROPERTY, propertyName: '阳光花园', memberId: 'm1', role, name: '王阿姨' }] }),
  'session.context': () =>
    ok({
      memberId: 'm1',
      role,
      name: '王阿姨',
      property: { propertyId: PROPERTY, name: '阳光花园', deskPhone: '0571-88886666' },
      rooms,
      signals: [`${PROPERTY}~role:${role}`],
      onShift: true,
      uploadPrefix: 'uploads/mb_1/',
    }),
  'session.signals': () => ok({ signals: [] }),
});

let n = 0;
export const repair = (over: Partial<RepairView> = {}): RepairView => {
  n += 1;
  return {
    id: `r${n}`,
    status: 'submitted',
    version: 1,
    category: 'water',
    description: '厨房水龙头滴水',
    roomId: `${PROPERTY}:1-1-101`,
    address: '1栋1单元101',
    residentName: '王阿姨',
    phone: '13800001111',
    preferredTime: null,
    photos: [],
    channel: 'miniprogram',
    triage: { urgent: false, rule: null, matched: null },
    priority: 'normal',
    technician: null,
    createdAt: '2026-11-23T02:00:00.000Z',
    dispatchedAt: null,
    actions: [],
    ...over,
  };
};

/** What repairs.create answers: the repair and the property's promise (issue 18, 2). */
export const filed = (view = repair()): FiledRepair => ({ ...view, promise: view.priority === 'urgent' ? { kind: 'urgent' } : { kind: 'dispatch', withinMinutes: 15 } });

export const urgent = (rule: 'R3.1' | 'R3.4', over: Partial<RepairView> = {}): RepairView =>
  repair({ priority: 'urgent', triage: { urgent: true, rule, matched: '爆管' }, ...over });
