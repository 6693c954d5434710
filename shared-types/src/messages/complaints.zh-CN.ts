/** The complaints area's refusals; the complaint forms check two of them before sending. */
export const complaintErrors = {
  'COMPLAINT.NOT_FOUND': '没有找到这条投诉',
  'COMPLAINT.DAILY_LIMIT': '您今天提交的投诉已达上限，请明天再提交；事情紧急请直接拨打客服电话',
  'COMPLAINT.ROOM_NOT_YOURS': '只能以您绑定的房屋投诉',
  'COMPLAINT.PHOTO_NOT_YOURS': '照片必须是您本人上传的',
  'COMPLAINT.RESIDENT_NOT_FOUND': '没有找到这位住户',
  'COMPLAINT.IN_THE_FUTURE': '发生时间不能晚于现在',
  'COMPLAINT.DEADLINE_PASSED': '期望解决时间必须晚于现在',
  'COMPLAINT.SEVERITY_REQUIRED': '有责投诉需选择重大或一般，其他类别不选',
  'COMPLAINT.JURISDICTION_REQUIRED': '协助处理需选择辖区内或辖区外，其他类别不选',
  'COMPLAINT.MUST_BE_MAJOR': '符合重大投诉条件，不能定为一般投诉',
  'COMPLAINT.APOLOGY_REQUIRED': '请先代表相关部门向住户致歉并勾选确认',
  'COMPLAINT.REPLY_FORM': '答复须与投诉方式一致：来访上门答复，来电电话答复，来信或邮件书面答复',
  'COMPLAINT.IN_A_GROUP': '这条投诉已并入群体投诉，请在群体投诉中处理',
  'COMPLAINT.REGISTER_FUTURE': '还不能签署今天之后的登记表',
} as const;
