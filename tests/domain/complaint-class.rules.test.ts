import { checkClassification, majorFacts, proposeClass, urgencyOf, type ClassChoice, type MajorFacts } from '@shared/domain/complaint-class.rules';
import { decideGroup, households, inWindow, matterKeyOf, type MatterEntry } from '@shared/domain/group-complaint.rules';
import { expectedReplyForm, replyFormFits } from '@shared/domain/complaint-reply.rules';
import { complaintMachine, type ComplaintAction, type ComplaintCase } from '@shared/domain/complaint.machine';
import { transition, type Actor } from '@shared/domain/state-machine';
import { defaultSettings } from '@shared/model/settings.model';
import type { Classification, ComplaintCategory, ComplaintChannel, ReplyForm, Severity } from '@shared/model/complaint.model';

const noFacts: MajorFacts = { repeatOf: null, grouped: false, unresolvedMonth: false, governmentOrMedia: false, injuryOrLoss: false };

describe('C2 C3: the class the system proposes', () => {
  it.each<[string, Partial<MajorFacts>, string]>([
    ['raised again while an earlier one is unresolved', { repeatOf: 'c-earlier' }, 'repeat_unresolved'],
    ['injury or major loss caused by the company', { injuryOrLoss: true }, 'injury_loss'],
    ['unresolved after a month', { unresolvedMonth: true }, 'unresolved_month'],
    ['taken up by a government body or the media', { governmentOrMedia: true }, 'government_media'],
    ['part of a group complaint', { grouped: true }, 'group'],
  ])('C3: %s → responsible and major, because %s', (_label, facts, reason) => {
    expect(proposeClass('cleaning', { ...noFacts, ...facts })).toEqual({
      class: 'responsible',
      severity: 'major',
      jurisdiction: null,
      because: [reason],
    });
  });

  it('C3: every criterion that holds is listed, in the order the handbook lists them', () => {
    const all = { repeatOf: 'c-earlier', grouped: true, unresolvedMonth: true, governmentOrMedia: true, injuryOrLoss: true };
    expect(proposeClass('elevator', all).because).toEqual(['repeat_unresolved', 'injury_loss', 'unresolved_month', 'government_media', 'group']);
  });

  it('C3: a major criterion makes even a dispute between neighbours responsible and major', () => {
    expect(proposeClass('noise', { ...noFacts, grouped: true })).toMatchObject({ class: 'responsible', severity: 'major', jurisdiction: null });
  });

  it.each<ComplaintCategory>(['service', 'repair_quality', 'cleaning', 'security', 'elevator', 'parking', 'facilities', 'fees'])(
    'C2: %s is within the property\'s duties → responsible and general',
    (category) => {
      expect(proposeClass(category, noFacts)).toEqual({ class: 'responsible', severity: 'general', jurisdiction: null, because: ['within_duties'] });
    },
  );

  it('C2: noise between neighbours → assistance inside the jurisdiction, with no severity', () => {
    expect(proposeClass('noise', noFacts)).toEqual({ class: 'assistance', severity: null, jurisdiction: 'inside', because: ['between_neighbours'] });
  });
});

