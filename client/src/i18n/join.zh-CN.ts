/**
 * The words of the page where someone new asks to be bound to a room (issue 15, 5): this catalogue is imported by that subpackage's pages only, so it ships
 * in the subpackage and not in the main package.
 */
export const joinUi = {
  bind: {
    title: '绑定房屋',
    hint: '填好后提交，客服中心核对后您就可以报修、投诉了。',
    property: '小区',
    propertyId: '小区编号',
    propertyIdPlaceholder: '请向物业索取，或扫描小区的二维码',
    findProperty: '查找小区',
    finding: '正在查找…',
    room: '房屋',
    building: '楼栋',
    buildingPlaceholder: '例如：3',
    unit: '单元',
    unitPlaceholder: '例如：2',
    roomNo: '房号',
    roomNoPlaceholder: '例如：1502',
    name: '您的姓名',
    namePlaceholder: '例如：王秀英',
    relation: '您和这套房子的关系',
    phone: '手机号码',
    phonePlaceholder: '客服中心会打这个电话和您核对',
    submit: '提交申请',
    submitting: '正在提交…',
    draftRestored: '已为您恢复上次没提交的内容',
    sentTitle: '已提交，等客服中心审核',
    sentNext: '客服中心核对后会通知您，通过后就可以报修、投诉了。',
    backHome: '返回首页',
    fieldErrors: {
      propertyId: '请先找到您的小区',
      roomId: '请填写楼栋、单元和房号（只填数字或字母）',
      name: '请填写您的姓名',
      relation: '请选择您和这套房子的关系',
      phone: '请填写正确的手机号码',
    },
  },
} as const;
