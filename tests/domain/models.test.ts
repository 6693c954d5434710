import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repairModel } from '@shared/model/repair.model';
import { QUEUE_CLOSED } from '@shared/domain/repair-queue.rules';
import { CASE_CLOSED } from '@shared/domain/complaint-queue.rules';
import { complaintModel } from '@shared/model/complaint.model';
import { outboxModel } from '@shared/model/outbox.model';
import { memberModel } from '@shared/model/member.model';
import { settingsModel, defaultSettings, templateFor } from '@shared/model/settings.model';
import { deadlineModel } from '@shared/model/deadline.model';
import { commandModel } from '@shared/model/command.model';
import { bookingModel, slotModel } from '@shared/model/booking.model';
import { heartbeatModel } from '@shared/model/environment.model';
import { maskPhone } from '@shared/domain/phone';
import { unsafeFieldNames } from './field-names';
import { contentCheckModel } from '@shared/model/screening.model';
import { callbackModel } from '@shared/model/callback.model';
import { propertyModel } from '@shared/model/property.model';
import { invitationModel } from '@shared/model/invitation.model';
import { bindingModel } from '@shared/model/binding.model';
import { roomInvitationModel } from '@shared/model/room-invitation.model';
import { fileReadModel } from '@shared/model/resident-file.model';
import { readMarkModel } from '@shared/model/read-mark.model';
import { exportModel } from '@shared/model/export.model';

const fixtures = join(__dirname, '..', 'fixtures', 'stored');
const load = (name: string): unknown => JSON.parse(readFileSync(join(fixtures, name), 'utf8'));

