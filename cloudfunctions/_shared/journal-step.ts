import { fanOutJournals } from './commands';
import type { JournalEntry } from '@shared/model/command.model';
import { applyClockMoves } from './deadlines';
import { applyPlaceReleases } from './places';
import { applyPuts } from './journaled-puts';
import { outboxModel } from '@shared/model/outbox.model';
import { signalOf } from './channels';
import { consentsWithSendsLeft } from './consents';
import { planCopies, settingsReader } from './inbox-ahead';
import { copyIdOf, emptyReport, pushCopies } from './outbox';
import { chunks, IN_MOST, storedByIds } from './repo';
import { bumpSignals, unsignalledSince } from './signals';
import type { Sweep } from './sweep';

/*
 * The timer's journal step (reminders/handle.ts): what it does besides storing the journals' documents
 * (commands.ts `fanOutJournals`), the timer's alone.
 */

/**
 * Issue 16: the timer's journal step makes sure of the inbox notices a command's call stored delivered (`enqueueNotice`),
 * since the call may have died between their insert and the rest of their delivery: each audience's signal bumped
 * after the notice was made (bumped now when not: `unsignalledSince`; an extra bump costs a watcher at most one fetch
 * that finds nothing new), and each push copy the property's templates ask for made, once (its id is derived: one
 * the call made is found and left, one it did not is made now and sent if the person has a send left; a copy whose
 * person had none at the call's time but has one now is sent now, a minute late rather than never). Answers false
 * when it could not (its units' failures are recorded): the records are checked again at the next run.
 */
export const confirmDelivered = async (sweep: Sweep, docs: readonly unknown[]): Promise<boolean> => {
  const { deps } = sweep;
  const inbox = docs.flatMap((doc) => {
    const parsed = outboxModel.safeParse(doc);
    return parsed.success && parsed.data.channel === 'inbox' ? [parsed.data] : [];
  });
  if (inbox.length === 0) return true;
  const settingsOf = settingsReader(deps);
  const [signalled, copied] = await Promise.all([
    sweep.unit(`the signals of ${inbox.length} notices stored delivered`, async () => {
      const unsignalled = await unsignalledSince(deps.db, inbox.map((n) => ({ ...signalOf(n), since: n.createdAt })));
      await bumpSignals(deps.db, unsignalled, deps.now());
      return true;
    }),
    sweep.unit(`the push copies of ${inbox.length} notices stored delivered`, async () => {
      const planned = await planCopies(deps, inbox, settingsOf);
      if (planned.length === 0) return true;
      const made = new Set((await storedByIds(deps.db, 'outbox', planned.map(copyIdOf))).map((d) => d._id));
      const missing = planned.filter((p) => !made.has(copyIdOf(p)));
      if (missing.length === 0) return true;
      // A page of records can plan hundreds of copies: their consents read 100 to a query, together.
      const consents = chunks([...new Set(missing.map((p) => p.consent))], IN_MOST);
      const stocked = new Set((await Promise.all(consents.map((part) => consentsWithSendsLeft(deps.db, part)))).flatMap((set) => [...set]));
      await pushCopies(deps, missing, stocked, emptyReport(), settingsOf);
      return true;
    }),
  ]);
  return signalled === true && copied === true;
};

/**
 * Issue 16: the changes the records carry, applied again: the clocks' (deadlines.ts `journaledMove`), the places
 * cancelled bookings give back (places.ts `givePlaceBackAfter`) and the copies written after (journaled-puts.ts
 * `putAfter`: a key loan's); each lands once, whoever applies it.
 */
const applyMoves = async (sweep: Sweep, moves: readonly JournalEntry[]): Promise<boolean> =>
  (await sweep.unit(`${moves.length} changes (${moves[0]?.doc._id}…)`, async () => {
    await Promise.all([applyClockMoves(sweep.deps.db, moves), applyPlaceReleases(sweep.deps.db, moves), applyPuts(sweep.deps.db, moves)]);
    return true;
  })) === true;

/**
 * The timer's journal step (reminders/handle.ts): every unchecked record's documents stored, the notices its call
 * stored delivered made sure of, and its clock changes applied.
 */
export const journalStep = (sweep: Sweep) => fanOutJournals(sweep, { confirm: confirmDelivered, applyMoves });