describe('C2 C3: the class the desk chooses must be whole and must not play down a major complaint', () => {
  const choice = (c: ClassChoice['class'], severity: ClassChoice['severity'], jurisdiction: ClassChoice['jurisdiction']): ClassChoice => ({
    class: c,
    severity,
    jurisdiction,
  });

  it.each<[string, ClassChoice, Partial<MajorFacts>, string | null]>([
    ['responsible general, nothing major', choice('responsible', 'general', null), {}, null],
    ['responsible major, nothing major (the desk may escalate)', choice('responsible', 'major', null), {}, null],
    ['responsible major for a group', choice('responsible', 'major', null), { grouped: true }, null],
    ['non-responsible', choice('non_responsible', null, null), {}, null],
    ['assistance inside', choice('assistance', null, 'inside'), {}, null],
    ['assistance outside', choice('assistance', null, 'outside'), {}, null],
    ['responsible without a severity', choice('responsible', null, null), {}, 'COMPLAINT.SEVERITY_REQUIRED'],
    ['non-responsible with a severity', choice('non_responsible', 'general', null), {}, 'COMPLAINT.SEVERITY_REQUIRED'],
    ['assistance with a severity', choice('assistance', 'major', 'inside'), {}, 'COMPLAINT.SEVERITY_REQUIRED'],
    ['assistance without a jurisdiction', choice('assistance', null, null), {}, 'COMPLAINT.JURISDICTION_REQUIRED'],
    ['responsible with a jurisdiction', choice('responsible', 'general', 'inside'), {}, 'COMPLAINT.JURISDICTION_REQUIRED'],
    ['non-responsible with a jurisdiction', choice('non_responsible', null, 'outside'), {}, 'COMPLAINT.JURISDICTION_REQUIRED'],
    ['general while an earlier one is unresolved', choice('responsible', 'general', null), { repeatOf: 'c-earlier' }, 'COMPLAINT.MUST_BE_MAJOR'],
    ['general with injury or loss', choice('responsible', 'general', null), { injuryOrLoss: true }, 'COMPLAINT.MUST_BE_MAJOR'],
    ['general after a month unresolved', choice('responsible', 'general', null), { unresolvedMonth: true }, 'COMPLAINT.MUST_BE_MAJOR'],
    ['general with the government or media involved', choice('responsible', 'general', null), { governmentOrMedia: true }, 'COMPLAINT.MUST_BE_MAJOR'],
    ['general for a group complaint', choice('responsible', 'general', null), { grouped: true }, 'COMPLAINT.MUST_BE_MAJOR'],
  ])('C2 C3: %s → %s', (_label, picked, facts, expected) => {
    expect(checkClassification(picked, { ...noFacts, ...facts })).toBe(expected);
  });
});

describe('C9 C3: urgency', () => {
  it.each<[boolean, Severity | null, 'top' | 'normal']>([
    [true, null, 'top'],
    [true, 'general', 'top'],
    [true, 'major', 'top'],
    [false, 'major', 'top'],
    [false, 'general', 'normal'],
    [false, null, 'normal'],
  ])('C9 C3: vip=%s, severity=%s → %s', (vip, severity, expected) => {
    expect(urgencyOf(vip, severity)).toBe(expected);
  });
});

describe('C3: a group complaint is 5 or more households on the same matter at the same time', () => {
  const windowHours = defaultSettings('p').groupComplaintWindowHours;
  const now = new Date('2026-11-23T20:00:00+08:00');
  const entry = (complaintId: string, roomId: string, local: string): MatterEntry => ({ complaintId, roomId, at: new Date(local).toISOString() });
  const earlier = (rooms: string[]) => rooms.map((room, i) => entry(`c${i + 1}`, room, `2026-11-23T${String(10 + i).padStart(2, '0')}:00:00+08:00`));
  const fresh = (roomId: string) => entry('new', roomId, '2026-11-23T20:00:00+08:00');

  it('C3: the default window is 24 hours', () => {
    expect(windowHours).toBe(24);
  });

  it('C3: 4 households are not a group', () => {
    const out = decideGroup({ recent: earlier(['1-101', '1-102', '1-103']), openGroupId: null }, fresh('1-104'), now, windowHours);
    expect(out.decision).toEqual({ kind: 'none' });
    expect(out.recent).toHaveLength(4);
  });

  it('C3: the 5th household raises a group linking all 5 complaints', () => {
    const before = earlier(['1-101', '1-102', '1-103', '1-104']);
    const out = decideGroup({ recent: before, openGroupId: null }, fresh('1-105'), now, windowHours);
    expect(out.decision).toEqual({ kind: 'raise', members: [...before, fresh('1-105')] });
  });

  it('C3: 5 complaints from one room are one household, not a group', () => {
    const out = decideGroup({ recent: earlier(['1-101', '1-101', '1-101', '1-101']), openGroupId: null }, fresh('1-101'), now, windowHours);
    expect(households(out.recent)).toBe(1);
    expect(out.decision).toEqual({ kind: 'none' });
  });

  it('C3: two residents of one room count once', () => {
    const out = decideGroup({ recent: earlier(['1-101', '1-101', '1-102', '1-103']), openGroupId: null }, fresh('1-104'), now, windowHours);
    expect(households(out.recent)).toBe(4);
    expect(out.decision).toEqual({ kind: 'none' });
  });

  it.each([
    ['exactly at the window\'s start (now − 24 h) is inside', '2026-11-22T20:00:00.000+08:00', 'raise'],
    ['1 ms before the window\'s start is outside', '2026-11-22T19:59:59.999+08:00', 'none'],
  ])('C3: a complaint %s', (_label, local, kind) => {
    const before = [entry('old', '1-101', local), ...earlier(['1-102', '1-103', '1-104'])];
    const out = decideGroup({ recent: before, openGroupId: null }, fresh('1-105'), now, windowHours);
    expect(out.decision.kind).toBe(kind);
    expect(inWindow(before, now, windowHours).some((e) => e.complaintId === 'old')).toBe(kind === 'raise');
  });

  it('C3: complaints that fell out of the window are dropped from the matter\'s recent list', () => {
    const stale = entry('stale', '1-109', '2026-11-21T20:00:00+08:00');
    const out = decideGroup({ recent: [stale, ...earlier(['1-101'])], openGroupId: null }, fresh('1-102'), now, windowHours);
    expect(out.recent.map((e) => e.complaintId)).toEqual(['c1', 'new']);
  });

  it('C3: "the same time" is a per-property setting: with 48 hours, a complaint from 30 hours ago counts', () => {
    const before = [entry('old', '1-101', '2026-11-22T14:00:00+08:00'), ...earlier(['1-102', '1-103', '1-104'])];
    expect(decideGroup({ recent: before, openGroupId: null }, fresh('1-105'), now, 24).decision.kind).toBe('none');
    expect(decideGroup({ recent: before, openGroupId: null }, fresh('1-105'), now, 48).decision.kind).toBe('raise');
  });

  it('C3: while a group on the matter is open, a new complaint joins it instead of raising another', () => {
    const before = earlier(['1-101', '1-102', '1-103', '1-104', '1-105']);
    const out = decideGroup({ recent: before, openGroupId: 'g1' }, fresh('1-106'), now, windowHours);
    expect(out.decision).toEqual({ kind: 'join', groupId: 'g1' });
    expect(out.recent).toContainEqual(fresh('1-106'));
  });

  it('C3: a household\'s complaint joins an open group even when it is the only one in the window', () => {
    expect(decideGroup({ recent: [], openGroupId: 'g1' }, fresh('1-101'), now, windowHours).decision).toEqual({ kind: 'join', groupId: 'g1' });
  });
});

