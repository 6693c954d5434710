import { defaultSettings, type SettingsDoc } from '@shared/model/settings.model';
import { COMPANY_SCOPE, type MemberDoc, type Role, type Skill } from '@shared/model/member.model';
import { COMPANY_DOC_ID, type CompanyDoc } from '@shared/model/company.model';
import { roomId, type PropertyDoc, type RoomDoc } from '@shared/model/property.model';
import { propertyShadow } from '@shared/model/property-shadow.model';
import { withoutId } from '../cloudfunctions/_shared/repo';
import type { Database } from '../cloudfunctions/_shared/database';

export const DEMO_PROPERTY = 'demo';
/** The demo property's robot is the local one (local/robot.ts), under this key. */
export const DEMO_ROBOT_KEY = 'local-demo-robot';

interface DemoPerson {
  openid: string;
  name: string;
  role: Role;
  phone: string;
  rooms?: string[];
  skills?: Skill[];
  vip?: boolean;
}

/** The demo property's people, as USERS.md describes them; the openids are local stand-ins. */
export const demoPeople: readonly DemoPerson[] = [
  { openid: 'o-res-wang', name: '王秀英', role: 'resident', phone: '13800000101', rooms: ['1-1-101'] },
  { openid: 'o-res-zhang', name: '张伟', role: 'resident', phone: '13800001502', rooms: ['1-2-1502'] },
  { openid: 'o-res-li', name: '李娜', role: 'resident', phone: '13800000302', rooms: ['1-1-302'] },
  { openid: 'o-res-zhao', name: '赵磊', role: 'resident', phone: '13800000601', rooms: ['1-2-601', '2-1-201'] },
  { openid: 'o-res-chen', name: '陈静', role: 'resident', phone: '13800000802', rooms: ['2-1-802'], vip: true },
  { openid: 'o-res-liu', name: '刘洋', role: 'resident', phone: '13800001001', rooms: ['2-1-1001'] },
  { openid: 'o-res-yang', name: '杨帆', role: 'resident', phone: '13800001202', rooms: ['2-2-1202'] },
  { openid: 'o-res-huang', name: '黄敏', role: 'resident', phone: '13800000402', rooms: ['2-2-402'] },
  { openid: 'o-res-zhou', name: '周杰', role: 'resident', phone: '13800000702', rooms: ['1-1-702'] },
  { openid: 'o-res-wu', name: '吴芳', role: 'resident', phone: '13800001101', rooms: ['1-1-101'] },
  { openid: 'o-tech-li', name: '李建国', role: 'technician', phone: '13900000001', skills: ['plumbing', 'electrical'] },
  { openid: 'o-tech-sun', name: '孙强', role: 'technician', phone: '13900000002', skills: ['electrical', 'general'] },
  { openid: 'o-tech-ma', name: '马超', role: 'technician', phone: '13900000003', skills: ['elevator', 'general'] },
  { openid: 'o-desk-chen', name: '陈晓', role: 'desk', phone: '13700000001' },
  { openid: 'o-desk-lin', name: '林琳', role: 'desk', phone: '13700000002' },
  { openid: 'o-desk-he', name: '何娟', role: 'desk', phone: '13700000003' },
  { openid: 'o-sup-liu', name: '刘主管', role: 'supervisor', phone: '13600000001' },
  { openid: 'o-mgr-zhou', name: '周经理', role: 'manager', phone: '13500000001' },
];

/** Issue 14: the company's administrator, who belongs to no property of it. */
export const demoAdmins: readonly DemoPerson[] = [{ openid: 'o-admin-gao', name: '高明', role: 'admin', phone: '13400000001' }];

/**
 * WeChat users who belong nowhere yet (local sign-in only): a new desk member to invite and a new
 * resident to bind a room, so the going-live journeys can be walked and tested locally.
 */
export const localNewcomers: readonly { openid: string; name: string; label: string }[] = [
  { openid: 'o-new-desk', name: '钱敏', label: '钱敏（新员工，待邀请）' },
  { openid: 'o-new-res', name: '孙丽', label: '孙丽（新住户，未绑定）' },
];

