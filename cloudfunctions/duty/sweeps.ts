import { dutyDaysDue, handoverLateAt, HANDOVER_GRACE_MINUTES, pagesOfDate } from '@shared/domain/duty-page.rules';
import { format } from '@shared/messages/format';
import { dutyTexts } from '@shared/messages/duty.zh-CN';
import * as messages from '@shared/messages/words';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { PropertyDoc } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { Deps } from '../_shared/deps';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { loadSettings } from '../_shared/settings';
import type { Sweep } from '../_shared/sweep';
import { dayIdOf, dayInTx, ensureDay, findDay, findHandover, markHandoverLate, pageInTx, pagesOfDay, saveDay } from './duty.repo';
import { inShanghai } from '@shared/time/shanghai';

const propertiesOf = async (sweep: Sweep) => (await sweep.properties()).open;

/** D2: one day's log, kept (some page written) and unsigned past the next morning, is flagged to the supervisor and the manager, once. */
const flagDay = async (deps: Deps, property: PropertyDoc, date: string): Promise<OutboxDoc[]> => {
  const { db } = deps;
  const now = deps.now();
  const existing = await findDay(db, property._id, date);
  if (existing?.signedBy || existing?.flaggedAt) return [];
  if (!(await pagesOfDay(db, property._id, date)).length) return [];
  await ensureDay(db, property._id, date);
  return db.runTransaction(async (tx) => {
    const day = await dayInTx(tx, dayIdOf(property._id, date));
    if (day.signedBy || day.flaggedAt) return [];
    await saveDay(tx, { ...day, flaggedAt: now.toISOString() });
    const out: OutboxDoc[] = [];
    for (const role of ['supervisor', 'manager'] as const) {
      const notice = {
        propertyId: property._id,
        kind: 'duty.unsigned' as const,
        channel: 'inbox' as const,
        recipient: audienceOfRole(role),
        subject: { kind: 'dutyDay', id: date },
        title: `${messages.notices['duty.unsigned']} · ${date}`,
        body: format(dutyTexts.unsigned, { date }),
        urgent: false,
      };
      out.push(await enqueueNotice(tx, `dutyDay:${day._id}`, notice, now));
    }
    return out;
  });
};

/** D2: each property's kept days left unsigned past the next morning, each property and day a unit of its own. */
export const flagUnsignedDutyDays = async (sweep: Sweep): Promise<number> => {
  const dates = dutyDaysDue(sweep.deps.now());
  if (!dates.length) return 0;
  let flagged = 0;
  const queued: OutboxDoc[] = [];
  for (const property of await propertiesOf(sweep)) {
    for (const date of dates) {
      const notices = (await sweep.unit(`duty day ${property._id} ${date}`, () => flagDay(sweep.deps, property, date))) ?? [];
      if (notices.length) flagged++;
      queued.push(...notices);
    }
  }
  await sendNow(sweep.deps, queued);
  return flagged;
};

/** D3: the kept pages of the last day whose handover is not complete by the grace time after the shift ended: the supervisor is told, once per page. */
const flagLateOf = async (deps: Deps, property: PropertyDoc): Promise<OutboxDoc[]> => {
  const { db } = deps;
  const now = deps.now();
  const settings = await loadSettings(deps, property._id);
  const today = inShanghai(now);
  const dates = [today.subtract(1, 'day').format('YYYY-MM-DD'), today.format('YYYY-MM-DD')];
  const out: OutboxDoc[] = [];
  for (const date of dates) {
    const stored = await pagesOfDay(db, property._id, date);
    for (const planned of pagesOfDate(settings.shifts, date)) {
      const page = stored.find((p) => p.shiftStart === planned.shiftStart);
      const lateAt = handoverLateAt(planned);
      if (!page || page.handoverLateFlaggedAt || lateAt > now || now.getTime() - lateAt.getTime() > 24 * 3_600_000) continue;
      if ((await findHandover(db, page._id))?.status === 'received') continue;
      const notices = await db.runTransaction(async (tx) => {
        const current = await pageInTx(tx, page._id);
        if (current.handoverLateFlaggedAt) return [];
        await markHandoverLate(tx, page._id, now);
        const notice = {
          propertyId: property._id,
          kind: 'duty.handoverLate' as const,
          channel: 'inbox' as const,
          recipient: audienceOfRole('supervisor'),
          subject: { kind: 'dutyPage', id: page._id },
          title: messages.notices['duty.handoverLate'],
          body: format(dutyTexts.handoverLate, { date, shift: page.shiftName, grace: HANDOVER_GRACE_MINUTES }),
          urgent: true,
        };
        return [await enqueueNotice(tx, `handoverLate:${page._id}`, notice, now)];
      });
      out.push(...notices);
    }
  }
  return out;
};

/** D3: late handovers of every property, each property a unit of its own. */
export const flagLateHandovers = async (sweep: Sweep): Promise<number> => {
  const queued: OutboxDoc[] = [];
  for (const property of await propertiesOf(sweep)) {
    queued.push(...((await sweep.unit(`handovers ${property._id}`, () => flagLateOf(sweep.deps, property))) ?? []));
  }
  await sendNow(sweep.deps, queued);
  return queued.length;
};
