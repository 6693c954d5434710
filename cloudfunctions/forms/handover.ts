import type { formsActions } from '@shared/contracts/forms.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import { formsTexts } from '@shared/messages/forms.zh-CN';
import { inShanghai } from '@shared/time/shanghai';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { findHandover, findPage } from '../duty/exports';
import { formSheet, when } from './layout';
import { printed, propertyName } from './printed';

const words = formsTexts.handover;
const hhmm = (at: string) => inShanghai(at).format('HH:mm');

/** What the form is made from needs only the input: read with the caller's membership (issue 16). */
const handoverReads = (input: z.infer<(typeof formsActions)['handover']['input']>, deps: Deps) => Promise.all([findHandover(deps.db, input.handoverId), findPage(deps.db, input.handoverId), propertyName(deps, input.propertyId)]);

/**
 * 交接班记录 (D3, the seed's 交接班制度: every major matter handed over with its cause, process and
 * result; instructions from above; the preparation; both sign): authorised as the duty pages are.
 * No phone numbers.
 */
export const handover: Handler<(typeof formsActions)['handover']> = withPrefetch<(typeof formsActions)['handover'], Awaited<ReturnType<typeof handoverReads>>>(handoverReads, async (input, { deps, member, now }, [h, page, property]) => {
  if (!h || h.propertyId !== member.propertyId) return failure('DUTY.HANDOVER_NOT_FOUND');
  const shiftName = page?.shiftName ?? '';
  const fileName = format(words.file, { property, date: h.date, shift: shiftName });
  const incoming = h.incoming.substitute ? format(words.substitute, { name: h.incoming.name }) : h.incoming.name;
  return printed(deps, h.propertyId, fileName, input.deliver, (book) => {
    const shift = page ? format(words.shift, { date: h.date, name: page.shiftName, from: hhmm(page.startsAt), to: hhmm(page.endsAt) }) : h.date;
    const form = formSheet(book, { name: words.sheet, title: format(words.title, { property }), lines: [shift], widths: [14, 26, 14, 26], madeAt: now });
    form.pairs(words.outgoing, h.outgoing.name, words.outgoingAt, when(h.outgoing.at));
    form.pairs(words.incoming, incoming, words.incomingAt, when(h.incoming.at));
    form.pairs(words.dueAt, when(h.dueAt), words.onTime, h.late ? words.late : words.inTime);
    form.header([words.matters, words.cause, words.process, words.result]);
    if (!h.matters.length) form.wide('', words.noMatters);
    h.matters.forEach((m, i) => form.row([String(i + 1), m.cause, m.process, m.result]));
    form.wide(words.instructions, h.instructions || formsTexts.none, 3);
    form.wide(words.preparation, h.preparation.map((p) => format(p.done ? words.done : words.notDone, { item: p.item })).join('\n'));
    const signed = (name: string, at: string | null) => (at ? format(formsTexts.signedOnPhone, { name, at: when(at) }) : `${name}${formsTexts.signHere}`);
    form.note(format(words.footer, { outgoing: signed(h.outgoing.name, h.outgoing.at), incoming: signed(incoming, h.incoming.at) }));
    form.finish();
  });
});
