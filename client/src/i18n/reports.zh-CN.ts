/**
 * The reports pages' own words (issue 17, 2; issue 14, 3); the figures' names are the Excel files'
 * (`@shared/messages/reports.zh-CN`), joined in the reports subpackage (pages/reports/words.ts) so
 * the staff homes' link carries only its label.
 */
export const reportsUi = {
  titles: { report: '统计报表', compare: '各项目对比' },
  compareLink: '各项目对比',
  charts: {
    byCategory: '本期与上期：按类别报修',
    rates: '本期与上期：各项达成率（%）',
    compare: '各项目：3天内回单率与回访率（%）',
  },
  rateNames: { sla: '3天内回单', repairCallback: '报修回访', complaintOnTime: '投诉按时', complaintCallback: '投诉回访' },
  exportHint: '生成后可在微信中转发，或在电脑上用 WPS / Excel 打开',
  exportDownloading: '正在下载 {percent}%',
  exportCancel: '取消导出',
  exportCancelled: '已取消导出',
  exportShare: '转发到聊天',
  exportShareFailed: '没有转发成功，请再试一次',
  noTechnicians: '本期没有维修人员回单',
  recent: {
    title: '最近导出',
    hint: '近 7 天导出的报表，离开页面后也可在此打开',
    empty: '近 7 天没有导出过报表',
    open: '打开',
    status: { building: '生成中', ready: '可打开', failed: '失败' },
    startedAt: '{at} 导出',
  },
} as const;
