/** The reports area's refusals: a build that failed (issue 17, 2), answered to its command's every retry. */
export const reportsErrors = {
  'REPORT.EXPORT_FAILED': '这份 Excel 没有生成成功，已在“最近导出”里标为失败；请重新点“导出 Excel”',
} as const;

/** Its refusals: loaded by the area's name in Node (messages/area-words.ts), never bundled into the client. */
export const serverWords = { refusals: reportsErrors, fields: {} } as const;

/** The reports area's words (R12 C8 B4 R7, issue 14 (3)): the pages and the Excel files say the same. */
export const reportsTexts = {
  title: '统计报表',
  compareTitle: '各项目对比',
  kinds: { week: '周报', month: '月报', quarter: '季报' },
  periodLabel: { week: '{from}–{to}', month: '{year}年{month}月', quarter: '{year}年第{quarter}季度' },
  current: '本期',
  previous: '上期',
  change: '增减',
  prevPeriod: '上一期',
  nextPeriod: '下一期',
  export: '导出 Excel',
  exporting: '正在生成 Excel…',
  exportFailed: 'Excel 生成失败，请稍后再试',
  exportReady: '已生成 {name}',
  empty: '本期还没有数据',
  none: '—',
  rows: {
    repairs: '报修总数',
    returned: '已回单',
    slaRate: '3天内回单率',
    repairCallbackRate: '报修回访率',
    complaints: '投诉总数',
    handlingRate: '投诉处理率',
    complaintsOnTimeRate: '投诉按时处理率',
    complaintCallbackRate: '投诉回访率',
    quality: '维修质量评分',
    attitude: '服务态度评分',
  },
  classes: { major: '重大投诉', general: '一般投诉', non_responsible: '无责投诉', assistance: '协助处理', unclassified: '未定性' },
  callbackKinds: { repair: '报修回访', complaint: '投诉回访', routine: '例行回访', visit: '接待回访' },
  sections: {
    summary: '综合指标',
    byCategory: '按类别报修',
    byBuilding: '按楼栋报修',
    complaints: '投诉分类',
    callbacks: '业户回访率',
    technicians: '维修人员考评',
  },
  columns: {
    item: '项目',
    category: '类别',
    building: '楼栋',
    kind: '回访类别',
    planned: '应回访',
    done: '已回访',
    rate: '回访率',
    technician: '维修人员',
    ratings: '评价数',
    quality: '维修质量',
    attitude: '服务态度',
    onTime: '按时回单率',
    returnedCount: '回单数',
    property: '项目',
  },
  building: '{building}栋',
  publicAreas: '公共区域',
  sheet: {
    lines: '物业项目：{property}　统计期间：{period}（上期：{previous}）',
    madeAt: '制表时间：{at}',
    signature: '制表人：　　　　　　　　主管签字：　　　　　　　　日期：',
    fileName: '{property}{period}统计报表.xlsx',
  },
} as const;