describe('C3: "the same matter" is the same category at the same building or public area', () => {
  const b = (building: string) => ({ scope: 'building' as const, building });
  const area = (a: 'gate' | 'garden') => ({ scope: 'public_area' as const, area: a });

  it.each<[string, boolean, string, string]>([
    ['same category, same building', true, matterKeyOf('cleaning', b('3')), matterKeyOf('cleaning', b('3'))],
    ['same category, same public area', true, matterKeyOf('security', area('gate')), matterKeyOf('security', area('gate'))],
    ['different buildings', false, matterKeyOf('cleaning', b('3')), matterKeyOf('cleaning', b('4'))],
    ['different categories', false, matterKeyOf('cleaning', b('3')), matterKeyOf('noise', b('3'))],
    ['different public areas', false, matterKeyOf('security', area('gate')), matterKeyOf('security', area('garden'))],
    ['a building named like a public area, and that area', false, matterKeyOf('security', b('gate')), matterKeyOf('security', area('gate'))],
  ])('C3: %s → same matter: %s', (_label, same, left, right) => {
    expect(left === right).toBe(same);
  });
});

describe('C5: the reply takes the complaint\'s own form', () => {
  it.each<[ComplaintChannel | null, ReplyForm | null]>([
    ['walk_in', 'visit'],
    ['phone', 'phone'],
    ['letter', 'letter'],
    ['email', 'letter'],
    ['miniprogram', null],
    [null, null],
  ])('C5: a complaint by %s expects a reply by %s (null: any form)', (channel, form) => {
    expect(expectedReplyForm(channel)).toBe(form);
  });

  it.each<[ComplaintChannel | null, ReplyForm[]]>([
    ['walk_in', ['visit']],
    ['phone', ['phone']],
    ['letter', ['letter']],
    ['email', ['letter']],
    ['miniprogram', ['visit', 'letter', 'phone']],
    [null, ['visit', 'letter', 'phone']],
  ])('C5: a complaint by %s may be answered by exactly %j', (channel, fits) => {
    const forms: ReplyForm[] = ['visit', 'letter', 'phone'];
    expect(forms.filter((form) => replyFormFits(channel, form))).toEqual(fits);
  });
});

