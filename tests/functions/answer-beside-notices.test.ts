import { repairs } from '@shared/contracts';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { metered, measureCalls, type CallCount } from '../../local/call-meter';
import { expectOk, raw, TECH_LI, tracedRuntimeEachTest, WANG } from './harness';
import { file, onSite } from './work-order';

/**
 * Issue 16: a repair step's answer carries links to its photos (storage.tempUrls). They are asked for in the first
 * wave after the step's notices are stored (stored delivered since 2026-12-07: nothing marks them after), beside
 * whatever of their delivery is left (push copies), not after it; the call still answers only once that delivery
 * is done, so its caller never hears of a step whose notices are left running.
 */
describe('issue 16: a step\'s photo links are asked for beside its notices\' delivery', () => {
  const traced = tracedRuntimeEachTest();

  const waitOf = (trace: CallCount['trace'], kind: string, detail = '') => trace.filter((c) => c.kind === kind && (!detail || c.detail === detail)).map((c) => c.wait);

  it('R6: a completion\'s photo links go out in the wave after its notices are stored, nothing marks them after, and the notices are sent when it answers', async () => {
    const o = await onSite(traced.rt);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await o.step(WANG, repairs.accept));
    expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [], amountFen: 0 }));
    const trace = traced.last();
    const [stored] = waitOf(trace, 'database.insertDocument', 'outbox').filter((w) => w > waitOf(trace, 'database.commitTransaction')[0]!);
    expect(waitOf(trace, 'database.modifyDocument', 'outbox')).toEqual([]);
    expect(waitOf(trace, 'storage.tempUrls')).toEqual([stored! + 1]);
    expect(Math.max(...trace.map((c) => c.wait))).toBe(stored! + 1);
    // Every notice of the completion was stored delivered before the answer came back.
    const ofOrder = raw<OutboxDoc>(traced.rt, 'outbox').filter((n) => n.channel === 'inbox' && n.subject?.id === o.current.id);
    expect(ofOrder.filter((n) => n.createdAt === ofOrder.at(-1)!.createdAt).length).toBeGreaterThan(0);
    expect(ofOrder.filter((n) => n.status !== 'sent')).toEqual([]);
  });
});

describe('issue 16: the call meter counts calls issued beside each other as one wait', () => {
  const answered = <T>(value: T) => () => Promise.resolve(value);

  it('a call issued by a branch that needed no answer lies beside one that answers at once', async () => {
    let count: CallCount | null = null;
    await measureCalls(
      async () => {
        const first = metered('database.getDocument', answered(1), undefined, 'a');
        // Another branch of the same turn issues its call after some synchronous work: beside, not after.
        const second = Promise.resolve().then(() => metered('database.getDocument', answered(2), undefined, 'b'));
        await Promise.all([first, second]);
        await metered('database.getDocument', answered(3), undefined, 'c');
      },
      (c) => {
        count = c;
      },
    );
    expect(count!.trace.map((c) => [c.detail, c.wait])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ]);
    expect(count!.sequential).toBe(2);
  });
});
