/**
 * The duty log's and handover's words (D1–D3). Its declaration (areas/duty.area.ts) names its notice words
 * and entries; its function reads `dutyTexts`; the whole catalogue loads `serverWords` by the area's name
 * (issue 15, 1).
 */
export const dutyErrors = {
  'DUTY.PAGE_NOT_FOUND': '没有找到这一班的值班记录',
  'DUTY.ENTRY_NOT_FOUND': '没有找到这条值班记录',
  'DUTY.ENTRY_TIME': '记录时间须在本班次之内，且不能晚于现在',
  'DUTY.PROPOSAL_NOT_FOUND': '这件事不在本班待确认的事项里，或已经记录过了',
  'DUTY.DAY_SIGNED': '这一天的值班记录主管已经签字，不能再修改',
  'DUTY.NOT_MAJOR': '只有重大事件需要填写紧急情况记录',
  'DUTY.PHOTO_NOT_YOURS': '照片须是您本人刚上传的',
  'DUTY.DAY_NOT_OVER': '这一天的最后一个班次还没有结束，暂不能签字',
  'DUTY.EMERGENCY_RECORD_MISSING': '当天有重大事件还没有附照片的紧急情况记录，补齐后才能签字',
  'DUTY.HANDOVER_NOT_DUE': '还没到交班时间（班次结束前一小时内才能交班）',
  'DUTY.HANDOVER_EVENT_UNFINISHED': '有重大或紧急事件尚未处理完毕，暂不能交班',
  'DUTY.HANDOVER_EQUIPMENT_CHANGING': '重要设备正在启动或停止，暂不能交班',
  'DUTY.HANDOVER_PREPARATION_INCOMPLETE': '交班准备事项还没有全部完成',
  'DUTY.HANDOVER_NO_INCOMING': '接班人员还没有签到，也没有指定替班人员，暂不能交班',
  'DUTY.HANDOVER_MATTER_MISSING': '每件未完结的重大事项都要写明起因、经过和结果后交接',
  'DUTY.SUBSTITUTE_NOT_FOUND': '没有找到这位替班的客服人员',
  'DUTY.HANDOVER_NOT_FOUND': '没有找到这份交接班记录',
  'DUTY.NOT_INCOMING': '只有接班人员本人可以签字接班',
} as const;

export const dutyNotices = {
  'duty.unsigned': '值班记录未签字',
  'duty.handoverLate': '交接班未按时完成',
} as const;

export const dutyTexts = {
  link: '值班交接',
  dayLink: '值班签字',
  steps: { dutyDays: '值班记录未签字提醒', handovers: '交接班超时提醒' },
  unsigned: '{date} 的值班记录尚未签字',
  handoverLate: '{date} {shift}的交接班在班次结束 {grace} 分钟后仍未完成',
  complaintCall: '{address} 来电投诉：{text}',
  moveIn: '{address} {name} 入住（房屋绑定已通过）',
  urgentRepair: '{address} 急修：{text}',
} as const;

/** Its refusals: loaded by the area's name in Node (messages/area-words.ts), never bundled into the client. */
export const serverWords = { refusals: dutyErrors, fields: {} } as const;