/** Library templates as a property would pick them (the ids are local stand-ins): what each field shows. */
const threeFields = [
  { key: 'thing1', source: 'title' },
  { key: 'thing2', source: 'body' },
  { key: 'time3', source: 'time' },
] as const;
const demoTemplates: SettingsDoc['templates'] = [
  { kind: 'repair.new', id: 'local-tmpl-new-ticket', page: 'pages/desk/repair/index', fields: [...threeFields] },
  { kind: 'repair.dispatched', id: 'local-tmpl-work-order', page: 'pages/technician/order/index', fields: [...threeFields] },
  { kind: 'repair.changed', id: 'local-tmpl-repair-progress', page: 'pages/resident/repair/index', fields: [...threeFields] },
  { kind: 'complaint.changed', id: 'local-tmpl-complaint-progress', page: 'pages/resident/complaint/index', fields: [...threeFields] },
  { kind: 'complaint.major', id: 'local-tmpl-major', page: 'pages/desk/complaints/index', fields: [...threeFields] },
  { kind: 'deadline.breach', id: 'local-tmpl-overdue', page: 'pages/desk/inbox/index', fields: [...threeFields] },
];

const memberIdOf = (openid: string) => `mb_${openid.replace(/[^a-z0-9]/gi, '')}`;

const rooms = (propertyId: string): RoomDoc[] =>
  ['1', '2'].flatMap((building) =>
    ['1', '2'].flatMap((unit) =>
      Array.from({ length: 15 }, (_, f) => f + 1).flatMap((floor) =>
        ['01', '02'].map((door) => {
          const room = `${floor}${door}`;
          return { _id: roomId(propertyId, building, unit, room), propertyId, schemaVersion: 2 as const, building, unit, room, importId: null };
        }),
      ),
    ),
  );

export const demoDocuments = (now: Date, robotUrl: string) => {
  const propertyId = DEMO_PROPERTY;
  const property: PropertyDoc = { _id: propertyId, propertyId, schemaVersion: 2, name: '阳光花园', address: '上海市浦东新区阳光路 88 号', deskPhone: '021-55550000', status: 'active' };
  const company: CompanyDoc = { _id: COMPANY_DOC_ID, schemaVersion: 1, name: '阳光物业', createdAt: now.toISOString() };
  const members: MemberDoc[] = [...demoPeople, ...demoAdmins].map((p) => ({
    _id: memberIdOf(p.openid),
    propertyId: p.role === 'admin' ? COMPANY_SCOPE : propertyId,
    schemaVersion: 2,
    openid: p.openid,
    role: p.role,
    status: 'active',
    name: p.name,
    phone: p.phone,
    roomIds: (p.rooms ?? []).map((label) => {
      const [building = '', unit = '', room = ''] = label.split('-');
      return roomId(propertyId, building, unit, room);
    }),
    skills: p.skills ?? [],
    vip: p.vip ?? false,
    createdAt: now.toISOString(),
  }));
  const defaults = defaultSettings(propertyId);
  const desk = demoPeople.filter((p) => p.role === 'desk').map((p) => p.openid);
  const settings: SettingsDoc = {
    ...defaults,
    shifts: defaults.shifts.map((shift, i) => ({ ...shift, deskOpenids: desk[i] ? [desk[i]] : [] })),
    wecomWebhook: robotUrl,
    templates: demoTemplates,
  };
  // Issue 16: the property's copy of its status, which the router reads with the caller's membership.
  return { properties: [property], rooms: rooms(propertyId), members: [...members, propertyShadow(propertyId, property.status)], settings: [settings], environment: [company] };
};

/** Writes the demo property through the SDK, once: an existing property is left as it is. */
export const seedDemo = async (db: Database, now: Date, robotUrl: string): Promise<boolean> => {
  const existing = await db.collection('properties').where({ _id: DEMO_PROPERTY }).limit(1).get();
  if (existing.data.length) return false;
  const docs = demoDocuments(now, robotUrl);
  for (const [collection, list] of Object.entries(docs)) {
    for (const doc of list as { _id: string }[]) {
      await db.collection(collection).doc(doc._id).set({ data: withoutId(doc) });
    }
  }
  return true;
};
