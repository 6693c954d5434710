import { areaNoticeWords } from '../areas';
import { complaintSteps, importSteps } from './timer-steps.zh-CN';

export { complaintSteps, importSteps };

export const roles = {
  resident: '住户',
  desk: '客服接待员',
  supervisor: '客服主管',
  technician: '维修师傅',
  manager: '管理处主任',
  admin: '公司管理员',
} as const;

export const repairStatus = {
  submitted: '待派单',
  dispatched: '已派单',
  acknowledged: '师傅已接单',
  arrived: '师傅已到场',
  rescheduling: '待改约',
  quoted: '待确认报价',
  in_progress: '维修中',
  completed: '待签字确认',
  signed: '已完成',
  sent_back: '退单待审批',
} as const;

export const repairActions = {
  submit: '提交报修',
  dispatch: '派单',
  reassign: '改派',
  overridePriority: '调整紧急程度',
  acknowledge: '接单',
  arrive: '到场',
  noAnswer: '无人在家，已留言',
  reschedule: '改约',
  quote: '报价',
  accept: '确认报价',
  complete: '完工',
  signOff: '签字确认',
  rate: '评价',
  reportBlocker: '报告无法维修的原因',
  clearBlocker: '障碍已排除',
  sendBack: '退单',
  approveSendBack: '同意退单',
  rejectSendBack: '驳回退单',
  unassign: '师傅离岗，退回待派单',
  contentFlagged: '内容检测拦截',
  releaseContent: '客服放行内容',
  redactContent: '客服隐藏内容',
} as const;

export const channels = {
  miniprogram: '小程序',
  phone: '电话',
  walk_in: '来访',
} as const;

export const categories = {
  elevator: '电梯',
  water: '给排水',
  electrical: '电路',
  door_window: '门窗',
  structure: '墙体/楼板',
  railing: '扶手/栏杆',
  gas_appliance: '燃气/电器',
  public_area: '公共区域',
  other: '其他',
} as const;

export const triageRules = {
  'R3.1': '电梯失控或有人被困',
  'R3.2': '结构损坏，存在危险',
  'R3.3': '室内电路故障导致停电或漏电',
  'R3.4': '水泵故障、水表内爆管停水，或水龙头严重漏水',
  'R3.5': '楼板、楼梯踏步破损，阳台或楼梯扶手、栏杆松动断裂',
  'R3.6': '钢门窗、玻璃或外墙即将坠落（含外墙渗水）',
  'R3.7': '其他危险情况',
} as const;

export const priority = {
  urgent: '急修',
  normal: '一般',
} as const;

/** The notice kinds' words: the platform's and the older areas' here, then those the registry's areas declare. */
const ownNotices = {
  'repair.new': '新报修',
  'repair.dispatched': '已派单',
  'repair.changed': '报修单有新进展',
  'deadline.warn': '即将超时',
  'deadline.breach': '已超时',
  'complaint.new': '新投诉',
  'complaint.major': '重大投诉，请当日处理',
  'complaint.group': '群体投诉',
  'complaint.changed': '投诉有新进展',
  'register.unsigned': '投诉登记表未签字',
  'binding.new': '新的房屋绑定申请',
  'privacy.erasure': '个人信息删除申请',
  'timer.missed': '提醒服务未按时运行',
  'callback.due': '有待回访的住户',
  'booking.reminder': '预约提醒',
  'booking.window': '住户预约了上门时段',
  'reception.unsettled': '来访/来电事项待处理',
  'group.arriving': '团体参观30分钟后到达',
  'binding.approved': '房屋绑定已通过',
  'binding.rejected': '房屋绑定未通过',
  'binding.joined': '您邀请的人已加入',
} as const;

export const notices = { ...ownNotices, ...areaNoticeWords };

/** R4: why a technician is suggested, from the facts the suggestion was ranked by. */
export const suggestions = {
  skillMatch: '技能对口',
  skillMismatch: '技能不对口',
  openOrders: '手上 {n} 单',
  rating: '评分 {score}',
  unrated: '暂无评价',
} as const;


export const complaintStatus = {
  received: '待定性',
  handling: '处理中',
  grouped: '已并入群体投诉',
  resolved: '已答复',
} as const;

export const complaintActions = {
  file: '提交投诉',
  raise: '形成群体投诉',
  classify: '定性',
  issueSlip: '开具处理回单',
  acknowledge: '管理处主任已接手',
  reply: '答复',
  join: '并入群体投诉',
  resolveWithGroup: '随群体投诉答复',
  rate: '评价',
  upgrade: '超过一个月未解决，升级为重大投诉',
  contentFlagged: '内容检测拦截',
  releaseContent: '客服放行内容',
  redactContent: '客服隐藏内容',
} as const;

