import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { messages } from '@shared/messages';
import ResidentHome from '../../client/src/pages/resident/home';
import MyComplaints from '../../client/src/pages/resident/complaints';
import MyComplaint from '../../client/src/pages/resident/complaint';
import { residentUi } from '../../client/src/i18n/resident.zh-CN';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { withRouteParams } from './support/route';
import { complaint, detail, rooms } from './support/complaint-fixtures';

const history = [
  { action: 'file', to: 'received', role: 'resident', reason: null, at: '2026-11-23T02:00:00.000Z' },
  { action: 'classify', to: 'handling', role: 'desk', reason: null, at: '2026-11-23T02:30:00.000Z' },
];

const openComplaint = async (handlers: Record<string, (input: Record<string, unknown>) => unknown>, id: string) => {
  const backend = fakeBackend({ ...sessionHandlers('resident', rooms), 'repairs.listMine': () => okPage([]), ...handlers });
  withRouteParams({ id });
  const view = render(<MyComplaint />);
  const $ = (s: string) => view.container.querySelector(s);
  await until(() => $('.my-complaint-status') !== null);
  await settle();
  return { ...view, $, backend };
};

describe('resident home', () => {
  it('reaches 投诉 and 我的投诉 in one tap each', async () => {
    fakeBackend({ ...sessionHandlers('resident', rooms), 'repairs.listMine': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<ResidentHome />);
    await until(() => container.querySelector('.btn-call-desk') !== null);

    fireEvent.click(container.querySelector('#btn-new-complaint') as Element);
    fireEvent.click(container.querySelector('#btn-my-complaints') as Element);

    expect(navigate.mock.calls.map(([arg]) => arg)).toEqual([
      { url: '/pages/resident/complaint-new/index' },
      { url: '/pages/resident/complaints/index' },
    ]);
    navigate.mockRestore();
  });
});

describe('我的投诉', () => {
  it('lists each complaint with its status, category and date, and opens it', async () => {
    const answered = complaint({ id: 'c-old', status: 'resolved', category: 'noise', createdAt: '2026-10-02T02:00:00.000Z' });
    const fresh = complaint({ id: 'c-new', status: 'received', category: 'cleaning' });
    fakeBackend({ ...sessionHandlers('resident', rooms), 'complaints.listMine': () => okPage([fresh, answered]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<MyComplaints />);
    await until(() => container.querySelectorAll('.my-complaint').length === 2);
    const row = (id: string, part: string) => container.querySelector(`#complaint-${id} .${part}`)?.textContent;

    expect(row('c-new', 'complaint-status')).toBe(messages.complaintStatus.received);
    expect(row('c-new', 'my-complaint-category')).toContain(messages.complaintCategories.cleaning);
    expect(row('c-old', 'complaint-status')).toBe(messages.complaintStatus.resolved);
    expect(row('c-old', 'my-complaint-category')).toContain(messages.complaintCategories.noise);
    expect(row('c-old', 'my-complaint-date')).toMatch(/10月2日提交$/);

    fireEvent.click(container.querySelector('#complaint-c-old') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/resident/complaint/index?id=c-old' });
    navigate.mockRestore();
  });

  it('explains what goes there when she has complained about nothing', async () => {
    fakeBackend({ ...sessionHandlers('resident', rooms), 'complaints.listMine': () => okPage([]) });
    const { container } = render(<MyComplaints />);
    await until(() => container.querySelector('.list-empty') !== null);
    expect(container.querySelector('.list-empty')?.textContent).toBe(residentUi.myComplaints.empty);
  });
});

describe('one of her complaints', () => {
  it('C1: shows what she told us, where it stands and what happened since', async () => {
    const mine = complaint({ id: 'c1', status: 'handling', residentDeadline: '2026-11-25T10:00:00.000Z' });
    const { $, container, backend } = await openComplaint({ 'complaints.get': () => ok(detail(mine, history)) }, 'c1');

    expect(backend.callsTo('complaints.get')[0]?.input).toEqual({ propertyId: PROPERTY, ref: { kind: 'complaint', id: 'c1' } });
    expect($('.complaint-status')?.textContent).toBe(messages.complaintStatus.handling);
    expect($('.my-complaint-next')?.textContent).toBe(residentUi.complaintDetail.nextStep.handling);
    expect($('.fact-target .info-value')?.textContent).toBe('保洁部');
    expect($('.fact-request .info-value')?.textContent).toBe('请尽快清理，并告诉我结果');
    expect($('.fact-deadline .info-value')?.textContent).toContain('18:00');
    const steps = Array.from(container.querySelectorAll('.timeline-action')).map((el) => el.textContent);
    expect(steps).toEqual(['定性 · 客服接待员', '提交投诉 · 住户']);
    expect($('.rate-complaint')).toBeNull();
  });

  it('C5: shows the reply and the form it took', async () => {
    const answered = complaint({
      id: 'c2',
      status: 'resolved',
      reply: { form: 'phone', content: '已安排保洁每天清理两次，谢谢您的监督', by: '小陈', at: '2026-11-23T06:00:00.000Z' },
    });
    const { $ } = await openComplaint({ 'complaints.get': () => ok(detail(answered, history)) }, 'c2');

    expect($('.my-complaint-reply .reply-content')?.textContent).toBe('已安排保洁每天清理两次，谢谢您的监督');
    expect($('.my-complaint-reply .reply-form')?.textContent).toContain(messages.replyForms.phone);
  });

  it('C3: a grouped complaint shows its households, the shared progress and reply, and nobody else’s details', async () => {
    const grouped = complaint({
      id: 'c3',
      status: 'grouped',
      group: {
        id: 'g1',
        households: 6,
        status: 'handling',
        classification: { class: 'responsible', severity: 'major' },
        managerAck: true,
        reply: { form: 'letter', content: '电梯已全部检修，明天恢复运行', at: '2026-11-23T08:00:00.000Z' },
      },
    });
    const { $, container } = await openComplaint({ 'complaints.get': () => ok(detail(grouped, history)) }, 'c3');

    expect($('.group-households')?.textContent).toBe('共 6 户反映了同一件事，物业合并处理');
    expect($('.group-status')?.textContent).toBe(`处理进度：${messages.complaintStatus.handling}`);
    expect($('.group-ack')?.textContent).toBe(residentUi.complaintDetail.groupAck);
    expect($('.group-reply .reply-content')?.textContent).toBe('电梯已全部检修，明天恢复运行');
    expect($('.my-complaint-next')?.textContent).toBe(residentUi.complaintDetail.nextStep.grouped);
    expect(container.querySelector('.group-member')).toBeNull();
  });

  it('rates the handling 1–5 with a comment once it is answered, and needs the stars first', async () => {
    const answered = complaint({ id: 'c4', version: 6, status: 'resolved', actions: ['rate'] });
    let current = answered;
    const { $, backend } = await openComplaint(
      {
        'complaints.get': () => ok(detail(current, history)),
        'complaints.rate': (input) => {
          current = { ...answered, version: 7, actions: [], rating: { score: Number(input.score), comment: String(input.comment), at: '2026-11-23T09:00:00.000Z' } };
          return ok(current);
        },
      },
      'c4',
    );

    fireEvent.click($('.btn-rate-complaint') as Element);
    await settle();
    expect($('.error-rating')?.textContent).toBe(residentUi.complaintRating.needScore);
    expect(backend.callsTo('complaints.rate')).toHaveLength(0);

    fireEvent.click($('.rate-score .star-4') as Element);
    fireEvent.input($('.input-complaint-rating-comment textarea') as Element, { target: { value: '处理得很及时' } });
    await settle(10);
    fireEvent.click($('.btn-rate-complaint') as Element);

    await until(() => $('.complaint-rating') !== null);
    expect(backend.callsTo('complaints.rate')[0]?.input).toEqual({
      propertyId: PROPERTY,
      complaintId: 'c4',
      version: 6,
      score: 4,
      comment: '处理得很及时',
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    expect($('.complaint-rating')?.getAttribute('data-value')).toBe('4');
    expect($('.complaint-rating-comment')?.textContent).toBe('处理得很及时');
    expect($('.rate-complaint')).toBeNull();
  });
});