describe('stored documents keep their schema version and old shapes still read', () => {
  it('a repair written by v1 code (no channel, no priority) migrates on read through every step', () => {
    const repair = repairModel.parse(load('repair.v1.json'));
    expect(repair.schemaVersion).toBe(9);
    expect(repair.channel).toBe('miniprogram');
    expect(repair.priority).toBe('urgent');
    expect(repair.countsFor).toBe('2026-10');
  });

  it('R11: a v2 repair (before the on-site fields) gets empty ones and the month it counts for', () => {
    const repair = repairModel.parse({ ...(load('repair.v2.json') as object), createdAt: '2026-10-30T02:00:00.000Z' });
    expect(repair).toMatchObject({ schemaVersion: 9, quote: null, rating: null, pausedMs: 0, countsFor: '2026-11' });
  });

  it('V4: a v3 repair (before booked windows) reads with no appointment', () => {
    expect(repairModel.parse(load('repair.v3.json'))).toMatchObject({ schemaVersion: 9, appointment: null });
  });

  it('issue 13 (1.9): a v4 repair (before content checks) reads with its text and every photo exempt, nothing held', () => {
    const raw = { ...(load('repair.v4.json') as object), photos: ['cloud://env.b/uploads/mb_1/a.jpg'] };
    expect(repairModel.parse(raw)).toMatchObject({
      schemaVersion: 9,
      screening: { text: { verdict: 'exempt', decision: null }, photos: [{ fileId: 'cloud://env.b/uploads/mb_1/a.jpg', verdict: 'exempt' }] },
    });
  });

  it('issue 14 (5): a v1 property (before the company) reads as an active property with no address recorded', () => {
    expect(propertyModel.parse(load('property.v1.json'))).toEqual({ ...(load('property.v1.json') as object), schemaVersion: 2, address: '', status: 'active' });
  });

  it('P1: a v1 access-log entry (before revokes and the supervisor\'s own reads) reads as a read under its grant, with no holder', () => {
    expect(fileReadModel.parse(load('fileRead.v1.json'))).toEqual({ ...(load('fileRead.v1.json') as object), schemaVersion: 2, act: 'read', holder: null });
  });

  it('issue 14 (1): a v1 invitation (before appointments) replaces nobody', () => {
    expect(invitationModel.parse(load('invitation.v1.json'))).toMatchObject({ schemaVersion: 2, role: 'desk', replaces: null });
  });

  it('issue 18 (5): a v7 repair (always for a room) reads as one with no public place', () => {
    const raw = load('repair.v7.json') as Record<string, unknown>;
    expect(repairModel.parse(raw)).toEqual({ ...raw, schemaVersion: 9, place: null });
  });

  it('issue 18 (5): a v8 repair (always with its resident) reads unchanged but for its version', () => {
    const raw = load('repair.v8.json') as Record<string, unknown>;
    expect(repairModel.parse(raw)).toEqual({ ...raw, schemaVersion: 9 });
  });

  it('a current repair, for a public place nobody reported, its quote the property\'s cost, reads unchanged', () => {
    const raw = load('repair.v9.json') as Record<string, unknown>;
    expect(repairModel.parse(raw)).toEqual(raw);
  });

  it('issue 18 (5): a stored repair with no resident is for a public place, and has no resident\'s name', () => {
    const raw = load('repair.v9.json') as Record<string, unknown>;
    const room = { roomId: 'demo:1-1-101', address: { building: '1', unit: '1', room: '101' }, place: null };
    expect(repairModel.safeParse({ ...raw, ...room }).success).toBe(false);
    expect(repairModel.safeParse({ ...raw, residentName: '王秀英' }).success).toBe(false);
    expect(repairModel.safeParse({ ...raw, residentOpenid: 'o-resident-1', residentName: '王秀英' }).success).toBe(true);
  });

  it('issue 18 (5): a stored repair is for a room or a public place, never both, never neither', () => {
    const raw = load('repair.v8.json') as Record<string, unknown>;
    const room = { roomId: 'demo:1-1-101', address: { building: '1', unit: '1', room: '101' } };
    expect(repairModel.safeParse({ ...raw, ...room }).success).toBe(false);
    expect(repairModel.safeParse({ ...raw, place: null }).success).toBe(false);
    expect(repairModel.safeParse({ ...raw, ...room, place: null }).success).toBe(true);
  });

  it('issue 13 (1.9): a v1 complaint (before content checks) reads with its text and photos exempt', () => {
    const complaint = complaintModel.parse(load('complaint.v1.json'));
    expect(complaint.schemaVersion).toBe(3);
    expect(complaint.screening.text.verdict).toBe('exempt');
    expect(complaint.screening.photos.map((p) => [p.fileId, p.verdict])).toEqual(complaint.photos.map((id) => [id, 'exempt']));
  });

  it('R3: a v6 repair gains its place in the desk\'s queue and in the day plan (urgent, out with a technician: rank 2; its booked window)', () => {
    expect(repairModel.parse(load('repair.v6.json'))).toMatchObject({ schemaVersion: 9, queueRank: 2, plannedAt: '2026-11-24T10:30:00.000Z' });
  });

  it('R3: whatever rank a write passes along, the stored one is computed from the order', () => {
    const current = repairModel.parse(load('repair.v7.json'));
    expect(repairModel.toStored({ ...current, status: 'signed', queueRank: 0 }).queueRank).toBe(QUEUE_CLOSED);
    expect(repairModel.toStored({ ...current, status: 'submitted', priority: 'normal', appointment: null }).queueRank).toBe(1);
  });

  it('C4 C9: a v1 complaint gains its place in the desk\'s list: normal urgency, due by its running limit', () => {
    expect(complaintModel.parse(load('complaint.v1.json'))).toMatchObject({ schemaVersion: 3, queueRank: 1, queueDue: '2026-10-01T16:00:00.000Z' });
    const met = complaintModel.parse({ ...(load('complaint.v1.json') as object), status: 'handling', urgency: 'top', dueMetAt: '2026-11-23T03:00:00.000Z' });
    expect(met).toMatchObject({ queueRank: 0, queueDue: '~' });
    expect(complaintModel.parse({ ...(load('complaint.v1.json') as object), status: 'grouped' }).queueRank).toBe(CASE_CLOSED);
  });

  it('a v1 notice shows in the inbox from when it went out; a scheduled one from its time; a withdrawn one never', () => {
    const scheduled = load('outbox.v1.json') as Record<string, unknown>;
    expect(outboxModel.parse(scheduled)).toMatchObject({ schemaVersion: 2, shownAt: '2026-11-24T01:30:00.000Z' });
    expect(outboxModel.parse({ ...scheduled, status: 'sent', attempts: 1, sentAt: '2026-11-24T01:30:05.000Z' }).shownAt).toBe('2026-11-24T01:30:05.000Z');
    expect(outboxModel.parse({ ...scheduled, status: 'skipped' }).shownAt).toBeNull();
  });

  it('R7: a v4 repair keeps the stars given with the sign-off and a resident\'s own, but not stars the technician entered after the sign-off', () => {
    const signOff = { signature: 'cloud://x/s.png', at: '2026-11-20T03:00:00.000Z' };
    const stars = (at: string, via: 'on_site' | 'own_phone') => ({ quality: 5, attitude: 5, comment: '', at, via });
    const v4 = (rating: unknown) => repairModel.parse({ ...(load('repair.v4.json') as object), status: 'signed', signOff, rating });
    expect(v4(stars(signOff.at, 'on_site'))).toMatchObject({ schemaVersion: 9, rating: { via: 'on_site' } });
    expect(v4(stars('2026-11-20T03:10:00.000Z', 'own_phone'))).toMatchObject({ rating: { via: 'own_phone' } });
    expect(v4(stars('2026-11-20T03:10:00.000Z', 'on_site'))).toMatchObject({ schemaVersion: 9, rating: null });
  });

  it('V4: a v1 desk booking and a v1 slot read as the desk\'s, with no repair, callback or owner', () => {
    const booking = { _id: 'bk_1', propertyId: 'p1', schemaVersion: 1, kind: 'desk', status: 'booked', version: 1, residentOpenid: 'o', residentName: '王', phone: '13800000000', roomId: 'r', address: '1-1-101', topic: '装修', start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T01:30:00.000Z', reason: null, createdAt: '2026-11-23T01:00:00.000Z', updatedAt: '2026-11-23T01:00:00.000Z' };
    expect(bookingModel.parse(booking)).toMatchObject({ schemaVersion: 2, kind: 'desk', repair: null, callbackId: null });
    const slot = { _id: 'sl_1', propertyId: 'p1', schemaVersion: 1, kind: 'desk', start: '2026-11-24T01:00:00.000Z', capacity: 2, bookingIds: ['bk_1'] };
    expect(slotModel.parse(slot)).toMatchObject({ schemaVersion: 2, owner: null, bookingIds: ['bk_1'] });
  });

  it('V4: v3 settings gain the default repair windows, evenings on weekdays included', () => {
    const { repairWindows, dailyLimits: _later, ...v3 } = defaultSettings('p1');
    const read = settingsModel.parse({ ...v3, templates: {}, templateIds: {}, schemaVersion: 3 });
    expect(read.schemaVersion).toBe(settingsModel.version);
    expect(read.repairWindows).toEqual(repairWindows);
    expect(read.repairWindows.weekdays.some((w) => w.start >= '18:00')).toBe(true);
  });

  it('issue 13: v4 settings (templates keyed by notice kind, the manager\'s ids in templateIds) read as one list with no dotted field names', () => {
    const read = settingsModel.parse(load('settings.v4.json'));
    expect(read.schemaVersion).toBe(settingsModel.version);
    expect(read).not.toHaveProperty('templateIds');
    expect(read.templates).toEqual([
      { kind: 'repair.dispatched', id: 'tmplWorkOrder01', page: 'pages/technician/order/index', fields: [{ key: 'thing1', source: 'title' }, { key: 'thing2', source: 'body' }] },
      // The manager's id wins over the seeded one (the page stays); its fields are his to map, so nothing is sent with another template's mapping.
      { kind: 'repair.changed', id: 'tmplFromManager01', page: 'pages/resident/repair/index', fields: [] },
      { kind: 'complaint.major', id: 'tmplMajor01', page: 'pages/inbox/index', fields: [] },
    ]);
    expect(unsafeFieldNames(read)).toEqual([]);
    expect(templateFor(read.templates, 'repair.changed')).toBeUndefined();
    expect(templateFor(read.templates, 'repair.dispatched')?.id).toBe('tmplWorkOrder01');
  });

  it('issue 13: two templates for one notice kind are refused', () => {
    const twice = { kind: 'repair.new', id: 'a1', page: 'pages/inbox/index', fields: [{ key: 'thing1', source: 'title' }] };
    expect(settingsModel.safeParse({ ...defaultSettings('p1'), templates: [twice, { ...twice, id: 'b2' }] }).success).toBe(false);
  });

  it('v5 settings gain the default daily limits (10 repairs, 5 complaints, 5 bookings, 3 binding requests a person a day)', () => {
    const { dailyLimits: _none, ...v5 } = defaultSettings('p1');
    expect(settingsModel.parse({ ...v5, schemaVersion: 5 })).toMatchObject({ schemaVersion: settingsModel.version, dailyLimits: { repairs: 10, complaints: 5, bookings: 5, bindingRequests: 3 } });
  });

  it('D2 D3: v6 settings gain the default major duty-log kinds and the handover preparation list', () => {
    expect(settingsModel.parse(load('settings.v6.json'))).toMatchObject({
      schemaVersion: settingsModel.version,
      majorDutyKinds: ['theft', 'fire', 'water', 'power', 'wind', 'fight'],
      handoverChecklist: ['值班记录已填写完整', '钥匙、对讲机已清点', '待办事项已列明', '前台物品已整理'],
    });
  });

  it('issue 18 (2): v7 settings gain the promise to dispatch a normal repair within 15 minutes, their own settings kept', () => {
    expect(settingsModel.parse(load('settings.v7.json'))).toMatchObject({ schemaVersion: settingsModel.version, repairPromise: { dispatchMinutes: 15 }, majorDutyKinds: ['theft', 'fire', 'water'] });
  });

  it('issue 18 (5): v8 settings gain owners\' invitations, on and reviewed by the desk, their own promise kept', () => {
    expect(settingsModel.parse(load('settings.v8.json'))).toMatchObject({ schemaVersion: 10, ownerInvites: { enabled: true, deskApproves: true, perDay: 5 }, repairPromise: { dispatchMinutes: 30 } });
  });

  it('issue 18 (5): a v1 binding request was asked for by the applicant alone; a v2 one made with an owner\'s invitation reads unchanged', () => {
    expect(bindingModel.parse(load('binding.v1.json'))).toMatchObject({ schemaVersion: 2, invitedBy: null, status: 'approved', relation: 'tenant' });
    const raw = load('binding.v2.json') as Record<string, unknown>;
    expect(bindingModel.parse(raw)).toEqual(raw);
  });

  it('issue 18 (5): a v9 settings document (invitations counted as binding requests) gets their own limit of 5 a day, the desk\'s review switched off kept', () => {
    const raw = load('settings.v9.json') as Record<string, unknown>;
    expect(settingsModel.parse(raw)).toEqual({ ...raw, schemaVersion: 10, ownerInvites: { enabled: true, deskApproves: false, perDay: 5 } });
  });

  it('issue 18 (5): a v10 settings document reads unchanged', () => {
    const raw = load('settings.v10.json') as Record<string, unknown>;
    expect(settingsModel.parse(raw)).toEqual(raw);
  });

  it('issue 18 (5): a v1 room invitation (before owners could withdraw one) reads as never withdrawn', () => {
    expect(roomInvitationModel.parse(load('roomInvitation.v1.json'))).toMatchObject({ schemaVersion: 2, status: 'open', cancelled: null });
  });

  it('V4: a v2 callback task (before a cancelled home visit kept its task) reads unchanged at v3', () => {
    expect(callbackModel.parse(load('callback.v2.json'))).toMatchObject({ schemaVersion: 3, status: 'open', kind: 'visit', version: 1 });
  });

  it('every fixture of an old shape parses with its model', () => {
    const models = { repair: repairModel, member: memberModel, settings: settingsModel, deadline: deadlineModel, heartbeat: heartbeatModel, complaint: complaintModel, contentCheck: contentCheckModel, command: commandModel, outbox: outboxModel, callback: callbackModel, property: propertyModel, invitation: invitationModel, fileRead: fileReadModel, binding: bindingModel, roomInvitation: roomInvitationModel, readMark: readMarkModel, export: exportModel } as const;
    for (const file of readdirSync(fixtures)) {
      const model = models[file.split('.')[0] as keyof typeof models];
      expect(model.safeParse(load(file)).success).toBe(true);
    }
  });

  it('a command recorded before it named its contract action (v1) reads as the action that did it', () => {
    expect(commandModel.parse(load('command.v1.json'))).toMatchObject({ schemaVersion: 2, action: 'repairs.approveSendBack', call: 'repairs.reviewSendBack' });
    expect(commandModel.parse({ ...(load('command.v1.json') as object), action: 'repairs.create' })).toMatchObject({ call: 'repairs.create' });
  });

  it('a current command record reads unchanged', () => {
    const raw = load('command.v2.json') as Record<string, unknown>;
    expect(commandModel.parse(raw)).toEqual(raw);
  });

  it('a deadline written before per-rule escalation intervals keeps climbing an hour a rung', () => {
    expect(deadlineModel.parse(load('deadline.v1.json'))).toMatchObject({ schemaVersion: 3, escalateEveryMinutes: 60 });
  });

  it('R9: a deadline paused before pauses said why (v2) reads as paused by its work order, at version 1', () => {
    expect(deadlineModel.parse(load('deadline.v2.json'))).toMatchObject({ schemaVersion: 3, status: 'paused', pausedBy: 'order', version: 1 });
    expect(deadlineModel.parse(load('deadline.v1.json'))).toMatchObject({ status: 'open', pausedBy: null, version: 1 });
  });

  it('a heartbeat written before runs recorded their outcome reads as a run with no failed step', () => {
    expect(heartbeatModel.parse(load('heartbeat.v1.json'))).toMatchObject({ schemaVersion: 2, failedSteps: [] });
  });

  it('a malformed document is refused, not half-read', () => {
    const raw = { ...(load('repair.v2.json') as object), status: 'flying' };
    expect(repairModel.safeParse(raw).success).toBe(false);
  });

  it('a document from a future version without a migration path is refused', () => {
    const raw = { ...(load('repair.v1.json') as object), schemaVersion: 0 };
    expect(repairModel.safeParse(raw).success).toBe(false);
  });

  it('default settings are a valid settings document', () => {
    expect(settingsModel.parse(defaultSettings('p1')).groupComplaintWindowHours).toBe(24);
  });
});

describe('P1: phone numbers are masked', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['123', '***'],
  ])('%s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});
