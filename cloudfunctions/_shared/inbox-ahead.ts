import type { OutboxDoc } from '@shared/model/outbox.model';
import { templateFor, type SettingsDoc } from '@shared/model/settings.model';
import { deliveredNow, type Beside } from './commands';
import type { Deps } from './deps';
import { consentIdOf, isPerson, signalOf, type SettingsOf } from './channels';
import { consentsWithSendsLeft } from './consents';
import { activeOpenidsOfRole } from './membership';
import { loadSettings, rememberedSettings } from './settings';
import { bumpStored } from './signals';

/**
 * One batch of sending reads each property's settings once, however many notices it sends; settings
 * the change itself read just before (`known`) are not read again (issue 16).
 */
export const settingsReader = (deps: Pick<Deps, 'db' | 'now'>, known?: SettingsDoc): SettingsOf => {
  const read = new Map<string, Promise<SettingsDoc>>(known ? [[known.propertyId, Promise.resolve(known)]] : []);
  return (propertyId) => {
    const known = read.get(propertyId) ?? loadSettings(deps, propertyId);
    read.set(propertyId, known);
    return known;
  };
};

/** Roles whose every member is pushed what their role's inbox gets (the desk is pushed only on shift, by name). */
const PUSHED_ROLES = new Set(['role:supervisor', 'role:manager']);

/** The members of a pushed role a notice names (one read per role of a property however many notices name it); none for any other. */
const membersReader = (deps: Deps) => {
  const read = new Map<string, Promise<string[]>>();
  return (notice: OutboxDoc): Promise<string[]> => {
    if (!PUSHED_ROLES.has(notice.recipient)) return Promise.resolve([]);
    const key = `${notice.propertyId}\u0000${notice.recipient}`;
    const known = read.get(key) ?? activeOpenidsOfRole(deps.db, notice.propertyId, notice.recipient.slice('role:'.length));
    read.set(key, known);
    return known;
  };
};

export interface PlannedCopy {
  notice: OutboxDoc;
  recipient: string;
  consent: string;
}

/**
 * An inbox notice's push copies, when the property has a template for its kind: to the person it names; for
 * a role's, to every member of a pushed role (`members`) and whoever the notice names to push.
 */
const copiesOf = (notice: OutboxDoc, settings: SettingsDoc, members: readonly string[]): PlannedCopy[] => {
  const template = templateFor(settings.templates, notice.kind);
  if (!template) return [];
  const recipients = isPerson(notice.recipient) ? [notice.recipient] : [...new Set([...members, ...(notice.pushTo ?? [])])];
  return recipients.map((recipient) => ({ notice, recipient, consent: consentIdOf(recipient, template.id) }));
};

/** The subscribe copies the property's templates ask for: each inbox notice's recipients, with the consent a copy would use. */
export const planCopies = async (deps: Deps, notices: readonly OutboxDoc[], settingsOf: SettingsOf): Promise<PlannedCopy[]> => {
  const membersOf = membersReader(deps);
  const planned = await Promise.all(
    notices.map(async (notice) => {
      const settings = await settingsOf(notice.propertyId);
      return templateFor(settings.templates, notice.kind) ? copiesOf(notice, settings, await membersOf(notice)) : [];
    }),
  );
  return planned.flat();
};

/**
 * The same plan made at once, with no read and no turn of the event loop: when this instance remembers
 * every property's settings and no notice that has a template names a pushed role (whose members are read).
 * Null otherwise.
 */
const planCopiesAtOnce = (deps: Deps, notices: readonly OutboxDoc[]): PlannedCopy[] | null => {
  const planned: PlannedCopy[] = [];
  for (const notice of notices) {
    const settings = rememberedSettings(deps, notice.propertyId);
    if (!settings) return null;
    if (templateFor(settings.templates, notice.kind) && PUSHED_ROLES.has(notice.recipient)) return null;
    planned.push(...copiesOf(notice, settings, []));
  }
  return planned;
};

/** One read of the planned recipients' consents: those with a send left. */
const stockedOf = (deps: Deps, planned: readonly PlannedCopy[]): Promise<Set<string>> => consentsWithSendsLeft(deps.db, [...new Set(planned.map((p) => p.consent))]);

/** Planned, then one read of every planned recipient's consents. */
export const planCopiesWithConsents = async (deps: Deps, notices: readonly OutboxDoc[], settingsOf: SettingsOf): Promise<{ planned: PlannedCopy[]; stocked: Set<string> }> => {
  const planned = await planCopies(deps, notices, settingsOf);
  return { planned, stocked: await stockedOf(deps, planned) };
};

