import type { ComplaintLine, ComplaintLineKey } from '../domain/complaint-notice.rules';

/**
 * Issue 18 (3): what a resident reads about her complaint, one line per step: who handles it and by
 * when (C4, C7). `{who}` is the handler by role, `{when}` the deadline ("今天内", "后天10:00前", `dueWords`).
 * Each line fits a subscribe message's `thing` field (20 characters, `FIELD_LIMITS`) with the
 * longest deadline its step can have; a slip's department is cut to fit.
 */
export const complaintNoticeLines: Record<ComplaintLineKey, string> = {
  received: '{who}{when}确认由谁处理',
  grouped: '群体投诉，{who}{when}接手',
  general: '{who}{when}处理好',
  major: '重大投诉，{who}{when}接手',
  notOurs: '经核实不属物业责任，{who}会答复您',
  assist: '{who}{when}答复您',
  slip: '{department}处理，{when}办好',
  acknowledged: '{who}已接手您的投诉',
  upgraded: '{who}{when}接手您的投诉',
  replied: '已答复，{who}{when}回访您',
};

export const complaintNoticeWords = {
  who: { desk: '客服中心', manager: '管理处主任' } satisfies Record<ComplaintLine['who'], string>,
  /** A deadline already passed, or none set. */
  soon: '尽快',
  /** A complaint's thread, as the resident's inbox titles it. */
  title: '{category}投诉 · {room}',
};

export const dueWordsCatalogue = {
  days: ['今天', '明天', '后天'],
  monthDay: '{m}月{d}日',
  by: '{day}{time}前',
  /** A deadline at midnight: the whole of that day (issue 17, 3). */
  within: '{day}内',
};
