/**
 * npx tsx bench/trace-group.ts: each outbound call of every group reply on the call journeys
 * (tests/functions/call-journeys.ts), with its sequential wait and the collection it named, and the
 * growth per household between the two groups (issue 16: ≤ 2 round trips per household).
 */
import { recordCalls, walkEveryAction } from '../tests/functions/call-journeys';
import { startRuntime } from '../tests/functions/harness';

const main = async () => {
  const rt = await startRuntime();
  const recorded = recordCalls(rt);
  const replies: { households: number; total: number }[] = [];
  try {
    const groups = await walkEveryAction(rt);
    for (const id of groups.groupIds) {
      const households = await groups.reply(id);
      const { total, sequential, untilCommitted, trace } = recorded.get('complaints.reply')!.at(-1)!.calls;
      replies.push({ households, total });
      console.log(`\ngroup of ${households}: ${total} round trips, ${sequential} waits, ${untilCommitted ?? '-'} until committed`);
      if (process.argv.includes('--calls')) for (const { wait, kind, detail } of trace) console.log(`  ${String(wait).padStart(3)}  ${kind.padEnd(34)}${detail}`);
    }
  } finally {
    rt.close();
  }
  const [a, b] = [...replies].sort((x, y) => x.households - y.households);
  if (a && b) console.log(`\ngrowth per household: ${(b.total - a.total) / (b.households - a.households)}`);
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