describe('C1–C5: the complaint machine', () => {
  const now = new Date('2026-11-23T10:00:00+08:00');
  const classified = (severity: Severity | null): Classification => ({
    class: severity ? 'responsible' : 'non_responsible',
    severity,
    jurisdiction: null,
    reasons: severity === 'major' ? ['group'] : [],
    note: '',
    by: 'desk-1',
    role: 'desk',
    at: '2026-11-23T02:00:00.000Z',
  });
  const complaint = (over: Partial<ComplaintCase>): ComplaintCase => ({ status: 'handling', version: 2, classification: null, rating: null, ...over });
  const act = (c: ComplaintCase, action: ComplaintAction, role: Actor) => transition(complaintMachine, c, { action, actor: 'u', role, now });

  it('C3: only the timer upgrades a responsible general complaint still being handled; the upgrade keeps its status and makes a version', () => {
    const general = complaint({ classification: classified('general') });
    expect(act(general, 'upgrade', 'system')).toMatchObject({ ok: true, status: 'handling', version: 3, event: { action: 'upgrade', from: 'handling', to: 'handling', role: 'system' } });
    expect(act(general, 'upgrade', 'manager')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(act(complaint({ classification: classified('major') }), 'upgrade', 'system')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(complaint({ classification: classified(null) }), 'upgrade', 'system')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(complaint({ status: 'resolved', classification: classified('general') }), 'upgrade', 'system')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
  });

  it('C3: a group\'s households are settled by whoever replied, or by the timer when the reply\'s call died', () => {
    expect(act(complaint({ status: 'grouped' }), 'resolveWithGroup', 'system')).toMatchObject({ ok: true, status: 'resolved', event: { role: 'system' } });
  });

  it('C2: a resident cannot classify a complaint; the desk, the supervisor and the manager can', () => {
    const received = complaint({ status: 'received', version: 1 });
    expect(act(received, 'classify', 'resident')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(act(received, 'classify', 'technician')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    for (const role of ['desk', 'supervisor', 'manager'] as const) expect(act(received, 'classify', role)).toMatchObject({ ok: true, status: 'handling' });
  });

  it('C4: only the manager takes up a complaint, and only a major one', () => {
    const major = complaint({ classification: classified('major') });
    expect(act(major, 'acknowledge', 'manager')).toMatchObject({ ok: true, status: 'handling' });
    expect(act(major, 'acknowledge', 'supervisor')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(act(major, 'acknowledge', 'desk')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(act(complaint({ classification: classified('general') }), 'acknowledge', 'manager')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(complaint({ classification: classified(null) }), 'acknowledge', 'manager')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(complaint({ classification: null }), 'acknowledge', 'manager')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
  });

  it('C5: a reply resolves a complaint being handled, not one still unclassified', () => {
    expect(act(complaint({ classification: classified('general') }), 'reply', 'desk')).toMatchObject({ ok: true, status: 'resolved' });
    expect(act(complaint({ status: 'received', version: 1 }), 'reply', 'desk')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
  });

  it('C3: a complaint that joined a group is resolved with the group, not by its own reply', () => {
    const grouped = complaint({ status: 'grouped' });
    expect(act(grouped, 'reply', 'desk')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(grouped, 'resolveWithGroup', 'manager')).toMatchObject({ ok: true, status: 'resolved' });
  });

  it('C5: the resident rates only once, and only once it is resolved', () => {
    const resolved = complaint({ status: 'resolved', version: 5 });
    expect(act(resolved, 'rate', 'resident')).toMatchObject({ ok: true, status: 'resolved', version: 6 });
    expect(act({ ...resolved, rating: { score: 4, comment: '', at: '2026-11-24T02:00:00.000Z' } }, 'rate', 'resident')).toEqual({
      ok: false,
      code: 'STATE.TRANSITION_NOT_ALLOWED',
    });
    expect(act(complaint({ classification: classified('general') }), 'rate', 'resident')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(resolved, 'rate', 'desk')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });
});

describe('C3: the major facts of a case, the same for the desk’s panel and the function', () => {
  const declared = { governmentOrMedia: false, injuryOrLoss: true };

  it('C3: a household’s repeat, what the classification recorded, and what the desk declares', () => {
    expect(majorFacts({ repeatOf: 'c0', grouped: false, recorded: ['unresolved_month'] }, declared)).toEqual({
      repeatOf: 'c0',
      grouped: false,
      unresolvedMonth: true,
      governmentOrMedia: false,
      injuryOrLoss: true,
    });
  });

  it('C3: a group is major as a group, never as a repeat', () => {
    expect(majorFacts({ repeatOf: 'c0', grouped: true, recorded: [] }, declared)).toMatchObject({ repeatOf: null, grouped: true, unresolvedMonth: false });
  });
});
