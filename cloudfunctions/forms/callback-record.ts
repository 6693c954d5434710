import type { formsActions } from '@shared/contracts/forms.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import { formsTexts } from '@shared/messages/forms.zh-CN';
import { maskPhone } from '@shared/domain/phone';
import { shanghaiDate } from '@shared/time/shanghai';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { formSheet, when } from './layout';
import { printed, propertyName } from './printed';
import { findCallback } from '../_shared/callbacks';

const words = formsTexts.callbackRecord;
const { none } = formsTexts;

/** What the form is made from needs only the input: read with the caller's membership (issue 16). */
const callbackRecordReads = (input: z.infer<(typeof formsActions)['callbackRecord']['input']>, deps: Deps) => Promise.all([findCallback(deps.db, input.callbackId), propertyName(deps, input.propertyId)]);

/**
 * 回访记录表 (B1 B2, the seed's 《回访记录表》, bound by month and archived): who was called, why,
 * how and when, whether they were reached and satisfied, what they said. Authorised as the callback
 * queue is. The number is masked: the call is made from the queue's button, and the printed record
 * goes into the month's binder, which needs no number to reach anyone.
 */
export const callbackRecord: Handler<(typeof formsActions)['callbackRecord']> = withPrefetch<(typeof formsActions)['callbackRecord'], Awaited<ReturnType<typeof callbackRecordReads>>>(callbackRecordReads, async (input, { deps, member, now }, [task, property]) => {
  if (!task || task.propertyId !== member.propertyId) return failure('CALLBACK.NOT_FOUND');
  const done = task.outcome;
  const fileName = format(words.file, { property, room: task.address, date: shanghaiDate(new Date(done?.at ?? task.dueAt)) });
  const satisfied = done?.satisfied === null || done?.satisfied === undefined ? none : done.satisfied ? words.satisfaction.yes : words.satisfaction.no;
  return printed(deps, task.propertyId, fileName, input.deliver, (book) => {
    const form = formSheet(book, { name: words.sheet, title: format(words.title, { property }), lines: [], widths: [14, 26, 14, 26], madeAt: now });
    form.pairs(words.kind, words.kinds[task.kind], words.reason, words.reasons[task.reason]);
    form.pairs(words.resident, task.residentName, words.phone, maskPhone(task.phone));
    form.pairs(words.room, task.address, words.dueAt, when(task.dueAt));
    form.pairs(words.method, done ? words.methods[done.method] : '', words.at, done ? when(done.at) : '');
    form.pairs(words.reached, done ? (done.reached ? formsTexts.yes : formsTexts.no) : '', words.satisfied, done ? satisfied : '');
    form.wide(words.notes, done?.notes ?? '', 6);
    form.pairs(words.by, done?.by ?? '', words.assignee, words.assignees[task.assignee]);
    form.note(words.footer);
    form.finish();
  });
});