export const complaintCategories = {
  service: '服务态度',
  repair_quality: '维修质量',
  cleaning: '环境卫生',
  security: '安全秩序',
  noise: '噪音扰民',
  elevator: '电梯',
  parking: '停车',
  facilities: '公共设施',
  fees: '收费',
  other: '其他',
} as const;

export const placeWords = {
  building: '{building}栋',
  floor: '{n}层',
  basement: '地下{n}层',
} as const;

export const publicAreas = {
  gate: '小区大门',
  garden: '绿化/花园',
  parking: '停车场',
  clubhouse: '会所',
  road: '小区道路',
  other: '其他公共区域',
} as const;

export const complaintChannels = {
  miniprogram: '小程序',
  phone: '来电',
  walk_in: '来访',
  letter: '来信',
  email: '邮件',
} as const;

export const complaintClasses = {
  responsible: '有责投诉',
  non_responsible: '无责投诉',
  assistance: '协助处理',
} as const;

export const severities = { major: '重大', general: '一般' } as const;

export const jurisdictions = { inside: '辖区内', outside: '辖区外' } as const;

export const replyForms = { visit: '上门答复', letter: '书面答复', phone: '电话答复' } as const;

export const urgency = { top: '特急', normal: '普通' } as const;

export const proposalBasis = {
  repeat_unresolved: '同一事项重复投诉且未解决',
  unresolved_month: '有责投诉超过一个月未解决',
  group: '5户及以上同时投诉同一事项（群体投诉）',
  government_media: '政府部门介入或媒体曝光',
  injury_loss: '造成重大经济损失或人身伤害',
  within_duties: '属于物业服务范围',
  between_neighbours: '邻里之间的问题，物业协助协调',
  outside_scope: '可能超出物业服务范围，需协助处理',
} as const;

export const deadlineRules = {
  'C4.classify': '投诉需当日定性',
  'C4.major': '重大/群体投诉需当日上报管理处主任',
  'C4.general': '一般投诉需2天内（或住户要求的时间前）解决',
  'C4.assist_inside': '辖区内协助处理需当日答复',
  'C4.assist_outside': '辖区外协助处理需3天内答复',
  'R4.ack': '维修师傅需及时接单',
  'R9.return': '维修单需在派单后3天内回单',
  'B1.callback': '回访需在到期前完成并记录结果',
} as const;

export const relations = { owner: '业主', family: '家属', tenant: '租户' } as const;

export const bindingStatus = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;

export const memberStatus = { active: '在职', inactive: '已停用' } as const;

/** Issue 13 (1.9): what WeChat's content checks said, in words for the desk. */
export const screening = {
  verdicts: {
    exempt: '无需检测',
    unchecked: '未能检测，系统稍后自动重试',
    pending: '检测中',
    pass: '检测通过',
    review: '疑似违规，待人工审核',
    risky: '检测为违规内容',
  },
  /** The checks' `label` values (msgSecCheck and mediaCheckAsync use the same ones). */
  labels: {
    100: '正常',
    10001: '广告',
    20001: '时政',
    20002: '色情',
    20003: '辱骂',
    20006: '违法犯罪',
    20008: '欺诈',
    20012: '低俗',
    20013: '版权',
    21000: '其他',
  } as Readonly<Record<number, string>>,
  decisions: { release: '已放行', redact: '已隐藏' },
  held: '（内容待客服审核）',
  redacted: '（内容已由客服隐藏）',
  text: '文字内容',
  photo: '第 {n} 张照片',
  flagged: '{item}：{verdict}（{label}）',
} as const;

/**
 * The words pages show: roles, statuses, categories, notices, each area's texts. Keys are stable; other
 * languages get a file of the same shape. Refusals (refusals.zh-CN.ts), field labels (labels.zh-CN.ts) and
 * the words only the functions write (function-words.zh-CN.ts) join it in the whole catalogue
 * (`@shared/messages`), which the functions answer with.
 */
export const zhCN = {
  roles,
  repairStatus,
  repairActions,
  channels,
  categories,
  triageRules,
  priority,
  notices,
  suggestions,
  complaintSteps,
  importSteps,
  complaintStatus,
  complaintActions,
  complaintCategories,
  placeWords,
  publicAreas,
  complaintChannels,
  complaintClasses,
  severities,
  jurisdictions,
  replyForms,
  urgency,
  proposalBasis,
  deadlineRules,
  relations,
  bindingStatus,
  memberStatus,
  screening,
} as const;
