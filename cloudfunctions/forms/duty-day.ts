import type { formsActions } from '@shared/contracts/forms.contract';
import { format } from '@shared/messages/format';
import { formsTexts } from '@shared/messages/forms.zh-CN';
import type { DutyEntry, DutyPageDoc } from '@shared/model/duty.model';
import { inShanghai } from '@shared/time/shanghai';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { findDay, pagesOfDay } from '../duty/exports';
import { formSheet, type Form } from './layout';
import { printed, propertyName } from './printed';

const words = formsTexts.dutyDay;
const hhmm = (at: string) => inShanghai(at).format('HH:mm');

const entryRow = (e: DutyEntry) => [
  hhmm(e.at),
  `${words.kinds[e.kind]}${e.major ? words.major : ''}`,
  e.what,
  e.handling,
  [e.followUp, e.emergency ? words.emergency : ''].filter(Boolean).join('\n'),
  e.result,
  e.recorder,
];

/** One shift's page: its heading with who was on duty, then its entries in the order they happened. */
const shiftOf = (form: Form, page: DutyPageDoc) => {
  const people = page.signedIn.map((p) => p.name).join('、') || words.nobody;
  form.band(format(words.shift, { name: page.shiftName, from: hhmm(page.startsAt), to: hhmm(page.endsAt), people }));
  const entries = [...page.entries].sort((a, b) => a.at.localeCompare(b.at));
  if (!entries.length) form.band(words.empty);
  for (const e of entries) form.row(entryRow(e));
};

/** What the form is made from needs only the input: read with the caller's membership (issue 16). */
const dutyDayReads = (input: z.infer<(typeof formsActions)['dutyDay']['input']>, deps: Deps) => Promise.all([pagesOfDay(deps.db, input.propertyId, input.date), findDay(deps.db, input.propertyId, input.date), propertyName(deps, input.propertyId)]);

/**
 * 值班日志 (D1 D2, the seed's 《客服部值班日志》: date, time, what happened, how it was handled, the
 * aftermath; signed each day by the customer-service manager): every shift's page of the date, and the
 * signature, landscape for its seven columns. Authorised as the duty day is. No phone numbers.
 */
export const dutyDay: Handler<(typeof formsActions)['dutyDay']> = withPrefetch<(typeof formsActions)['dutyDay'], Awaited<ReturnType<typeof dutyDayReads>>>(dutyDayReads, async (input, { deps, member, now }, [pages, day, property]) => {
  const propertyId = member.propertyId;
  const fileName = format(words.file, { property, date: input.date });
  return printed(deps, propertyId, fileName, input.deliver, (book) => {
    const form = formSheet(book, {
      name: words.sheet,
      title: format(words.title, { property }),
      lines: [format(words.date, { date: input.date })],
      widths: [8, 12, 30, 26, 22, 16, 10],
      landscape: true,
      madeAt: now,
    });
    const header = form.header([...words.columns]);
    for (const page of [...pages].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) shiftOf(form, page);
    const signed = day?.signedBy;
    form.note(signed ? format(words.signed, { name: signed.name, at: inShanghai(signed.at).format('YYYY-MM-DD HH:mm') }) : words.unsigned);
    if (day?.remarks) form.note(format(words.remarks, { remarks: day.remarks }));
    form.finish(`${header}:${header}`);
  });
});
