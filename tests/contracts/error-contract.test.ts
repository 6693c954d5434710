/**
 * Issue 12 (3.9): every error code an action can answer is classified once, in the error contract
 * (`shared-types/src/contracts/errors.ts`), which the api client and the offline queue read. A code
 * added to the catalogue, or named by server code, without a classification fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorRetry, retryOf } from '@shared/contracts/errors';
import { messages } from '@shared/messages';

const root = resolve(__dirname, '..', '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Codes the server code answers with: failure('X.Y'), new ActionFailure('X.Y'), code: 'X.Y'. */
const codesNamedBy = (dir: string): Set<string> => {
  const named = new Set<string>();
  for (const file of files(dir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:failure\(|ActionFailure\(|code: )'([A-Z_]+\.[A-Z_]+)'/g)) named.add(m[1] ?? '');
  }
  return named;
};

describe('the error contract', () => {
  it('classifies every code of the catalogue, and nothing else', () => {
    expect(Object.keys(errorRetry).sort()).toEqual(Object.keys(messages.errors).sort());
  });

  it('classifies every code the functions answer with', () => {
    const named = codesNamedBy(join(root, 'cloudfunctions'));
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((code) => !(code in errorRetry))).toEqual([]);
  });

  it('retries only what can change: the network (transient), the server failing (bounded) and R5\'s wait', () => {
    expect(Object.entries(errorRetry).filter(([, retry]) => retry !== 'final')).toEqual([
      ['COMMON.BUSY', 'transient'],
      ['COMMON.INTERNAL', 'bounded'],
      ['STATE.TOO_EARLY', 'wait'],
    ]);
  });

  it('takes a code it does not know (a newer server\'s), or an inherited name, as final', () => {
    expect(retryOf('PARKING.FULL')).toBe('final');
    expect(retryOf('constructor')).toBe('final');
  });
});
