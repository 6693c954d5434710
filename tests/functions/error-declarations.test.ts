/**
 * Issue 15 (5): each action declares in its contract the codes it may refuse with beyond the common
 * ones (COMMON.*); whether a caller retries a code stays declared once, in `errors.ts`. The router
 * answers an undeclared refusal as a bug. The inputs of the bad-input and authorisation harnesses
 * (each action's valid input, and the generated variants of it that still pass the contract) sent
 * by a person of every role and a stranger prove the declarations true: every refusal is declared.
 */
import { deployedFunctionOf } from '@shared/areas';
import { mayAnswer, repairs, session } from '@shared/contracts';
import { sessionActions } from '@shared/contracts/session.contract';
import { failure } from '@shared/messages';
import { createRuntime } from '../../local/runtime';
import { defineFunction } from '../../cloudfunctions/_shared/router';
import { callAs, DESK_ON_SHIFT, functions, MORNING, newCommandId, SUPERVISOR, TECH_LI, TEST_BOOTSTRAP_SECRET, testClock, WANG, ZHANG } from './harness';
import { allActions, harnessRuntime, validInputs } from './valid-inputs';
import { mutations } from './mutations';

const callers = [WANG, ZHANG, DESK_ON_SHIFT, TECH_LI, SUPERVISOR, 'o-mgr-zhou', 'o-stranger'];

describe('the router holds every action to the codes its contract declares', () => {
  it('a refusal the contract does not declare is answered as a bug (COMMON.INTERNAL) and logged', async () => {
    const undeclared = defineFunction('session', { me: sessionActions.me }, { me: async () => failure('REPAIR.NOT_FOUND') });
    const rt = await createRuntime({ dataDir: null, functions: { ...functions, session: undeclared }, now: testClock(MORNING).now, bootstrapSecret: TEST_BOOTSTRAP_SECRET });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await callAs(rt, WANG, session.me, {})).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
      expect(logged).toHaveBeenCalledWith('[session.me] refused with REPAIR.NOT_FOUND, which its contract does not declare');
    } finally {
      logged.mockRestore();
      await rt.close();
    }
  });

  it('a common code needs no declaration', () => {
    expect(mayAnswer(session.me, 'COMMON.VERSION_CONFLICT')).toBe(true);
    expect(mayAnswer(session.me, 'REPAIR.NOT_FOUND')).toBe(false);
    expect(mayAnswer(repairs.get, 'REPAIR.NOT_FOUND')).toBe(true);
  });
});

describe('every action refuses only with codes it declares', () => {
  const h = harnessRuntime();

  it.each(allActions.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s', async (name, action) => {
    const { rt, repairId } = h;
    const valid = validInputs(repairId)[name] ?? {};
    const inputs: [string, unknown][] = [['valid', valid], ...mutations(valid).filter(([, input]) => action.input.safeParse(input).success)];
    const logged = jest.spyOn(console, 'error');
    try {
      for (const [label, input] of inputs) {
        for (const openid of callers) {
          // A fresh command id each time, so every call reaches the handler instead of replaying the first.
          const sent = typeof input === 'object' && input !== null && 'commandId' in input ? { ...input, commandId: newCommandId() } : input;
          const result = (await rt.invoke(deployedFunctionOf(action), { action: action.name, input: sent }, { openid })) as { ok: boolean; code?: string };
          if (!result.ok) expect({ label, openid, code: result.code, declared: result.code !== 'COMMON.INTERNAL' && mayAnswer(action, result.code ?? '') }).toEqual({ label, openid, code: result.code, declared: true });
        }
      }
      expect(logged.mock.calls.filter(([message]) => String(message).includes('does not declare'))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });
});
