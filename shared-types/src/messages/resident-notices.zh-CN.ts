import type { ResidentLineKey } from '../domain/resident-notice.rules';

/**
 * Issue 18 (3): what a resident reads about her repair, one line per step: who, and when she hears
 * or sees them next. `{who}` is "李建国师傅" (or "师傅" when nobody holds the order). Each line fits a
 * subscribe message's `thing` field (20 characters) with a name of up to four characters, so the
 * push says what the inbox says.
 */
export const residentNoticeLines: Record<ResidentLineKey, string> = {
  dispatched: '已安排{who}，{within}内联系您',
  reassigned: '已改由{who}维修，{within}内联系您',
  acknowledged: '{who}已接单，预计{within}内联系您',
  acknowledgedForWindow: '{who}已接单，{comes}上门',
  arrived: '{who}{time}已到场',
  noAnswer: '{who}上门时无人，客服将联系改约',
  rescheduled: '已改约，{who}将按新时间上门',
  quoted: '{who}报价{amount}元，请确认',
  started: '已确认报价，{who}开始维修',
  completed: '{who}已完工，费用{amount}元',
  signed: '维修已完成，请为{who}评价',
  blocked: '{who}暂时无法维修，客服会跟进',
  unblocked: '{who}将继续维修',
  sentBack: '{who}退回了工单，客服会重新安排',
  redispatching: '客服将为您重新派单',
  continuing: '{who}将继续为您维修',
  priorityChanged: '客服已将报修调整为{priority}',
};

export const residentNoticeWords = {
  who: '{name}师傅',
  nobody: '师傅',
  minutes: '{n}分钟',
  hours: '{n}小时',
  today: '今天{when}',
  tomorrow: '明天{when}',
  /** A repair's thread, as the resident's inbox titles it. */
  title: '{category}报修 · {room}',
};
