import { reportsTexts } from '@shared/messages/reports.zh-CN';
import { reportsUi } from '../../i18n/reports.zh-CN';

/** Every word the reports pages show: the figures' names shared with the Excel files, and the pages' own. */
export const words = { ...reportsTexts, ...reportsUi };