/** A command's push copies, planned beside its journal's insert, and their consents with a send left (of those planned copies). */
export interface CopiesPlan {
  planned: PlannedCopy[];
  stocked: (planned: readonly PlannedCopy[]) => Promise<Set<string>>;
}

/**
 * The plan of a command's push copies. When it needs no read (the settings remembered, no pushed role's
 * notice: the consent ids follow from the notices and the settings alone), its consents are read at once,
 * beside the journal's insert. Otherwise the plan reads first (the settings, a role's members) and its
 * consents are read when the copies are made, once the insert has answered, for the notices it stored.
 */
const planAhead = async (deps: Deps, notices: readonly OutboxDoc[], settingsOf: SettingsOf): Promise<CopiesPlan> => {
  const atOnce = planCopiesAtOnce(deps, notices);
  if (atOnce) {
    const stocked = stockedOf(deps, atOnce);
    // Awaited by the copies; a failure is theirs (logged there), never an unhandled rejection.
    stocked.catch(() => undefined);
    return { planned: atOnce, stocked: () => stocked };
  }
  return { planned: await planCopies(deps, notices, settingsOf), stocked: (planned) => stockedOf(deps, planned) };
};

/**
 * Inbox notices' delivery, started beside their command's journal's insert (`deliverAhead`) or by the sender
 * for any other notices (`startDelivery`): their stored signals bumped, answering the second step
 * (`bumpStored`: the documents of audiences never signalled before, which the sender inserts beside the
 * call's other channels), and their push copies' plan; null when it failed. Each settles, never rejects.
 */
export interface Ahead {
  bumped: Promise<{ signalNew?: () => Promise<void> } | null>;
  copies: Promise<CopiesPlan | null>;
}

const aheadOfNotice = new WeakMap<OutboxDoc, Ahead>();

/** What was done ahead for this notice, when its command's commit did something (else the sender does it all). */
export const aheadOf = (notice: OutboxDoc): Ahead | undefined => aheadOfNotice.get(notice);

/**
 * Issue 16: a command's inbox notices are delivered in the same wait as its journal's insert, not one after
 * it: their signals bumped, and their push copies planned with one read of the recipients' consents
 * (`planAhead`). What is left for the sender (`sendNow`) is to mark sent those whose insert succeeded,
 * beside their push copies: one wait.
 *
 * The bump may land before the notice is stored (both are issued together). A watcher is not told at the
 * bump: the client's signal hub calls its listener `quietMs` (300 ms, client/src/api/signals.ts) after the
 * last change it saw, and the listener then fetches through a cloud function (a call and its reads),
 * while the insert was issued beside the bump; CloudBase's watch itself is a push over a long connection
 * whose typical latency is "hundreds of milliseconds to seconds"
 * (https://docs.cloudbase.net/en/recipes/add-realtime-notifications-database-watch). And should the insert
 * fail, the notice is not lost: the timer's journal step inserts it pending, and the outbox drain delivers
 * it, which bumps the signal again, so the watcher fetches once more when the notice is there. So an early
 * bump costs at most one fetch that finds nothing new; a notice is never marked sent (nor pushed) before
 * its insert is known to have succeeded (`fannedOut`).
 *
 * Answers when both are done (it never rejects): the caller that must not leave work running after it
 * answers awaits it. A journal with no inbox notice (a robot's only) costs no request: nothing to bump, an
 * empty plan reads no consents.
 */
export const deliverAhead: Beside = (deps, journal) => {
  const inbox = journal.filter(deliveredNow).map((e) => e.doc as unknown as OutboxDoc);
  const ahead = startDelivery(deps, inbox, settingsReader(deps));
  for (const notice of inbox) aheadOfNotice.set(notice, ahead);
  return Promise.all([ahead.bumped, ahead.copies]).then(() => undefined);
};

/** Inbox notices' delivery started: their stored signals bumped, their push copies planned (`planAhead`). */
export const startDelivery = (deps: Deps, inbox: readonly OutboxDoc[], settingsOf: SettingsOf): Ahead => {
  const warn = (what: string) => (e: unknown) => {
    console.warn(`${what} (${inbox.map((n) => n._id).join(', ')}): the outbox timer will`, e);
    return null;
  };
  return {
    bumped: bumpStored(deps.db, inbox.map(signalOf), deps.now()).then((signalNew) => ({ signalNew }), warn('signals not bumped')),
    copies: planAhead(deps, inbox, settingsOf).catch(warn('push copies not planned')),
  };
};
