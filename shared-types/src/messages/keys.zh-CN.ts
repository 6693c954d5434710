/**
 * The keys area's words (K1–K3). Its declaration (areas/keys.area.ts) names its notice words and entries;
 * its function reads `keysTexts`; the whole catalogue loads `serverWords` by the area's name (issue 15, 1).
 */
export const keysErrors = {
  'KEY.LABEL_TAKEN': '钥匙柜里已有这个编号的同类钥匙，请换一个编号',
  'KEY.NOT_FOUND': '没有找到这把钥匙',
  'KEY.ON_LOAN': '这把钥匙已借出，还回后才能再借',
  'KEY.DUE_BACK_PAST': '归还时间必须晚于现在',
  'KEY.BORROWER_NOT_FOUND': '没有找到这位同事，或他已离岗',
  'KEY.SIGNATURE_REQUIRED': '外来人员借钥匙需要在屏幕上手写签名',
  'KEY.FILE_NOT_YOURS': '签名必须是本人刚上传的',
  'KEY.DEPOSIT_REQUIRED': '外来人员借这把钥匙需要交押金，请填写收据编号和付款方式',
  'KEY.LOAN_NOT_FOUND': '没有找到这条借用记录',
  'KEY.NOT_YOUR_LOAN': '只能由借用人本人签字',
  'KEY.DEPOSIT_OUTCOME_REQUIRED': '这笔借用收了押金，请选择退还押金或扣留押金并写明原因',
  'KEY.DAY_AHEAD': '这一天还没到，不能签字',
  'KEY.ALREADY_SIGNED': '这一天的押金对账已经签过字了',
  'KEY.DIFFERENCE_UNEXPLAINED': '清点数与登记数不符，请说明原因',
  'KEY.INVENTORY_NOT_STARTED': '本月钥匙还没有清点',
  'KEY.UNCOUNTED': '还有钥匙类别没有清点，清点完才能签字',
  'KEY.REPAIR_NOT_FOUND': '没有找到这张维修单',
  'KEY.PUBLIC_PLACE': '公共区域的维修单不涉及住户钥匙',
  'KEY.LEFT_NOT_FOUND': '没有找到这把住户留存的钥匙',
  'KEY.ORDER_NOT_SIGNED': '维修单还没有签字确认，钥匙先留在前台',
} as const;

export const keysFields = {
  opens: '开启位置',
  label: '钥匙编号',
  set: '钥匙组别',
  depositFen: '押金金额',
  keyId: '钥匙',
  borrower: '借用人',
  'borrower.type': '借用人身份',
  'borrower.memberId': '借用同事',
  'borrower.name': '借用人姓名',
  'borrower.phone': '借用人电话',
  idMasked: '证件号码',
  purpose: '借用事由',
  dueBackAt: '归还时间',
  deposit: '押金',
  'deposit.method': '付款方式',
  receiptNo: '收据编号',
  'deposit.outcome': '押金处理',
  'deposit.reason': '扣留押金原因',
  loanId: '借用记录',
  counted: '清点数量',
  explanation: '差异说明',
  leftBy: '留钥匙的住户',
  leftKeyId: '住户留存钥匙',
  residentName: '领回钥匙的住户',
  keys: '留存的钥匙',
} as const;

export const keysNotices = {
  'key.overdue': '钥匙逾期未还',
  'key.escalated': '钥匙逾期未还，请督办',
  'key.inventory': '本月钥匙清点',
  'key.report': '钥匙盘点报告待签字',
  'key.leftDue': '住户钥匙待归还',
} as const;

export const keysTexts = {
  link: '钥匙管理',
  timerStep: '钥匙逾期与盘点提醒',
  kinds: { resident: '住户钥匙', public: '公共门窗', equipment: '设备房', meter_box: '水表箱' },
  overdue: '{label}（{borrower}）应于 {due} 归还，尚未还回',
  escalated: '{label}（{borrower}）应于 {due} 归还，已逾期 2 小时以上',
  inventory: '今天起至 27 日请清点各类钥匙，有差异请说明原因（{month}）',
  report: '{month} 钥匙盘点报告已生成，请核对签字',
  leftDue: '{room} 的维修单已签字确认，住户留存的钥匙（{description}）还没有还给住户',
} as const;

/** Its refusals: loaded by the area's name in Node (messages/area-words.ts), never bundled into the client. */
export const serverWords = { refusals: keysErrors } as const;
