/** The one catalogue of user-facing text. Keys are stable; other languages get a file of the same shape. */
export const zhCN = {
  errors: {
    'COMMON.BAD_INPUT': '提交的内容不完整或格式不对，请检查后再试',
    'COMMON.UNKNOWN_ACTION': '暂不支持这个操作，请更新小程序后再试',
    'COMMON.NOT_A_MEMBER': '您还不是该小区的成员，请先绑定房屋或联系客服中心',
    'COMMON.FORBIDDEN': '您没有权限进行这个操作',
    'COMMON.NOT_FOUND': '没有找到相关记录',
    'COMMON.VERSION_CONFLICT': '记录已被他人更新，请刷新后再试',
    'COMMON.BUSY': '系统繁忙，请稍后再试',
    'COMMON.INTERNAL': '系统出了点问题，请稍后再试或拨打客服电话',
    'STATE.TRANSITION_NOT_ALLOWED': '当前状态下不能进行这个操作',
    'STATE.ROLE_NOT_ALLOWED': '您的岗位不能进行这个操作',
    'REPAIR.NOT_FOUND': '没有找到这张报修单',
    'REPAIR.ROOM_NOT_YOURS': '只能为您绑定的房屋报修',
    'REPAIR.PHOTO_NOT_YOURS': '照片必须是您本人上传的',
    'REPAIR.TECHNICIAN_NOT_FOUND': '没有找到这位维修师傅，或他已离岗',
    'REPAIR.RESIDENT_NOT_FOUND': '没有找到这位住户',
  },
  roles: {
    resident: '住户',
    desk: '客服接待员',
    supervisor: '客服主管',
    technician: '维修师傅',
    manager: '管理处主任',
  },
  repairStatus: {
    submitted: '待派单',
    dispatched: '已派单',
  },
  repairActions: {
    submit: '提交报修',
    dispatch: '派单',
    reassign: '改派',
  },
  channels: {
    miniprogram: '小程序',
    phone: '电话',
    walk_in: '来访',
  },
  categories: {
    elevator: '电梯',
    water: '给排水',
    electrical: '电路',
    door_window: '门窗',
    structure: '墙体/楼板',
    railing: '扶手/栏杆',
    gas_appliance: '燃气/电器',
    public_area: '公共区域',
    other: '其他',
  },
  triageRules: {
    'R3.1': '电梯失控或有人被困',
    'R3.2': '结构损坏，存在危险',
    'R3.3': '室内电路故障导致停电或漏电',
    'R3.4': '水泵故障、水表内爆管停水，或水龙头严重漏水',
    'R3.5': '楼板、楼梯踏步破损，阳台或楼梯扶手、栏杆松动断裂',
    'R3.6': '钢门窗、玻璃或外墙即将坠落（含外墙渗水）',
    'R3.7': '其他危险情况',
  },
  priority: {
    urgent: '急修',
    normal: '一般',
  },
  notices: {
    'repair.new': '新报修',
    'repair.dispatched': '已派单',
    'deadline.warn': '即将超时',
    'deadline.breach': '已超时',
  },
  suggestions: {
    skillMatch: '技能对口',
    skillMismatch: '技能不对口',
    openOrders: '手上 {n} 单',
  },
  deadlineRules: {
    'R4.ack': '维修师傅需及时接单（R4）',
  },
} as const;

export type Catalogue = typeof zhCN;
export type ErrorCode = keyof Catalogue['errors'];
