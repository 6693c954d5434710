export const receptionLinks = {
  repair: '报修（已派单处理）',
  complaint: '投诉（按投诉流程处理）',
} as const;

export const receptionTexts = {
  unsettled: '{name}（{address}）：{subject}，约定 {when} 前答复',
  arriving: '{names} 等 {n} 人 {when} 到达：{itinerary}',
} as const;

export const bookingTexts = {
  reminder: '{when} 请到客服中心办理：{topic}',
  repairReminder: '{when} 维修师傅将上门：{topic}',
  homeReminder: '{when} 客服人员将上门回访，请您在家',
  window: '{address} 预约 {when} 上门：{topic}',
  homeTopic: '上门回访',
  homeDue: '住户预约了上门回访：{address}，{when}',
} as const;

export const callbackTexts = {
  planned: '新增 {n} 条回访任务，请在回访队列中查看',
  complaintDue: '投诉已答复，请在 2 天内回访：{address}',
} as const;

export const healthTexts = {
  timerMissed: '自 {since} 起定时提醒服务没有运行，超时提醒和通知重发可能延误，请检查云函数 reminders 和 reminders-areas 的定时触发器',
  smokeRobotTitle: '部署检查',
  smokeRobot: '这条消息来自部署后的检查（npm run smoke），说明本群的机器人可以收到物业客服系统的通知。',
  smokeSubscribe: '订阅消息可以送达',
} as const;

export const complaintTexts = {
  registerUnsigned: '{date} 的投诉登记表尚未签字',
  groupRaised: '{n}户同时投诉：{text}',
  groupJoined: '{address} 也投诉了此事',
  households: '{n}户',
} as const;

/** Issue 18 (5): who reported a repair, where nobody did (a staff member's round, an anonymous caller). */
export const reporterWords = { none: '无报修人（巡查发现）' } as const;

export const memberActions = {
  bootstrap: '初始化为管理处主任',
  replaced: '由新任管理处主任接替',
  join: '凭邀请加入',
  setRole: '调整岗位',
  setSkills: '设置技能',
  deactivate: '停用',
  request: '申请绑定房屋',
  approve: '审核通过',
  reject: '驳回',
  revealPhone: '查看完整电话',
  inviteToRoom: '邀请家属或租户',
  joinRoom: '凭业主邀请绑定房屋',
  cancelRoomInvitation: '撤销邀请码',
} as const;

export const memberTexts = {
  erasureRequested: '{name} 申请删除其个人信息（个人信息保护法），请核对后处理',
  bindingApproved: '{address} 已绑定到您的账号，现在可以报修和投诉了',
  bindingRejected: '{address} 的绑定申请未通过：{reason}',
  workReturned: '{name} 已离岗或调岗，工单退回客服重新派单',
  bindingRequested: '{name}（{relation}）申请绑定 {address}',
  bindingInvited: '{name}（{relation}）凭业主{owner}的邀请申请绑定 {address}',
  bindingJoined: '{name}（{relation}，{phone}）已加入 {address}',
} as const;

/**
 * Words only the functions write: notice lines, robot messages, reception and booking texts, history
 * entries. No page looks them up, so the client does not carry them; the catalogue (`@shared/messages`)
 * joins them to the words pages show (issue 16: the weapp main package).
 */
export const functionWords = {
  receptionLinks,
  receptionTexts,
  bookingTexts,
  callbackTexts,
  healthTexts,
  complaintTexts,
  reporterWords,
  memberActions,
  memberTexts,
} as const;
