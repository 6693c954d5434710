import type { CaseView, ComplaintView, GroupView } from '@shared/contracts/complaints.contract';
import { PROPERTY } from './fixtures';

/** 2026-11-23 10:00 Shanghai. */
const AT = '2026-11-23T02:00:00.000Z';

const handling = {
  version: 1,
  urgency: 'normal' as const,
  category: 'cleaning' as const,
  place: { scope: 'building' as const, building: '1' },
  placeLabel: '1栋',
  classification: null,
  proposal: null,
  slip: null,
  managerAck: null,
  reply: null,
  dueAt: null,
  dueRule: null,
  overdue: false,
  governmentOrMedia: false,
  injuryOrLoss: false,
  resolvedAt: null,
  createdAt: AT,
  registerDate: '2026-11-23',
  actions: [],
};

let n = 0;

/** One household's complaint as the desk sees it (the resident's view differs only in the masked phone). */
export const complaint = (over: Partial<ComplaintView> = {}): ComplaintView => {
  n += 1;
  return {
    kind: 'complaint',
    id: `c${n}`,
    ...handling,
    status: 'received',
    address: '1栋1单元101',
    residentName: '王阿姨',
    phone: '13800001111',
    vip: false,
    channel: 'miniprogram',
    occurredAt: '2026-11-23T01:30:00.000Z',
    target: '保洁部',
    description: '楼道里的垃圾三天没人清理',
    request: '请尽快清理，并告诉我结果',
    residentDeadline: null,
    photos: [],
    apology: null,
    repeatOf: null,
    group: null,
    rating: null,
    ...over,
  };
};

/** C3: five households about the same matter. */
export const group = (over: Partial<GroupView> = {}): GroupView => {
  n += 1;
  const members = [1, 2, 3, 4, 5].map((i) => ({
    id: `gm${i}`,
    address: `1栋1单元${i}01`,
    residentName: `住户${i}`,
    status: 'grouped' as const,
    createdAt: AT,
  }));
  return { kind: 'group', id: `g${n}`, ...handling, urgency: 'top', status: 'handling', households: 5, members, ...over };
};

export const detail = (view: CaseView, history: Array<{ action: string; to: string; role: string; reason: string | null; at: string }> = []) => ({
  case: view,
  history,
});

export const rooms = [
  { roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' },
  { roomId: `${PROPERTY}:3-2-1502`, label: '3-2-1502' },
];
