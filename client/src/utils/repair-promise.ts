import type { RepairPromise } from '@shared/domain/repair-promise.rules';
import { fill, ui } from '../i18n/ui.zh-CN';

/** The promise in the resident's words: "客服将在 15 分钟内派单，师傅上门前会先打电话", or that the people on duty know. */
export const repairPromiseWords = (promise: RepairPromise): string =>
  promise.kind === 'urgent' ? ui.repairPromise.urgent : fill(ui.repairPromise.dispatch, { minutes: promise.withinMinutes });
