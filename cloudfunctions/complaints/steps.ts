import type * as c from '@shared/contracts/complaints.contract';
import { checkClassification, majorFacts, majorReasons, urgencyOf, type MajorFacts } from '@shared/domain/complaint-class.rules';
import { classifyDeadline, handlingDeadline, upgradeAtOf } from '@shared/domain/complaint-deadline.rules';
import { replyFormFits } from '@shared/domain/complaint-reply.rules';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { staffNoticeTexts } from '@shared/messages/staff-notices.zh-CN';
import type { Classification } from '@shared/model/complaint.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import { openDeadlineAfter } from '../_shared/deadlines';
import { cancelClockAfter, subjectOf } from './clocks';
import { planComplaintCallback } from './follow-up';
import { freeMatterInTx, matterIdOf, readMatterInTx } from './complaints.repo';
import { complaintNotices, majorAudience } from './notices';
import { residentComplaintNotice } from './resident-notice';
import type { ComplaintStep } from '@shared/domain/complaint-notice.rules';
import { caseStep, isGroup, type Case } from './on-case';
import { settleGroup } from './settle';

const factsOf = (k: Case, input: { governmentOrMedia: boolean; injuryOrLoss: boolean }): MajorFacts =>
  majorFacts({ repeatOf: isGroup(k) ? null : k.repeatOf, grouped: isGroup(k), recorded: k.classification?.reasons ?? [] }, input);

const isMajor = (k: Case) => k.classification?.severity === 'major' || (isGroup(k) && k.classification === null);

/** The desk hears of every step in its own words; the resident of a household's complaint hears who handles it and by when. */
const progress = (k: Case, step: ComplaintStep, body: string, hasGroup: boolean) => [
  ...complaintNotices(k, 'complaint.changed', body, { inbox: [audienceOfRole('desk')], group: false }, hasGroup),
  ...(isGroup(k) ? [] : [residentComplaintNotice(step, k, k, new Date(k.updatedAt))]),
];

const hasGroupRobot = (s: SettingsDoc) => s.wecomWebhook !== null;

const describe = (cl: Classification) =>
  [messages.complaintClasses[cl.class], cl.severity ? messages.severities[cl.severity] : '', cl.jurisdiction ? messages.jurisdictions[cl.jurisdiction] : '']
    .filter(Boolean)
    .join(' · ');

/**
 * C2 C3 C4: the desk classifies. Major criteria the system knows (a repeat, a group, a month
 * unresolved) or the desk declares (government or media, injury or loss) make a responsible
 * complaint major; the classification meets the same-day identification clock and starts the
 * class's own time limit; a complaint that becomes major reaches the manager at once.
 */
export const classify = caseStep<typeof c.classify>({
  action: 'classify',
  check: (input, k) => {
    if (!isGroup(k) && !k.apology && !input.apologised) return 'COMPLAINT.APOLOGY_REQUIRED';
    return checkClassification(input, factsOf(k, input));
  },
  reason: (input) => input.note || undefined,
  patch: async ({ input, ctx, c: k, tx, at, settings, after }) => {
    const facts = factsOf(k, input);
    const classification: Classification = {
      class: input.class,
      severity: input.severity,
      jurisdiction: input.jurisdiction,
      reasons: input.severity === 'major' ? majorReasons(facts) : [],
      note: input.note,
      by: ctx.member.name,
      role: ctx.member.role,
      at,
    };
    const receivedAt = new Date(k.createdAt);
    const residentDeadline = !isGroup(k) && k.residentDeadline ? new Date(k.residentDeadline) : null;
    const plan = handlingDeadline(classification, { since: receivedAt, residentDeadline }, ctx.now, settings);
    let clock: Pick<Case, 'dueRule' | 'dueAt' | 'dueMetAt'> = { dueRule: k.dueRule, dueAt: k.dueAt, dueMetAt: k.dueMetAt };
    // Issue 16: the clocks' changes land after the commit, ordered by the case's version (deadlines.ts `journaledMove`);
    // a class's clock is most likely one the case never ran.
    if (!plan) {
      if (k.dueRule !== 'C4.classify') cancelClockAfter(tx, k, ctx.now, after);
      clock = { dueRule: 'C4.classify', dueAt: classifyDeadline(receivedAt, ctx.now, settings).dueAt.toISOString(), dueMetAt: at };
    } else if (plan.rule !== k.dueRule) {
      if (k.dueRule !== 'C4.classify') cancelClockAfter(tx, k, ctx.now, after);
      await openDeadlineAfter(tx, subjectOf(k), plan, ctx.now, { ...after, insertFirst: true });
      clock = { dueRule: plan.rule, dueAt: plan.dueAt.toISOString(), dueMetAt: null };
    }
    const vip = !isGroup(k) && k.vip;
    return {
      classification,
      governmentOrMedia: input.governmentOrMedia,
      injuryOrLoss: input.injuryOrLoss,
      urgency: urgencyOf(vip, input.severity),
      upgradeAt: input.class === 'responsible' && input.severity === 'general' ? upgradeAtOf(receivedAt).toISOString() : null,
      ...clock,
      ...(!isGroup(k) && !k.apology && input.apologised ? { apology: { by: ctx.member.name, at } } : {}),
    };
  },
  tell: (after, before, settings) => {
    const text = after.classification ? describe(after.classification) : '';
    if (after.classification?.severity === 'major' && !isMajor(before)) {
      // C4: the manager is told what happened and who is on it, not only the class.
      const told = isGroup(after) ? text : format(staffNoticeTexts.majorTold, { what: after.description, class: text, by: after.classification.by });
      return [...complaintNotices(after, 'complaint.major', told, majorAudience(), hasGroupRobot(settings)), ...progress(after, 'classify', text, false)];
    }
    return progress(after, 'classify', text, false);
  },
});

