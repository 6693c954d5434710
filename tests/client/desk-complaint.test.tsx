import { fireEvent, render } from '@testing-library/react';
import type { CaseView } from '@shared/contracts/complaints.contract';
import type { Role } from '@shared/model/member.model';
import { messages } from '@shared/messages';
import DeskComplaint from '../../client/src/pages/desk/complaint';
import { deskUi } from '../../client/src/i18n/desk.zh-CN';
import { shanghaiTime } from '../../client/src/utils/time';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { withRouteParams } from './support/route';
import { complaint, detail, group } from './support/complaint-fixtures';

type Handler = (input: Record<string, unknown>) => unknown;

const history = [{ action: 'file', to: 'received', role: 'resident', reason: null, at: '2026-11-23T02:00:00.000Z' }];

/** Opens the case page on `view`; each write answers with `after` (or the same view one version on). */
const openCase = async (view: CaseView, { role = 'desk', handlers = {} }: { role?: Role; handlers?: Record<string, Handler> } = {}) => {
  let current: CaseView = view;
  const write = () => {
    current = { ...current, version: current.version + 1, actions: [] } as CaseView;
    return ok(current);
  };
  const backend = fakeBackend({
    ...sessionHandlers(role),
    'complaints.get': () => ok(detail(current, history)),
    'complaints.classify': write,
    'complaints.issueSlip': write,
    'complaints.reply': write,
    'complaints.acknowledge': write,
    ...handlers,
  });
  withRouteParams({ kind: view.kind, id: view.id });
  const rendered = render(<DeskComplaint />);
  const $ = (s: string) => rendered.container.querySelector(s);
  await until(() => $('.case-head') !== null);
  await settle();
  const tap = async (s: string) => {
    fireEvent.click($(s) as Element);
    await settle();
  };
  const typeInto = async (s: string, text: string) => {
    fireEvent.input($(s) as Element, { target: { value: text } });
    await settle(10);
  };
  return { ...rendered, $, tap, typeInto, backend };
};

const commandFields = { commandId: expect.any(String), deviceTime: expect.any(String) };

