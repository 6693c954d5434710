import { residentComplaintLine, type CaseFacts, type ComplaintStep } from '@shared/domain/complaint-notice.rules';
import { filingPromise, handlingDeadline } from '@shared/domain/complaint-deadline.rules';
import { FIELD_LIMITS } from '@shared/domain/subscribe-message.rules';
import { complaintLineText } from '@shared/messages/complaint-notice-text';
import { defaultSettings } from '@shared/model/settings.model';

/** 2026-11-23 10:00 in Shanghai. */
const at = new Date('2026-11-23T02:00:00.000Z');
const none: CaseFacts = { classification: null, dueAt: null, slip: null };
const general: CaseFacts = { classification: { class: 'responsible', severity: 'general' }, dueAt: '2026-11-25T02:00:00.000Z', slip: null };
const text = (step: ComplaintStep, facts: CaseFacts, when: Date = at) => complaintLineText(residentComplaintLine(step, facts, when));

describe('issue 18 (3): each notice of her complaint says who handles it and by when', () => {
  it.each([
    ['C4: filed, the desk identifies it the same day', 'file', none, '客服中心今天内确认由谁处理'],
    ['C3 C4: her complaint joined a group, the manager takes it up the same day', 'join', { ...none, dueAt: '2026-11-23T16:00:00.000Z' }, '群体投诉，管理处主任今天内接手'],
    ['C4: general, resolved within 2 days', 'classify', general, '客服中心后天10:00前处理好'],
    ['C4: general, by her own earlier deadline', 'classify', { ...general, dueAt: '2026-11-23T16:00:00.000Z' }, '客服中心今天内处理好'],
    ['C4: major, to the manager the same day', 'classify', { classification: { class: 'responsible', severity: 'major' }, dueAt: '2026-11-23T16:00:00.000Z', slip: null }, '重大投诉，管理处主任今天内接手'],
    ['C4: non-responsible, identified by the classification itself', 'classify', { classification: { class: 'non_responsible', severity: null }, dueAt: null, slip: null }, '经核实不属物业责任，客服中心会答复您'],
    ['C4: assistance inside the jurisdiction, a reply the same day', 'classify', { classification: { class: 'assistance', severity: null }, dueAt: '2026-11-23T16:00:00.000Z', slip: null }, '客服中心今天内答复您'],
    ['C4: assistance outside it, a reply within 3 days', 'classify', { classification: { class: 'assistance', severity: null }, dueAt: '2026-11-26T02:00:00.000Z', slip: null }, '客服中心11月26日10:00前答复您'],
    ['C1 C4: a slip names the department and the general deadline', 'issueSlip', { ...general, slip: { department: '工程部' } }, '工程部处理，后天10:00前办好'],
    ['C4: the manager took a major one up', 'acknowledge', none, '管理处主任已接手您的投诉'],
    ['C3 C4: unresolved a month, upgraded: the manager the same day', 'upgrade', { ...general, dueAt: '2026-11-23T16:00:00.000Z' }, '管理处主任今天内接手您的投诉'],
    ['C7: replied, the desk calls back within 2 days', 'reply', general, '已答复，客服中心后天10:00前回访您'],
    ['C7: replied to a major one, the manager calls back', 'reply', { ...general, classification: { class: 'responsible', severity: 'major' } }, '已答复，管理处主任后天10:00前回访您'],
  ] as const)('%s', (_name, step, facts, expected) => {
    expect(text(step, facts)).toBe(expected);
  });

  it('C4: a deadline at midnight is the whole day before (今天内), never 明天00:00', () => {
    const late = new Date('2026-11-23T15:59:00.000Z');
    expect(text('file', none, late)).toBe('客服中心今天内确认由谁处理');
    expect(text('classify', { ...general, dueAt: '2026-11-24T16:00:00.000Z' })).toBe('客服中心明天内处理好');
  });

  it('C4: a deadline already passed is not promised again: the line says 尽快', () => {
    expect(text('join', { ...none, dueAt: '2026-11-22T16:00:00.000Z' })).toBe('群体投诉，管理处主任尽快接手');
  });

  it('C4: the notice on filing and the confirmation page keep one deadline (filingPromise)', () => {
    const promise = filingPromise(at, null);
    expect(residentComplaintLine('file', none, at).by).toBe(promise.identifiedBy.toISOString());
    const plan = handlingDeadline({ class: 'responsible', severity: 'general', jurisdiction: null }, { since: at, residentDeadline: null }, at, defaultSettings('p'));
    expect(plan?.dueAt.toISOString()).toBe(promise.resolvedBy.toISOString());
  });

  it('issue 5: every line fits a subscribe message thing field (20 characters) at its longest, a long department cut to fit', () => {
    const longest: [ComplaintStep, CaseFacts][] = [
      ['file', none],
      ['join', { ...none, dueAt: '2026-11-23T16:00:00.000Z' }],
      ['classify', { ...general, dueAt: '2026-12-25T02:00:00.000Z' }],
      ['classify', { classification: { class: 'responsible', severity: 'major' }, dueAt: '2026-11-23T16:00:00.000Z', slip: null }],
      ['classify', { classification: { class: 'non_responsible', severity: null }, dueAt: null, slip: null }],
      ['classify', { classification: { class: 'assistance', severity: null }, dueAt: '2026-12-26T02:00:00.000Z', slip: null }],
      ['issueSlip', { ...general, slip: { department: '物业公司工程维修部综合管理组第二班' } }],
      ['acknowledge', none],
      ['upgrade', { ...general, dueAt: '2026-11-23T16:00:00.000Z' }],
      ['reply', { ...general, classification: { class: 'responsible', severity: 'major' } }],
    ];
    for (const [step, facts] of longest) expect([...text(step, facts)].length).toBeLessThanOrEqual(FIELD_LIMITS.thing!);
    expect(text('issueSlip', { ...general, slip: { department: '物业公司工程维修部综合管理组第二班' } })).toBe('物业公司工程…处理，后天10:00前办好');
  });
});
