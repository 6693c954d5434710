/**
 * npx tsx bench/trace.ts repairs.create repairs.dispatch …: each outbound call of the named actions on
 * the call journeys (tests/functions/call-journeys.ts), in the order issued, with its sequential wait
 * and the collection it named, to see where an action's round trips go (issue 16).
 */
import { recordCalls, walkEveryAction } from '../tests/functions/call-journeys';
import { startRuntime } from '../tests/functions/harness';

const main = async () => {
  const wanted = process.argv.slice(2);
  const rt = await startRuntime();
  const recorded = recordCalls(rt);
  try {
    await walkEveryAction(rt);
  } finally {
    rt.close();
  }
  for (const key of wanted) {
    const calls = recorded.get(key) ?? [];
    const worst = [...calls].sort((a, b) => b.calls.total - a.calls.total)[0];
    if (!worst) {
      console.log(`${key}: no call on the journeys`);
      continue;
    }
    const { total, sequential, untilCommitted, trace } = worst.calls;
    console.log(`\n${key}: ${total} round trips, ${sequential} waits, ${untilCommitted ?? '-'} until committed (the costliest of ${calls.length} calls)`);
    for (const { wait, kind, detail } of trace) console.log(`  ${String(wait).padStart(3)}  ${kind.padEnd(34)}${detail}`);
  }
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
