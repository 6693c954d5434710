import type { formsActions } from '@shared/contracts/forms.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { formsTexts } from '@shared/messages/forms.zh-CN';
import { maskPhone } from '@shared/domain/phone';
import { placeLabel } from '@shared/messages/place-label';
import { roomLabel } from '@shared/model/property.model';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { textForOthers } from '../_shared/screened';
import { canSeeCase, isGroup, loadCase } from '../complaints/exports';
import { formSheet, when } from './layout';
import { printed, propertyName } from './printed';

const words = formsTexts.complaintSlip;
const { none } = formsTexts;

/** What the form is made from needs only the input: read with the caller's membership (issue 16). */
const complaintSlipReads = (input: z.infer<(typeof formsActions)['complaintSlip']['input']>, deps: Deps) => Promise.all([loadCase(deps.db, input.ref), propertyName(deps, input.propertyId)]);

/**
 * 投诉处理回单 (C1 C5): the complaint as registered, the slip the desk issued to the department that
 * handles it, the time limit and the reply; a group's slip names its households' count and the place.
 * Authorised as the complaint detail is for staff. The number is masked: the slip travels to the
 * handling department, and the reply to the resident is the desk's (C5), made from the screen. What
 * the content checks hold is not printed.
 */
export const complaintSlip: Handler<(typeof formsActions)['complaintSlip']> = withPrefetch<(typeof formsActions)['complaintSlip'], Awaited<ReturnType<typeof complaintSlipReads>>>(complaintSlipReads, async (input, ctx, [c, property]) => {
  const { deps, now } = ctx;
  if (!c || !canSeeCase(ctx, c)) return failure('COMPLAINT.NOT_FOUND');
  const group = isGroup(c) ? c : null;
  const one = isGroup(c) ? null : c;
  const where = one ? roomLabel(one.address) : placeLabel(c.place);
  const fileName = format(words.file, { property, room: where, date: c.registerDate });
  const cls = c.classification;
  const nature = cls ? [messages.complaintClasses[cls.class], cls.severity ? messages.severities[cls.severity] : ''].filter(Boolean).join(' · ') : words.unclassified;
  return printed(deps, c.propertyId, fileName, input.deliver, (book) => {
    const form = formSheet(book, { name: words.sheet, title: format(words.title, { property }), lines: [], widths: [14, 26, 14, 26], madeAt: now });
    if (one) {
      form.pairs(words.resident, one.residentName, words.phone, maskPhone(one.phone));
      form.pairs(words.room, where, words.channel, messages.complaintChannels[one.channel]);
      form.pairs(words.receivedAt, when(one.callRecord?.receivedAt ?? one.createdAt), words.occurredAt, when(one.occurredAt));
      form.pairs(words.category, messages.complaintCategories[one.category], words.target, one.target || none);
      form.wide(words.description, textForOthers(one.description, one.screening.text), 4);
      form.wide(words.request, one.request || none, 2);
    } else if (group) {
      form.pairs(words.resident, format(words.group, { n: group.memberIds.length }), words.room, where);
      form.pairs(words.receivedAt, when(group.createdAt), words.category, messages.complaintCategories[group.category]);
    }
    form.pairs(words.nature, nature, words.urgency, messages.urgency[c.urgency]);
    form.pairs(words.department, c.slip?.department ?? '', words.assignee, c.slip?.assignee ?? '');
    form.wide(words.instructions, c.slip?.instructions ?? '', 3);
    form.pairs(words.issuedBy, c.slip?.by ?? '', words.issuedAt, c.slip ? when(c.slip.at) : '');
    form.pairs(words.dueAt, when(c.dueAt), words.resolvedAt, c.resolvedAt ? when(c.resolvedAt) : '');
    form.pairs(words.replyForm, c.reply ? messages.replyForms[c.reply.form] : '', words.replyBy, c.reply?.by ?? '');
    form.wide(words.reply, c.reply?.content ?? '', 4);
    form.note(words.footer);
    form.finish();
  });
});
