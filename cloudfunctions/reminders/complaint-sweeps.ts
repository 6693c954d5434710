import { birth } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import { handlingDeadline } from '@shared/domain/complaint-deadline.rules';
import { registersDue } from '@shared/domain/complaint-register.rules';
import { format, messages } from '@shared/messages';
import { complaintGroupModel, complaintModel, complaintRegisterModel, type ComplaintDoc } from '@shared/model/complaint.model';
import { propertyModel } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from '../_shared/deps';
import { appendEvent } from '../_shared/events';
import { openDeadline } from '../_shared/deadlines';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { findById, parseAll, withoutId, addOnce } from '../_shared/repo';
import { loadSettings } from '../_shared/settings';
import { cancelClock, subjectOf } from '../complaints/clocks';
import { complaintNotices, majorAudience } from '../complaints/notices';
import { registerIdOf } from '../complaints/register';
import { settleGroup } from '../complaints/settle';

const SYSTEM = { actor: 'system:reminders', role: 'system' as const };

/**
 * C3: a responsible complaint still unresolved a month after it came in becomes major: top urgency,
 * the manager told at once, the same-day clock started, and the step logged.
 */
export const upgradeUnresolved = async (deps: Deps, limit = 50): Promise<number> => {
  const { db } = deps;
  const now = deps.now();
  const res = await db.collection('complaints').where({ status: 'handling', upgradeAt: db.command.lte(now.toISOString()) }).limit(limit).get();
  let upgraded = 0;
  const queued: OutboxDoc[] = [];
  for (const found of parseAll(complaintModel, res.data)) {
    const settings = await loadSettings(db, found.propertyId);
    const notices = await db.runTransaction(async (tx) => {
      const c = complaintModel.parse((await tx.collection('complaints').doc(found._id).get()).data);
      const cl = c.classification;
      if (c.status !== 'handling' || !c.upgradeAt || c.upgradeAt > now.toISOString() || cl?.class !== 'responsible' || cl.severity !== 'general') return [];
      const plan = handlingDeadline({ class: 'responsible', severity: 'major', jurisdiction: null }, { since: now, residentDeadline: null }, now, settings);
      await cancelClock(tx, c);
      if (plan) await openDeadline(tx, subjectOf(c), plan, now);
      const next: ComplaintDoc = complaintModel.toStored({
        ...c,
        version: c.version + 1,
        urgency: 'top',
        classification: { ...cl, severity: 'major', reasons: [...cl.reasons, 'unresolved_month'] },
        upgradeAt: null,
        dueRule: plan?.rule ?? null,
        dueAt: plan?.dueAt.toISOString() ?? null,
        dueMetAt: null,
        updatedAt: now.toISOString(),
      });
      await tx.collection('complaints').doc(c._id).set({ data: withoutId(next) });
      const event = birth(complaintMachine, 'upgrade', 'handling', { actor: SYSTEM.actor, role: 'desk', now });
      await appendEvent(tx, subjectOf(c), { ...event, role: SYSTEM.role, from: 'handling', expectedVersion: c.version, version: next.version }, `upgrade:${c._id}`);
      const out: OutboxDoc[] = [];
      const told = complaintNotices(next, 'complaint.major', messages.complaintActions.upgrade, majorAudience(), settings.wecomWebhook !== null);
      for (const notice of told) out.push(await enqueueNotice(tx, `${c._id}@${next.version}`, notice, now));
      return out;
    });
    if (notices.length) upgraded++;
    queued.push(...notices);
  }
  await sendNow(deps, queued);
  return upgraded;
};

/** C6: each property's registers left unsigned past the next morning are flagged to the supervisor and the manager, once. */
export const flagUnsignedRegisters = async (deps: Deps): Promise<number> => {
  const { db } = deps;
  const now = deps.now();
  const dates = registersDue(now, 2);
  if (!dates.length) return 0;
  const properties = parseAll(propertyModel, (await db.collection('properties').limit(100).get()).data);
  let flagged = 0;
  const queued: OutboxDoc[] = [];
  for (const property of properties) {
    for (const date of dates) {
      const id = registerIdOf(property._id, date);
      const existing = await findById(db, complaintRegisterModel, id);
      if (existing?.signedBy || existing?.flaggedAt) continue;
      if (!existing) {
        await addOnce(db, 'complaintRegisters', complaintRegisterModel.toStored({ _id: id, propertyId: property._id, date, signedBy: null, remarks: '', count: 0, flaggedAt: null }));
      }
      const notices = await db.runTransaction(async (tx) => {
        const register = complaintRegisterModel.parse((await tx.collection('complaintRegisters').doc(id).get()).data);
        if (register.signedBy || register.flaggedAt) return [];
        await tx.collection('complaintRegisters').doc(id).update({ data: { flaggedAt: now.toISOString() } });
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
      if (notices.length) flagged++;
      queued.push(...notices);
    }
  }
  await sendNow(deps, queued);
  return flagged;
};

/** C3: a resolved group whose households were not all settled (the replying call died) is finished here. */
export const settleGroups = async (deps: Deps, limit = 20): Promise<number> => {
  const res = await deps.db.collection('complaintGroups').where({ status: 'resolved', settledAt: null }).limit(limit).get();
  let settled = 0;
  for (const group of parseAll(complaintGroupModel, res.data)) settled += await settleGroup(deps, group._id, SYSTEM);
  return settled;
};