describe('one case at the desk', () => {
  it('C1 C4: shows every field of the record, the time limit and the rule that set it', async () => {
    const due = new Date(Date.now() + 3 * 60 * 60 * 1000);
    const view = complaint({
      id: 'c1',
      channel: 'phone',
      occurredAt: '2025-11-23T01:30:00.000Z',
      residentDeadline: '2026-11-25T10:00:00.000Z',
      dueAt: due.toISOString(),
      dueRule: 'C4.classify',
      photos: ['uploads/p1.jpg'],
    });
    const { $, backend } = await openCase(view);

    expect(backend.callsTo('complaints.get')[0]?.input).toEqual({ propertyId: PROPERTY, ref: { kind: 'complaint', id: 'c1' } });
    const fact = (name: string) => $(`.fact-${name} .info-value`)?.textContent;
    expect(fact('resident')).toBe('王阿姨');
    expect($('.case-phone')?.textContent).toBe('13800001111');
    expect(fact('address')).toBe('1栋1单元101');
    expect(fact('channel')).toBe(messages.complaintChannels.phone);
    expect(fact('occurred')).toBe('2025年11月23日 09:30');
    expect(fact('place')).toBe('1栋');
    expect(fact('category')).toBe(messages.complaintCategories.cleaning);
    expect(fact('target')).toBe('保洁部');
    expect(fact('description')).toBe('楼道里的垃圾三天没人清理');
    expect(fact('request')).toBe('请尽快清理，并告诉我结果');
    expect(fact('deadline')).toContain('18:00');
    expect(fact('apology')).toBe(deskUi.deskComplaint.notApologised);
    expect($('.case-due .info-value')?.textContent).toContain(shanghaiTime(due));
    expect($('.case-due-rule .info-value')?.textContent).toBe(messages.deadlineRules['C4.classify']);
    expect($('.timeline-action')?.textContent).toBe('提交投诉 · 住户');
  });

  it('C4: the history says in words when the timer warned and escalated, and under which rule', async () => {
    const { container } = await openCase(complaint(), {
      handlers: {
        'complaints.get': () =>
          ok(
            detail(complaint(), [
              ...history,
              { action: 'warn', to: 'desk', role: 'system', reason: 'C4.classify', at: '2026-11-23T14:00:00.000Z' },
              { action: 'escalate', to: 'supervisor', role: 'system', reason: 'C4.classify', at: '2026-11-23T16:00:00.000Z' },
            ]),
          ),
      },
    });
    const lines = (s: string) => Array.from(container.querySelectorAll(s)).map((el) => el.textContent);
    expect(lines('.timeline-action')).toEqual(['已超时 · 系统', '即将超时 · 系统', '提交投诉 · 住户']);
    expect(lines('.timeline-reason')).toEqual([messages.deadlineRules['C4.classify'], messages.deadlineRules['C4.classify']]);
  });

  it('C2 C3: shows the system’s proposal with the handbook’s reasons', async () => {
    const view = complaint({
      actions: ['classify'],
      proposal: { class: 'responsible', severity: 'major', jurisdiction: null, because: ['repeat_unresolved', 'group'] },
    });
    const { container, $ } = await openCase(view);

    expect($('.proposal-class')?.textContent).toBe('有责投诉 · 重大');
    expect(Array.from(container.querySelectorAll('.proposal-because')).map((el) => el.textContent)).toEqual([
      `· ${messages.proposalBasis.repeat_unresolved}`,
      `· ${messages.proposalBasis.group}`,
    ]);
    expect($('#class-responsible')?.className).toContain('chip-on');
    expect($('#severity-major')?.className).toContain('chip-on');
  });

  it('C2: severity only for a responsible complaint, jurisdiction only for assistance; sends the view’s version, the C3 facts and the apology', async () => {
    const view = complaint({
      id: 'c2',
      version: 3,
      actions: ['classify'],
      proposal: { class: 'responsible', severity: 'general', jurisdiction: null, because: ['within_duties'] },
    });
    const { $, tap, typeInto, backend } = await openCase(view);
    expect($('.severity-chips')).not.toBeNull();
    expect($('.jurisdiction-chips')).toBeNull();

    await tap('#class-assistance');
    expect($('.severity-chips')).toBeNull();
    await tap('.btn-classify');
    expect($('.classify-problem')?.textContent).toBe(messages.errors['COMPLAINT.JURISDICTION_REQUIRED']);
    expect(backend.callsTo('complaints.classify')).toHaveLength(0);

    await tap('#jurisdiction-outside');
    await tap('.check-government-media');
    await tap('.check-apologised');
    await typeInto('.input-classify-note textarea', '属于市政管网问题，协助联系水务公司');
    await tap('.btn-classify');

    await until(() => backend.callsTo('complaints.classify').length === 1);
    expect(backend.callsTo('complaints.classify')[0]?.input).toEqual({
      propertyId: PROPERTY,
      ref: { kind: 'complaint', id: 'c2' },
      version: 3,
      class: 'assistance',
      severity: null,
      jurisdiction: 'outside',
      governmentOrMedia: true,
      injuryOrLoss: false,
      apologised: true,
      note: '属于市政管网问题，协助联系水务公司',
      ...commandFields,
    });
  });

  it('C1: the desk cannot classify a household’s complaint before apologising on the department’s behalf', async () => {
    const view = complaint({ actions: ['classify'], proposal: { class: 'responsible', severity: 'general', jurisdiction: null, because: ['within_duties'] } });
    const { $, tap, backend } = await openCase(view);

    await tap('.btn-classify');
    expect($('.classify-problem')?.textContent).toBe(messages.errors['COMPLAINT.APOLOGY_REQUIRED']);
    expect(backend.callsTo('complaints.classify')).toHaveLength(0);

    await tap('.check-apologised');
    expect($('.classify-problem')).toBeNull();
    await tap('.btn-classify');
    await until(() => backend.callsTo('complaints.classify').length === 1);
    expect(backend.callsTo('complaints.classify')[0]?.input).toMatchObject({ class: 'responsible', severity: 'general', apologised: true });
  });

  it('C1: asks for the apology only while none is recorded', async () => {
    const view = complaint({ actions: ['classify'], apology: { at: '2026-11-23T02:10:00.000Z' } });
    const { $, tap, backend } = await openCase(view);
    expect($('.check-apologised')).toBeNull();
    expect($('.fact-apology .info-value')?.textContent).toMatch(/^已致歉 · /);

    await tap('#class-non_responsible');
    await tap('.btn-classify');

    await until(() => backend.callsTo('complaints.classify').length === 1);
    expect(backend.callsTo('complaints.classify')[0]?.input).toMatchObject({ class: 'non_responsible', severity: null, jurisdiction: null, apologised: true });
  });

  it('C3: says the function’s Chinese reason when a major complaint is called general', async () => {
    const view = complaint({
      actions: ['classify'],
      repeatOf: 'c0',
      apology: { at: '2026-11-23T02:10:00.000Z' },
      proposal: { class: 'responsible', severity: 'major', jurisdiction: null, because: ['repeat_unresolved'] },
    });
    const { $, tap } = await openCase(view, {
      handlers: { 'complaints.classify': () => ({ ok: false, code: 'COMPLAINT.MUST_BE_MAJOR', message: messages.errors['COMPLAINT.MUST_BE_MAJOR'] }) },
    });
    expect($('.fact-repeat')?.textContent).toBe(deskUi.deskComplaint.repeat);

    await tap('#severity-general');
    await tap('.btn-classify');

    await until(() => $('.classify-problem') !== null);
    expect($('.classify-problem')?.textContent).toBe(messages.errors['COMPLAINT.MUST_BE_MAJOR']);
  });

  it('C3: the panel applies the function’s own rule: a repeat called general is refused before anything is sent', async () => {
    const view = complaint({
      actions: ['classify'],
      repeatOf: 'c0',
      apology: { at: '2026-11-23T02:10:00.000Z' },
      proposal: { class: 'responsible', severity: 'major', jurisdiction: null, because: ['repeat_unresolved'] },
    });
    const { $, tap, backend } = await openCase(view);

    await tap('#severity-general');
    await tap('.btn-classify');

    expect($('.classify-problem')?.textContent).toBe(messages.errors['COMPLAINT.MUST_BE_MAJOR']);
    expect(backend.callsTo('complaints.classify')).toHaveLength(0);
  });

  it.each([
    ['walk_in', 'visit'],
    ['phone', 'phone'],
    ['letter', 'letter'],
    ['email', 'letter'],
  ] as const)('C5: the reply form defaults to the complaint’s own form (%s → %s)', async (channel, form) => {
    const view = complaint({ id: 'c5', version: 4, channel, status: 'handling', actions: ['reply'] });
    const { $, tap, typeInto, backend } = await openCase(view);

    expect($('.reply-form-chip.chip-on')?.id).toBe(`reply-form-${form}`);
    expect($('.reply-expected')?.textContent).toBe(`按投诉方式答复：${messages.replyForms[form]}`);
    await typeInto('.input-reply-content textarea', '已安排保洁今天清理，以后每天两次');
    await tap('.btn-reply');

    await until(() => backend.callsTo('complaints.reply').length === 1);
    expect(backend.callsTo('complaints.reply')[0]?.input).toEqual({
      propertyId: PROPERTY,
      ref: { kind: 'complaint', id: 'c5' },
      version: 4,
      form,
      content: '已安排保洁今天清理，以后每天两次',
      ...commandFields,
    });
  });

  it('C5: a complaint from the mini-program may be answered in any form, but one must be chosen', async () => {
    const view = complaint({ status: 'handling', actions: ['reply'] });
    const { $, tap, typeInto, backend } = await openCase(view);
    expect($('.reply-form-chip.chip-on')).toBeNull();
    expect($('.reply-expected')).toBeNull();

    await typeInto('.input-reply-content textarea', '已处理');
    await tap('.btn-reply');
    expect($('.reply-problem')?.textContent).toBe(deskUi.deskComplaint.needForm);
    expect(backend.callsTo('complaints.reply')).toHaveLength(0);
  });

  it('C1: issues the handling slip to a department and a person, with the instructions', async () => {
    const view = complaint({ id: 'c6', version: 2, status: 'handling', actions: ['issueSlip', 'reply'] });
    const { $, tap, typeInto, backend } = await openCase(view);

    await tap('.btn-issue-slip');
    expect($('.error-slip-department')?.textContent).toBe(deskUi.deskComplaint.needDepartment);
    await typeInto('.input-slip-department input', '保洁部');
    await tap('.btn-issue-slip');
    expect($('.error-slip-assignee')?.textContent).toBe(deskUi.deskComplaint.needAssignee);
    expect(backend.callsTo('complaints.issueSlip')).toHaveLength(0);

    await typeInto('.input-slip-assignee input', '李主管');
    await typeInto('.input-slip-instructions textarea', '今天下班前清理干净');
    await tap('.btn-issue-slip');

    await until(() => backend.callsTo('complaints.issueSlip').length === 1);
    expect(backend.callsTo('complaints.issueSlip')[0]?.input).toEqual({
      propertyId: PROPERTY,
      ref: { kind: 'complaint', id: 'c6' },
      version: 2,
      department: '保洁部',
      assignee: '李主管',
      instructions: '今天下班前清理干净',
      ...commandFields,
    });
  });

  it('shows only the forms the server’s actions allow', async () => {
    const view = complaint({
      status: 'resolved',
      actions: [],
      slip: { department: '保洁部', assignee: '李主管', instructions: '', at: '2026-11-23T03:00:00.000Z' },
      reply: { form: 'phone', content: '已清理', by: '小陈', at: '2026-11-23T05:00:00.000Z' },
    });
    const { $ } = await openCase(view);

    expect($('.classify-panel')).toBeNull();
    expect($('.slip-panel')).toBeNull();
    expect($('.reply-panel')).toBeNull();
    expect($('.btn-acknowledge')).toBeNull();
    expect($('.slip-line')?.textContent).toBe('保洁部 · 李主管');
    expect($('.reply-shown .reply-content')?.textContent).toBe('已清理');
  });

  it('C4: the manager takes up a major complaint the same day', async () => {
    const view = complaint({
      id: 'c7',
      version: 5,
      status: 'handling',
      urgency: 'top',
      actions: ['acknowledge', 'reply'],
      classification: { class: 'responsible', severity: 'major', jurisdiction: null, reasons: ['injury_loss'], note: '', at: '2026-11-23T03:00:00.000Z' },
      dueRule: 'C4.major',
    });
    const { $, tap, backend } = await openCase(view, { role: 'manager' });
    expect($('.case-ack-waiting')?.textContent).toBe(deskUi.deskComplaint.ackWaiting);
    expect($('.case-due-rule .info-value')?.textContent).toBe(messages.deadlineRules['C4.major']);

    await tap('.btn-acknowledge');

    await until(() => backend.callsTo('complaints.acknowledge').length === 1);
    expect(backend.callsTo('complaints.acknowledge')[0]?.input).toEqual({
      propertyId: PROPERTY,
      ref: { kind: 'complaint', id: 'c7' },
      version: 5,
      ...commandFields,
    });
  });

  it('C4: shows who took it up once the manager has', async () => {
    const view = complaint({
      classification: { class: 'responsible', severity: 'major', jurisdiction: null, reasons: [], note: '', at: '2026-11-23T03:00:00.000Z' },
      managerAck: { by: '周经理', at: '2026-11-23T04:00:00.000Z' },
    });
    const { $ } = await openCase(view);
    expect($('.case-ack')?.textContent).toMatch(/^管理处主任已接手 · /);
    expect($('.case-ack-waiting')).toBeNull();
  });

  it('C3: a group case shows its households, each one tap from its own record, and is written to as a group', async () => {
    const crowd = group({ id: 'g1', version: 2, actions: ['reply'], category: 'elevator', placeLabel: '2栋' });
    const { container, $, tap, typeInto, backend } = await openCase(crowd);

    expect(backend.callsTo('complaints.get')[0]?.input).toEqual({ propertyId: PROPERTY, ref: { kind: 'group', id: 'g1' } });
    expect($('.badge-group')?.textContent).toBe('群体投诉 · 5户');
    expect($('.group-members .section-title')?.textContent).toBe('投诉住户（5户）');
    expect(Array.from(container.querySelectorAll('.group-member-address')).map((el) => el.textContent)).toEqual([
      '1栋1单元101',
      '1栋1单元201',
      '1栋1单元301',
      '1栋1单元401',
      '1栋1单元501',
    ]);
    expect($('.reply-form-chip.chip-on')).toBeNull();

    await tap('#reply-form-letter');
    await typeInto('.input-reply-content textarea', '电梯已全部检修');
    await tap('.btn-reply');
    await until(() => backend.callsTo('complaints.reply').length === 1);
    expect(backend.callsTo('complaints.reply')[0]?.input).toMatchObject({ ref: { kind: 'group', id: 'g1' }, version: 2, form: 'letter' });
  });
});
