import { members } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, newCommandId, PROPERTY, snapshot, startRuntime } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';
const NEWCOMER = 'o-new-res';

const bind = (rt: Rt, phone: Record<string, string>) =>
  callAs(rt, NEWCOMER, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: 'demo:2-2-1501', name: '孙丽', relation: 'owner', ...phone });

describe('issue 7 (3, 4): WeChat\'s phone-number button and mini-program codes', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('a binding request made with the phone-number button carries the number WeChat gives for its code', async () => {
    const request = expectOk(await bind(rt, { phoneCode: 'local-phone:13912345678' }));
    expect(request.phone).toBe('139****5678');
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, members.revealBindingPhone, { propertyId: PROPERTY, bindingId: request.id })).phone).toBe('13912345678');
  });

  it('a code WeChat does not honour is refused and nothing is written; a number and a code together are bad input', async () => {
    const before = await snapshot(rt);
    expect(await bind(rt, { phoneCode: 'expired-code' })).toMatchObject({ ok: false, code: 'MEMBER.PHONE_CODE' });
    expect(await bind(rt, { phone: '13912345678', phoneCode: 'local-phone:13912345678' })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await bind(rt, {})).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('WeChat failing for its own reasons (busy, -1) is not blamed on the person\'s code: the call fails as the fault it is, and nothing is written', async () => {
    rt.deps.wechat = { ...rt.deps.wechat!, phoneNumberOf: async () => Promise.reject(Object.assign(new Error('system error'), { errCode: -1, errMsg: 'openapi.phonenumber.getPhoneNumber:fail system error' })) };
    const before = await snapshot(rt);
    expect(await bind(rt, { phoneCode: 'local-phone:13912345678' })).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('an invitation comes with a mini-program code image that opens the landing page with its scene', async () => {
    const issued = expectOk(await callAs(rt, MANAGER, members.invite, { propertyId: PROPERTY, commandId: newCommandId(), role: 'desk' }));
    expect(issued.qrImage?.mime).toBe('image/svg+xml');
    const image = Buffer.from(issued.qrImage!.base64, 'base64').toString();
    expect(image).toContain(`inv=${issued.code}`);
    expect(image).toContain('pages/index/index');
  });

  it('an invitation still works when WeChat cannot make its image', async () => {
    rt.deps.wechat = { ...rt.deps.wechat!, miniProgramCode: async () => Promise.reject(new Error('page not published')) };
    const issued = expectOk(await callAs(rt, MANAGER, members.invite, { propertyId: PROPERTY, commandId: newCommandId(), role: 'desk' }));
    expect(issued).toMatchObject({ qrImage: null, qr: { scene: `inv=${issued.code}` } });
  });
});
