import { transition } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import { handlingDeadline } from '@shared/domain/complaint-deadline.rules';
import { registersDue } from '@shared/domain/complaint-register.rules';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import type { ComplaintDoc } from '@shared/model/complaint.model';
import type { PropertyDoc } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from '../_shared/deps';
import { appendEvent } from '../_shared/events';
import { openDeadline } from '../_shared/deadlines';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { complaintsDueUpgrade, readComplaintInTx, writeComplaintInTx } from '../_shared/complaints.repo';
import type { Sweep } from '../_shared/sweep';
import { TIMER } from '../_shared/timer-actor';
import { loadSettings } from '../_shared/settings';
import { cancelClock, subjectOf } from './clocks';
import { complaintNotices, majorAudience } from './notices';
import { residentComplaintNotice } from './resident-notice';
import { ensureRegister, findRegister, flagRegisterInTx, readRegisterInTx, registerIdOf, unsettledGroups } from './complaints.repo';
import { settleGroup } from './settle';

/** C3: one complaint's upgrade to major, claimed on the status and upgrade time it read. */
const upgradeOne = async (deps: Deps, found: ComplaintDoc): Promise<OutboxDoc[]> => {
  const { db } = deps;
  const now = deps.now();
  const settings = await loadSettings(deps, found.propertyId);
  return db.runTransaction(async (tx) => {
    const c = await readComplaintInTx(tx, found._id);
    const cl = c.classification;
    if (!c.upgradeAt || c.upgradeAt > now.toISOString() || !cl) return [];
    const moved = transition(complaintMachine, c, { action: 'upgrade', actor: TIMER.actor, role: TIMER.role, now });
    if (!moved.ok) return [];
    const plan = handlingDeadline({ class: 'responsible', severity: 'major', jurisdiction: null }, { since: now, residentDeadline: null }, now, settings);
    // The clocks carry the case's version, so no classification's change landing late undoes them (deadlines.ts `journaledMove`).
    await cancelClock(tx, c, now, moved.version);
    if (plan) await openDeadline(tx, subjectOf(c), plan, now, moved.version);
    const next: ComplaintDoc = await writeComplaintInTx(tx, {
      ...c,
      status: moved.status,
      version: moved.version,
      urgency: 'top',
      classification: { ...cl, severity: 'major', reasons: [...cl.reasons, 'unresolved_month'] },
      upgradeAt: null,
      dueRule: plan?.rule ?? null,
      dueAt: plan?.dueAt.toISOString() ?? null,
      dueMetAt: null,
      updatedAt: now.toISOString(),
    });
    await appendEvent(tx, subjectOf(c), moved.event, `upgrade:${c._id}`);
    const out: OutboxDoc[] = [];
    const told = [
      ...complaintNotices(next, 'complaint.major', messages.complaintActions.upgrade, majorAudience(), settings.wecomWebhook !== null),
      residentComplaintNotice('upgrade', next, next, now),
    ];
    for (const notice of told) out.push(await enqueueNotice(tx, `${c._id}@${next.version}`, notice, now));
    return out;
  });
};

/**
 * C3: a responsible complaint still unresolved a month after it came in becomes major: top urgency,
 * the manager told at once, the same-day clock started, and the step logged. Each complaint is a
 * unit of its own.
 */
export const upgradeUnresolved = async (sweep: Sweep, limit = 50): Promise<number> => {
  const { deps } = sweep;
  const { closed } = await sweep.properties();
  let upgraded = 0;
  const queued: OutboxDoc[] = [];
  for (const found of await complaintsDueUpgrade(sweep, deps.now(), closed, limit)) {
    const notices = (await sweep.unit(`complaint ${found._id}`, () => upgradeOne(deps, found))) ?? [];
    if (notices.length) upgraded++;
    queued.push(...notices);
  }
  await sendNow(deps, queued);
  return upgraded;
};

/** C6: one register left unsigned past the next morning is flagged to the supervisor and the manager, once. */
const flagRegister = async (deps: Deps, property: PropertyDoc, date: string): Promise<OutboxDoc[]> => {
  const { db } = deps;
  const now = deps.now();
  const id = registerIdOf(property._id, date);
  const existing = await findRegister(db, property._id, date);
  if (existing?.signedBy || existing?.flaggedAt) return [];
  if (!existing) {
    await ensureRegister(db, property._id, date);
  }
  return db.runTransaction(async (tx) => {
    const register = await readRegisterInTx(tx, id);
    if (register.signedBy || register.flaggedAt) return [];
    await flagRegisterInTx(tx, id, now);
    const out: OutboxDoc[] = [];
    for (const role of ['supervisor', 'manager'] as const) {
      out.push(
        await enqueueNotice(
          tx,
          `register:${id}`,
          {
            propertyId: property._id,
            kind: 'register.unsigned',
            channel: 'inbox',
            recipient: audienceOfRole(role),
            subject: { kind: 'complaintRegister', id: date },
            title: `${messages.notices['register.unsigned']} · ${date}`,
            body: format(messages.complaintTexts.registerUnsigned, { date }),
            urgent: false,
          },
          now,
        ),
      );
    }
    return out;
  });
};

/** C6: each property's registers left unsigned past the next morning, each property and day a unit of its own. */
export const flagUnsignedRegisters = async (sweep: Sweep): Promise<number> => {
  const { deps } = sweep;
  const dates = registersDue(deps.now(), 2);
  if (!dates.length) return 0;
  const properties = (await sweep.properties()).open;
  let flagged = 0;
  const queued: OutboxDoc[] = [];
  for (const property of properties) {
    for (const date of dates) {
      const notices = (await sweep.unit(`register ${property._id} ${date}`, () => flagRegister(deps, property, date))) ?? [];
      if (notices.length) flagged++;
      queued.push(...notices);
    }
  }
  await sendNow(deps, queued);
  return flagged;
};

/** C3: a resolved group whose households were not all settled (the replying call died) is finished here. */
export const settleGroups = async (sweep: Sweep, limit = 20): Promise<number> => {
  let settled = 0;
  for (const group of await unsettledGroups(sweep, limit)) {
    settled += (await sweep.unit(`group ${group._id}`, () => settleGroup(sweep.deps, group._id, TIMER))) ?? 0;
  }
  return settled;
};
