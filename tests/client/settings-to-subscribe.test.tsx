/**
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * Issue 13 (1.1): what the manager saves on the settings page is what the sender uses. The page
 * runs against the local runtime (the real members-admin, repairs and session functions, the local engine), so
 * the test goes from typing a template on the page to a subscribe message WeChat would receive.
 */
import { fireEvent, render } from '@testing-library/react';
import { SETTINGS_FRESH_MS } from '../../cloudfunctions/_shared/settings';
import { deployedFunctionOf } from '@shared/areas';
import { repairs, session, type FunctionName } from '@shared/contracts';
import SettingsPage from '../../client/src/pages/supervisor/settings';
import { configureApi } from '../../client/src/api';
import { resetSession } from '../../client/src/store/session.store';
import { createRuntime, type Runtime } from '../../local/runtime';
import { handle as sessionFn } from '../../cloudfunctions/session/handle';
import { handle as repairsFn } from '../../cloudfunctions/repairs/handle';
import { handle as membersAdminFn } from '../../cloudfunctions/members-admin/handle';
import { handle as repairsDeskFn } from '../../cloudfunctions/repairs-desk/handle';
import { handle as repairsStepsFn } from '../../cloudfunctions/repairs-steps/handle';
import { settle, until } from './support/fake-backend';

const MANAGER = 'o-mgr-zhou';
const WANG = 'o-res-wang';
const DESK = 'o-desk-chen';
const TECH = 'o-tech-li';
const PROPERTY = 'demo';
const NOW = '2026-11-23T02:00:00.000Z';

let seq = 0;
const commandId = () => `cmd-page-${(seq++).toString(36)}-${Date.now().toString(36)}`;

describe('issue 13 (1.1): a template saved on the settings page is the one a notice is sent with', () => {
  let rt: Runtime;
  let later = 0;
  beforeEach(async () => {
    later = 0;
    rt = await createRuntime({ dataDir: null, functions: { session: sessionFn, repairs: repairsFn, 'repairs-desk': repairsDeskFn, 'repairs-steps': repairsStepsFn, 'members-admin': membersAdminFn }, now: () => new Date(Date.parse(NOW) + later) });
    configureApi({ transport: (fn, envelope) => rt.invoke(fn, envelope, { openid: MANAGER }), delay: () => Promise.resolve() });
    resetSession();
  });
  afterEach(() => rt.close());

  const call = (openid: string, area: FunctionName, action: string, input: Record<string, unknown>) =>
    rt.invoke(deployedFunctionOf({ fn: area, name: action }), { action, input: { propertyId: PROPERTY, ...input } }, { openid }) as Promise<{ ok: boolean; data: Record<string, unknown> & { id: string; version: number } }>;

  it('the manager types a template for "报修单有新进展" (id, page, fields); the resident who accepted it is pushed exactly that', async () => {
    const page = render(<SettingsPage />);
    const $ = (selector: string) => page.container.querySelector(selector);
    await until(() => $('.btn-save-settings') !== null, 10_000);
    await settle();
    const type = async (selector: string, value: string) => {
      fireEvent.input(($(`${selector} input`) ?? $(selector)) as Element, { target: { value } });
      await settle(10);
    };
    await type('#template-repair-changed .input-template', 'tmplProgress_Page01');
    await type('#template-repair-changed .input-template-page', 'pages/resident/repair/index');
    await type('#template-repair-changed .input-template-fields', 'thing4=标题，thing2：内容 time6=时间');
    fireEvent.click($('.btn-save-settings') as Element);
    await until(() => rt.engine.collection('settings').all().some((d) => JSON.stringify(d).includes('tmplProgress_Page01')), 10_000);
    await settle();
    // Every function sees a saved change within the settings' stated freshness (issue 16).
    later = SETTINGS_FRESH_MS;

    const consent = await call(WANG, 'session', session.consent.name, { commandId: commandId(), accepted: ['tmplProgress_Page01'], rejected: [] });
    expect(consent.ok).toBe(true);
    const created = await call(WANG, 'repairs', repairs.create.name, {
      commandId: commandId(),
      roomId: 'demo:1-1-101',
      category: 'water',
      description: '厨房水龙头滴水',
      photos: [],
      preferredTime: null,
    });
    expect(created.ok).toBe(true);
    const dispatched = await call(DESK, 'repairs', repairs.dispatch.name, { commandId: commandId(), repairId: created.data.id, version: created.data.version, technicianId: 'mb_otechli' });
    expect(dispatched.ok).toBe(true);
    const acknowledged = await call(TECH, 'repairs', repairs.acknowledge.name, { commandId: commandId(), repairId: created.data.id, version: dispatched.data.version });
    expect(acknowledged.ok).toBe(true);

    expect(rt.subscribeMessages.map((m) => ({ touser: m.touser, templateId: m.templateId, page: m.page, keys: Object.keys(m.data) }))).toEqual([
      { touser: WANG, templateId: 'tmplProgress_Page01', page: `pages/resident/repair/index?id=${created.data.id}`, keys: ['thing4', 'thing2', 'time6'] },
    ]);
  }, 30_000);
});
