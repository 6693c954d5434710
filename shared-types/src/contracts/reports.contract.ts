import * as z from 'zod/mini';
import { CommandId, commandFields, defineAction, scoped } from './action';
import { KindFigures } from './callbacks.contract';
import { Figures as ComplaintFigures } from './complaints.contract';
import { pageInput, pageOf } from './page';
import { ScorecardView } from './repairs.contract';
import { FileLink } from './files';
import { isPeriod, kindOf } from '../time/report-period';

/** A week by its Monday ("2026-11-30"), a month ("2026-11") or a quarter ("2026-Q4"), in Shanghai. */
export const Period = z.string().check(z.refine(isPeriod));
/** Issue 14 (3): the administrator compares properties per month and quarter. */
const MonthOrQuarter = Period.check(z.refine((p) => kindOf(p) !== 'week'));

const Rate = z.nullable(z.number());
const Count = z.number().check(z.int());

export const RepairFiguresView = z.object({
  total: Count,
  byCategory: z.record(z.string(), Count),
  byBuilding: z.record(z.string(), Count),
  returned: Count,
  returnedOnTime: Count,
  slaRate: Rate,
  calledBack: Count,
  callbackRate: Rate,
});

export const PeriodFiguresView = z.object({
  repairs: RepairFiguresView,
  complaints: ComplaintFigures,
  callbacks: z.array(KindFigures),
  technicians: z.array(ScorecardView),
});
export type PeriodFiguresView = z.infer<typeof PeriodFiguresView>;

const staff = ['supervisor', 'manager'] as const;

/** R11 R12 R7 C8 B4 R13 C7: one period's figures against the period before. */
export const period = defineAction({
  fn: 'reports',
  name: 'period',
  input: z.strictObject({ ...scoped, period: Period }),
  output: z.object({ period: z.string(), previous: z.string(), current: PeriodFiguresView, before: PeriodFiguresView }),
  roles: staff,
  write: false,
  errors: [],
});

/**
 * The same report as an .xlsx file, answered as a link that works for a few minutes. A write: it records
 * the export (issue 17, 2) once per command id, and the same command sent again answers the same file
 * with a fresh link; a build that failed is recorded failed and refused REPORT.EXPORT_FAILED, again on
 * every retry of its command (a new tap is a new command).
 */
export const exportXlsx = defineAction({
  fn: 'reports',
  name: 'exportXlsx',
  // The command id is optional for the clients before it was a write (v15–v18, still cached on phones): each of their calls is its own export, as it always was.
  input: z.strictObject({ ...scoped, ...commandFields, commandId: z.optional(CommandId), period: Period }),
  output: z.object({ fileName: z.string(), url: FileLink }),
  roles: staff,
  write: true,
  errors: ['REPORT.EXPORT_FAILED'],
});

export const PropertyFiguresView = z.object({
  repairs: Count,
  slaRate: Rate,
  repairCallbackRate: Rate,
  complaintCallbackRate: Rate,
  complaints: ComplaintFigures.shape.byClass,
  complaintsOnTimeRate: Rate,
  quality: Rate,
  attitude: Rate,
});
export type PropertyFiguresView = z.infer<typeof PropertyFiguresView>;

/** Issue 14 (3): the company's properties by name, each with its figures for the period and the one before. */
export const compare = defineAction({
  fn: 'reports',
  name: 'compare',
  input: z.strictObject({ ...pageInput, period: MonthOrQuarter }),
  output: z.extend(pageOf(z.object({ propertyId: z.string(), name: z.string(), current: PropertyFiguresView, before: PropertyFiguresView })), {
    period: z.string(),
    previous: z.string(),
  }),
  roles: ['admin'],
  write: false,
  errors: [],
});

/**
 * Issue 17 (2): one of the caller's exports; a build that outlived the function shown failed. A ready
 * one is opened by sending its exportXlsx command again (`commandId`: a replay answers its file with a
 * fresh link), so the list itself links nothing and costs no storage round trip (issue 16: a read's 2 waits).
 */
export const ExportView = z.object({
  exportId: z.string(),
  /** The workbook's name, once it is ready. */
  fileName: z.nullable(z.string()),
  period: z.string(),
  /** An export past its days is never listed (its file is deleted); the enum stays as the clients before it parse it. */
  status: z.enum(['building', 'ready', 'failed']),
  startedAt: z.string(),
  /** Always null now: kept for the clients before v19, which parse it (they open an export from 导出's own answer only). */
  url: z.nullable(FileLink),
  /** The command that made it, to open it again; null for an export recorded before commands were kept on it. */
  commandId: z.nullable(z.string()),
});
export type ExportView = z.infer<typeof ExportView>;

/** Issue 17 (2): the caller's own exports of the last days in this property, the newest first, to pick up after leaving the page. */
export const recentExports = defineAction({
  fn: 'reports',
  name: 'recentExports',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(ExportView),
  roles: staff,
  write: false,
  errors: [],
});

export const reportsActions = { period, exportXlsx, compare, recentExports } as const;
