import * as z from 'zod/mini';
import { calendarDate } from '../model/versioned';
import type { Role } from '../model/member.model';
import { defineAction, DocId, scoped, type ActionCode } from './action';
import { CaseRef } from './complaints.contract';
import { FileLink } from './files';

/**
 * Issue 19 (4): the seed's paper forms as .xlsx files laid out like the paper. Each is authorised
 * like the area whose record it prints: the desk, supervisor and manager of that property; the
 * technician a work order is assigned to.
 *
 * Issue 16: a client that asks `deliver: 'inline'` (release 20 on) gets the file's bytes in the
 * answer, base64, whenever they fit in it (cloudfunctions/forms/printed.ts): nothing is stored and no
 * link issued, so the form costs the reads alone. A bigger form, and every answer to a client that
 * does not ask (older releases parse only the link), is a link that works for a few minutes.
 */
const Linked = z.object({ fileName: z.string(), url: FileLink });
const Inline = z.object({ fileName: z.string(), base64: z.string() });
const Printed = z.union([Linked, Inline]);
export type Printed = z.infer<typeof Printed>;
const delivery = { deliver: z.optional(z.literal('inline')) };

const staff = ['desk', 'supervisor', 'manager'] as const;
const MonthString = z.string().check(z.regex(/^\d{4}-\d{2}$/));

/** A form of one record (or one day, one month) of the property the input names. */
const printable = <S extends z.core.$ZodShape>(name: string, shape: S, errors: readonly ActionCode[], roles: readonly Role[] = staff) =>
  defineAction({ fn: 'forms', name, input: z.strictObject({ ...scoped, ...delivery, ...shape }), output: Printed, roles, write: false, errors });

/** 维修派工单: a repair as the technician takes it to the door. */
export const workOrder = printable('workOrder', { repairId: DocId }, ['REPAIR.NOT_FOUND'], [...staff, 'technician']);

/** 回访记录表 (B1 B2): one callback, with its outcome once recorded. */
export const callbackRecord = printable('callbackRecord', { callbackId: DocId }, ['CALLBACK.NOT_FOUND']);

/** 投诉处理回单 (C1 C5): a complaint, or a group's, with its slip and reply. */
export const complaintSlip = printable('complaintSlip', { ref: CaseRef }, ['COMPLAINT.NOT_FOUND']);

/** 值班日志 (D1 D2): a day's pages, each shift's entries, and the desk manager's signature. */
export const dutyDay = printable('dutyDay', { date: calendarDate }, []);

/** 交接班记录 (D3): the matters, instructions and preparation handed over, and both signatures. */
export const handover = printable('handover', { handoverId: DocId }, ['DUTY.HANDOVER_NOT_FOUND']);

/** 钥匙借用登记表 (K2): one loan, its deposit and its return. */
export const keyLoan = printable('keyLoan', { loanId: DocId }, ['KEY.LOAN_NOT_FOUND']);

/** 钥匙盘点表 (K3): a month's count by kind, the differences explained, the supervisor's signature. */
export const keyInventory = printable('keyInventory', { month: MonthString }, ['KEY.INVENTORY_NOT_STARTED']);

export const formsActions = { workOrder, callbackRecord, complaintSlip, dutyDay, handover, keyLoan, keyInventory } as const;
