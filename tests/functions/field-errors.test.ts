import { repairs } from '@shared/contracts';
import { messages } from '@shared/messages';
import { callAs, repairInput, snapshot, startRuntime, WANG } from './harness';

/** Issue 12 (3.11): a refusal of bad input says which fields are wrong, in Chinese, with the limit. */
describe('bad input says what is wrong', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeAll(async () => {
    rt = await startRuntime();
  });
  afterAll(() => rt.close());

  it('R1: a 2,000-character description is refused with the field, its label, the limit and the length, and writes nothing', async () => {
    const before = await snapshot(rt);
    const result = await callAs(rt, WANG, repairs.create, repairInput({ description: '漏'.repeat(2000) }));
    expect(result).toEqual({
      ok: false,
      code: 'COMMON.BAD_INPUT',
      message: '问题描述最多 500 字，现在 2000 字',
      fields: [{ field: 'description', label: '问题描述', message: '问题描述最多 500 字，现在 2000 字', limit: { max: 500, length: 2000 } }],
    });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R1: every wrong field is named at once, nested ones by their own label, none by its raw path', async () => {
    const result = await callAs(rt, WANG, repairs.create, repairInput({ description: ' ', category: 'spaceship', preferredTime: { date: '明天', slot: 'evening' }, photos: Array(7).fill('cloud://x/y.jpg') }));
    expect(result).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', message: '有 4 处需要修改：请从选项中选择类别' });
    expect(!result.ok && result.fields).toEqual([
      { field: 'category', label: '类别', message: '请从选项中选择类别' },
      { field: 'description', label: '问题描述', message: '请填写问题描述' },
      { field: 'preferredTime.date', label: '上门日期', message: '上门日期格式不对，请检查' },
      { field: 'photos', label: '照片', message: '照片最多 6 项，现在 7 项', limit: { max: 6, length: 7 } },
    ]);
  });

  it('a missing field is asked for; a refusal of the envelope itself keeps the one message', async () => {
    const { description: _gone, ...rest } = repairInput();
    expect(await callAs(rt, WANG, repairs.create, rest)).toMatchObject({ fields: [{ field: 'description', message: '请填写问题描述' }] });
    expect(await rt.invoke('repairs', { input: {} }, { openid: WANG })).toEqual({ ok: false, code: 'COMMON.BAD_INPUT', message: messages.errors['COMMON.BAD_INPUT'] });
  });
});
