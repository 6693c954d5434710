import type { ComplaintChannel, ReplyForm } from '../model/complaint.model';

/**
 * C5: the reply takes the complaint's own form: a walk-in gets a visit, a call a call, a letter or an
 * e-mail a letter. A complaint from the mini-program (or a group of them) may be answered in any form.
 */
export const expectedReplyForm = (channel: ComplaintChannel | null): ReplyForm | null => {
  switch (channel) {
    case 'walk_in':
      return 'visit';
    case 'phone':
      return 'phone';
    case 'letter':
    case 'email':
      return 'letter';
    default:
      return null;
  }
};

export const replyFormFits = (channel: ComplaintChannel | null, form: ReplyForm): boolean => {
  const expected = expectedReplyForm(channel);
  return expected === null || expected === form;
};
