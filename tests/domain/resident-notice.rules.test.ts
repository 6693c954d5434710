import { residentRepairLine, type OrderFacts } from '@shared/domain/resident-notice.rules';
import { threadsOf, unreadThreadCount } from '@shared/domain/notice-thread.rules';
import { cut, FIELD_LIMITS } from '@shared/domain/subscribe-message.rules';
import { residentLineText } from '@shared/messages/resident-notice-text';
import type { RepairAction } from '@shared/domain/repair.machine';

const settings = { ackMinutes: { urgent: 15, normal: 30 } };
const order: OrderFacts = { technician: { name: '李建国' }, priority: 'normal', appointment: null, quote: { totalFen: 3000 }, completion: { amountFen: 3000 } };
const at = new Date('2026-11-23T06:05:00.000Z');
const text = (action: RepairAction, o: OrderFacts = order) => {
  const line = residentRepairLine(action, o, settings, at);
  return line && residentLineText(line);
};

describe('issue 18 (3): the resident is told who acted and when she hears next', () => {
  it.each([
    ['dispatch', '已安排李建国师傅，30分钟内联系您'],
    ['acknowledge', '李建国师傅已接单，预计30分钟内联系您'],
    ['arrive', '李建国师傅14:05已到场'],
    ['quote', '李建国师傅报价30.00元，请确认'],
    ['complete', '李建国师傅已完工，费用30.00元'],
    ['signOff', '维修已完成，请为李建国师傅评价'],
  ] as const)('R4 R6 R7: %s → %s', (action, expected) => {
    expect(text(action)).toBe(expected);
  });

  it('R4: the promise is the property\'s response time for the priority, in hours when whole', () => {
    expect(text('acknowledge', { ...order, priority: 'urgent' })).toBe('李建国师傅已接单，预计15分钟内联系您');
    expect(residentLineText(residentRepairLine('acknowledge', order, { ackMinutes: { urgent: 15, normal: 120 } }, at)!)).toBe('李建国师傅已接单，预计2小时内联系您');
  });

  it('V4: with a booked window the line says when he comes instead', () => {
    expect(text('acknowledge', { ...order, appointment: { start: '2026-11-23T08:00:00.000Z' } })).toBe('李建国师傅已接单，今天16:00上门');
    expect(text('acknowledge', { ...order, appointment: { start: '2026-11-24T06:00:00.000Z' } })).toBe('李建国师傅已接单，明天14:00上门');
    expect(text('acknowledge', { ...order, appointment: { start: '2026-11-26T06:00:00.000Z' } })).toBe('李建国师傅已接单，11月26日14:00上门');
  });

  it('R4: with nobody holding the order the line says 师傅, never a blank', () => {
    expect(text('approveSendBack', { ...order, technician: null })).toBe('客服将为您重新派单');
    expect(text('clearBlocker', { ...order, technician: null })).toBe('师傅将继续维修');
  });

  it('R1 R7: her own filing and rating tell her nothing here (their pages do)', () => {
    expect(residentRepairLine('submit', order, settings, at)).toBeNull();
    expect(residentRepairLine('rate', order, settings, at)).toBeNull();
  });

  it('issue 5: every line with a four-character name fits a subscribe message\'s thing field uncut', () => {
    const long = { ...order, technician: { name: '欧阳建国' }, appointment: null };
    const actions: RepairAction[] = ['dispatch', 'reassign', 'overridePriority', 'acknowledge', 'arrive', 'noAnswer', 'reschedule', 'quote', 'accept', 'complete', 'signOff', 'reportBlocker', 'clearBlocker', 'sendBack', 'approveSendBack', 'rejectSendBack', 'unassign'];
    for (const action of actions) {
      const line = text(action, long)!;
      expect(cut(line, FIELD_LIMITS.thing as number)).toBe(line);
    }
    const booked = text('acknowledge', { ...long, appointment: { start: '2026-11-24T10:30:00.000Z' } })!;
    expect(cut(booked, FIELD_LIMITS.thing as number)).toBe(booked);
    const later = text('acknowledge', { ...long, appointment: { start: '2026-12-24T10:30:00.000Z' } })!;
    expect(cut(later, FIELD_LIMITS.thing as number)).toBe('欧阳建国师傅已接单，12月24日18:…');
  });
});

describe('issue 18 (3): one thread per repair or complaint', () => {
  const n = (id: string, kind: string, subject: string, time: string) => ({ id, subject: { kind, id: subject }, at: `2026-11-23T${time}:00.000Z` });
  const items = [n('a', 'repair', 'r1', '01:00'), n('b', 'complaint', 'c1', '02:00'), n('c', 'repair', 'r1', '03:00'), n('d', 'repair', 'r2', '00:30')];

  it('groups by subject, the thread with the latest line first and its latest line on top', () => {
    const threads = threadsOf(items, {});
    expect(threads.map((t) => t.key)).toEqual(['repair:r1', 'complaint:c1', 'repair:r2']);
    expect(threads[0]!.lines.map((l) => l.id)).toEqual(['c', 'a']);
  });

  it('counts the lines after the one she last saw, and the threads with any', () => {
    const threads = threadsOf(items, { 'repair:r1': '2026-11-23T01:00:00.000Z', 'complaint:c1': '2026-11-23T02:00:00.000Z' });
    expect(threads.map((t) => t.unread)).toEqual([1, 0, 1]);
    expect(unreadThreadCount(threads)).toBe(2);
    expect(unreadThreadCount(threadsOf(items, { 'repair:r1': 'z', 'complaint:c1': 'z', 'repair:r2': 'z' }))).toBe(0);
  });
});