/** C1: what cannot be settled on the spot goes on a handling slip to the department and person responsible. */
export const issueSlip = caseStep<typeof c.issueSlip>({
  action: 'issueSlip',
  reason: (input) => `${input.department} · ${input.assignee}`,
  patch: async ({ input, ctx, at }) => ({ slip: { department: input.department, assignee: input.assignee, instructions: input.instructions, by: ctx.member.name, at } }),
  tell: (after) => progress(after, 'issueSlip', `${after.slip?.department ?? ''} · ${after.slip?.assignee ?? ''}`, false),
});

/** C4: the manager takes up a major or group complaint: the same-day clock is met. */
export const acknowledge = caseStep<typeof c.acknowledge>({
  action: 'acknowledge',
  patch: async ({ ctx, c: k, at }) => ({ managerAck: { by: ctx.member.name, at }, ...(k.dueRule === 'C4.major' && !k.dueMetAt ? { dueMetAt: at } : {}) }),
  tell: (after) => progress(after, 'acknowledge', messages.complaintActions.acknowledge, false),
});

/**
 * C5 C7: the reply, in the complaint's own form, resolves it and plans its callback within 2 days.
 * A group's reply resolves the group, frees its matter for new complaints, and is then carried to
 * every household's complaint.
 */
export const reply = caseStep<typeof c.reply>({
  action: 'reply',
  check: (input, k) => (!isGroup(k) && !replyFormFits(k.channel, input.form) ? 'COMPLAINT.REPLY_FORM' : null),
  reason: (input) => messages.replyForms[input.form],
  patch: async ({ input, ctx, c: k, tx, at, settings }) => {
    if (isGroup(k)) {
      const matterId = matterIdOf(k.propertyId, k.matterKey);
      const matter = await readMatterInTx(tx, matterId);
      // The group answered every complaint in the window: later ones start a new count.
      if (matter.openGroupId === k._id) await freeMatterInTx(tx, matter);
    } else {
      await planComplaintCallback(tx, k, k.classification?.severity ?? null, { actor: ctx.member.openid, role: ctx.member.role, now: ctx.now }, settings, input.commandId);
    }
    return {
      reply: { form: input.form, content: input.content, by: ctx.member.name, at },
      resolvedAt: at,
      upgradeAt: null,
      dueMetAt: k.dueMetAt ?? (k.dueRule ? at : null),
    };
  },
  tell: (after) => progress(after, 'reply', after.reply?.content ?? '', false),
  afterCommit: async (after, ctx, settings) => {
    if (isGroup(after)) await settleGroup(ctx.deps, after._id, { actor: ctx.member.openid, role: ctx.member.role }, { group: after, settings });
  },
});
