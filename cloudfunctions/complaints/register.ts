import type * as contract from '@shared/contracts/complaints.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { complaintRegisterModel, type ComplaintDoc, type ComplaintGroupDoc, type ComplaintRegisterDoc } from '@shared/model/complaint.model';
import { roomLabel } from '@shared/model/property.model';
import { shanghaiDate } from '@shared/time/shanghai';
import type { Database } from '../_shared/database';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { complaintsOfRegisterDay } from '../_shared/complaints.repo';
import { openCases } from './queries';
import { findRegister, groupsByIds, readRegisterInTx, registerIdOf, writeRegisterInTx } from './complaints.repo';
import { toCaseView } from './on-case';

/** C1 C6: a register line; a household's complaint in a group shows the group's class. */
const rowOf = (c: ComplaintDoc, group: ComplaintGroupDoc | undefined) => {
  const cl = group?.classification ?? c.classification;
  const slip = group?.slip ?? c.slip;
  return {
    id: c._id,
    createdAt: c.createdAt,
    address: roomLabel(c.address),
    residentName: c.residentName,
    channel: c.channel,
    category: c.category,
    target: c.target,
    description: c.description,
    status: c.status,
    classification: cl ? { class: cl.class, severity: cl.severity, jurisdiction: cl.jurisdiction } : null,
    groupId: c.groupId,
    slip: slip ? { department: slip.department, assignee: slip.assignee } : null,
    resolvedAt: c.resolvedAt,
  };
};

const signedOf = (r: ComplaintRegisterDoc | null) => (r?.signedBy ? { by: r.signedBy.name, at: r.signedBy.at, remarks: r.remarks } : null);

const rowsOf = async (db: Database, propertyId: string, date: string) => {
  const complaints = await complaintsOfRegisterDay(db, propertyId, date);
  const groups = await groupsByIds(db, complaints.flatMap((c) => (c.groupId ? [c.groupId] : [])));
  return complaints.map((c) => rowOf(c, c.groupId ? groups.get(c.groupId) : undefined));
};

const registerReads = (input: z.infer<typeof contract.registerOf.input>, { db }: Deps) =>
  Promise.all([
    rowsOf(db, input.propertyId, input.date),
    findRegister(db, input.propertyId, input.date),
    openCases(db, input.propertyId),
  ]);

/** C6: the day's complaint register (投诉信息登记表), its signature, and every open case to follow; all of it needs only the input, so it is read with the caller's membership (issue 16). */
export const registerOf: Handler<typeof contract.registerOf> = withPrefetch<typeof contract.registerOf, Awaited<ReturnType<typeof registerReads>>>(registerReads, async (input, ctx, [rows, register, open]) =>
  ok({
    date: input.date,
    rows,
    signed: signedOf(register),
    flaggedAt: register?.flaggedAt ?? null,
    open: open.map((k) => toCaseView(k, { group: null, members: [] }, ctx)),
  }),
);

/** C6: the supervisor signs a day's register, today's or an earlier one; the first signature stands. */
/** Issue 16: the day's rows and its register need only the input: read with the caller's membership, not after it. */
const signReads = (input: z.infer<typeof contract.signRegister.input>, { db }: Deps) => Promise.all([rowsOf(db, input.propertyId, input.date), findRegister(db, input.propertyId, input.date)]);

export const signRegister: Handler<typeof contract.signRegister> = /* @__PURE__ */ withPrefetch<typeof contract.signRegister, Awaited<ReturnType<typeof signReads>>>(signReads, async (input, ctx, [rows, existing]) => {
  const { member, now } = ctx;
  if (input.date > shanghaiDate(now)) return failure('COMPLAINT.REGISTER_FUTURE');
  const id = registerIdOf(input.propertyId, input.date);
  const { result } = await applyOnce(ctx, 'complaints.signRegister', async (tx) => {
    let current = existing;
    if (current) current = await readRegisterInTx(tx, id);
    const signed: ComplaintRegisterDoc =
      current?.signedBy
        ? current
        : complaintRegisterModel.toStored({
            _id: id,
            propertyId: input.propertyId,
            date: input.date,
            signedBy: { name: member.name, openid: member.openid, at: now.toISOString() },
            remarks: input.remarks,
            count: rows.length,
            flaggedAt: current?.flaggedAt ?? null,
          });
    if (signed !== current) await writeRegisterInTx(tx, signed);
    return { date: input.date, rows, signed: signedOf(signed), flaggedAt: signed.flaggedAt };
  });
  return ok(result);
});
