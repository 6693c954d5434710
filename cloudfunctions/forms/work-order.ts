import type { formsActions } from '@shared/contracts/forms.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { formsTexts } from '@shared/messages/forms.zh-CN';
import { maskPhone } from '@shared/domain/phone';
import { yuan } from '@shared/domain/quote.rules';
import type { RepairDoc } from '@shared/model/repair.model';
import { repairWhere } from '@shared/messages/place-label';
import { shanghaiDate } from '@shared/time/shanghai';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { textForOthers } from '../_shared/screened';
import { canSee, needsFullPhone } from '../repairs/exports';
import { formSheet, when } from './layout';
import { printed, propertyName } from './printed';
import { findRepair } from '../_shared/repairs.repo';

const words = formsTexts.workOrder;
const { none } = formsTexts;

/** R1 V4: the booked window, else the resident's preferred day and part of it. */
const appointmentOf = (r: RepairDoc) => {
  if (r.appointment) return `${when(r.appointment.start)}–${when(r.appointment.end).slice(11)}`;
  return r.preferredTime ? `${r.preferredTime.date} ${words.slots[r.preferredTime.slot]}` : none;
};

const quoteOf = (r: RepairDoc) =>
  r.quote ? r.quote.lines.map((l) => `${l.name} × ${l.qty}  ${format(formsTexts.yuan, { amount: yuan(l.priceFen * l.qty) })}`).join('\n') : none;

const materialsOf = (r: RepairDoc) => (r.completion?.materials.length ? r.completion.materials.map((m) => `${m.name} × ${m.qty}`).join('\n') : none);

/** What the form is made from needs only the input: read with the caller's membership (issue 16). */
const workOrderReads = (input: z.infer<(typeof formsActions)['workOrder']['input']>, deps: Deps) => Promise.all([findRepair(deps.db, input.repairId), propertyName(deps, input.propertyId)]);

/**
 * 维修派工单 (the seed's 《维修单》/《维修任务单》: resident, address, phone, what to repair, the agreed
 * time; the amount, the resident's rating and signature, the callback's remark). Authorised as the
 * repair detail is: the property's desk side, and the technician it is assigned to. The number is
 * printed in full for whoever may call the resident about this order (the desk and the technician
 * at the door, as on screen), masked for the manager. The description is what the technician may
 * read: text the content checks hold is not printed, since the paper goes to the door.
 */
export const workOrder: Handler<(typeof formsActions)['workOrder']> = withPrefetch<(typeof formsActions)['workOrder'], Awaited<ReturnType<typeof workOrderReads>>>(workOrderReads, async (input, { deps, member, now }, [r, property]) => {
  if (!r || !canSee(member, r)) return failure('REPAIR.NOT_FOUND');
  const room = repairWhere(r);
  // Issue 18 (5): a public place's repair nobody reported is signed by the staff member who checked it.
  const resident = r.residentName ?? messages.reporterWords.none;
  const fileName = format(words.file, { property, room, date: shanghaiDate(new Date(r.createdAt)) });
  return printed(deps, r.propertyId, fileName, input.deliver, (book) => {
    const form = formSheet(book, { name: words.sheet, title: format(words.title, { property }), lines: [], widths: [14, 26, 14, 26], madeAt: now });
    form.pairs(words.createdAt, when(r.createdAt), words.channel, messages.channels[r.channel]);
    form.pairs(words.resident, resident, words.phone, needsFullPhone(member, r) ? r.phone : maskPhone(r.phone));
    form.pairs(words.room, room, words.category, messages.categories[r.category]);
    form.pairs(words.priority, messages.priority[r.priority], words.appointment, appointmentOf(r));
    form.wide(words.description, textForOthers(r.description, r.screening.text), 4);
    form.pairs(words.dispatchedAt, when(r.dispatchedAt), words.technician, r.technician?.name ?? none);
    form.pairs(words.acknowledgedAt, when(r.acknowledgedAt), words.arrivedAt, when(r.arrivedAt));
    form.wide(words.quote, quoteOf(r), 2);
    form.wide(words.materials, materialsOf(r), 2);
    form.pairs(words.amount, r.completion ? format(formsTexts.yuan, { amount: yuan(r.completion.amountFen) }) : '', words.completedAt, when(r.completedAt));
    form.wide(words.visitNote, r.visitNote ?? '', 3);
    form.wide(words.rating, r.rating ? [format(words.ratingLine, r.rating), r.rating.comment].filter(Boolean).join('\n') : '', 2);
    form.wide(words.signOff, r.signOff ? format(formsTexts.signedOnPhone, { name: r.residentName ?? words.staffSigned, at: when(r.signOff.at) }) : '', 2);
    form.wide(words.callback, '', 2);
    form.note(words.footer);
    form.finish();
  });
});
