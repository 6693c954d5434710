/**
 * The resident files' words (P1). Its declaration (areas/files.area.ts) names its notice words and entries;
 * its function reads `filesTexts`; the whole catalogue loads `serverWords` by the area's name (issue 15, 1).
 */
export const filesErrors = {
  'FILE.ROOM_NOT_FOUND': '没有找到这个房号，请按“楼栋-单元-房号”填写，如 3-2-1502',
  'FILE.GRANT_NOT_FOUND': '没有找到这条查阅申请',
  'FILE.PERMISSION_REQUIRED': '查阅住户档案需要主管批准，请先提交查阅申请并写明原因',
  'FILE.PERMISSION_EXPIRED': '查阅许可已到期，如需继续查阅请重新申请',
  'FILE.PERMISSION_REVOKED': '主管已撤销这次查阅许可，如需查阅请重新申请',
  'FILE.NO_RESIDENTS': '这户目前没有绑定的住户，无法发送通知',
} as const;

export const filesFields = {
  grantId: '查阅申请',
  minutes: '许可时长',
  vehicles: '车辆',
  'vehicles.plate': '车牌号',
  'vehicles.note': '车辆备注',
  message: '通知内容',
  memo: '档案备注',
} as const;

export const filesNotices = {
  'file.asked': '住户档案查阅申请待审批',
  'file.contact': '物业客服中心给您的留言',
} as const;

export const filesTexts = {
  /** The staff homes' entries (the area's declaration names them). */
  link: '住户档案',
  accessLink: '档案查阅',
  asked: '{name} 申请查阅 {address} 的住户档案：{reason}',
} as const;

/** Its refusals: loaded by the area's name in Node (messages/area-words.ts), never bundled into the client. */
export const serverWords = { refusals: filesErrors } as const;
