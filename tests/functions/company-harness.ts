import { company, imports, members } from '@shared/contracts';
import { ADMIN, callAs, expectOk, newCommandId } from './harness';
import type { startRuntime } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const codeOf = (issued: { code: string | null }): string => {
  if (!issued.code) throw new Error('expected a fresh invitation with its code');
  return issued.code;
};

/** Someone joins with an invitation's code, under their own name. */
export const joinWith = (rt: Rt, openid: string, code: string, name: string) =>
  callAs(rt, openid, members.join, { commandId: newCommandId(), code, name, phone: '13700000099' });

/** Issue 14: the administrator appoints `openid` manager of `propertyId`, who joins with the code. */
export const appoint = async (rt: Rt, propertyId: string, openid: string, name: string, over: Record<string, unknown> = {}, admin = ADMIN) => {
  const issued = expectOk(await callAs(rt, admin, company.appointManager, { propertyId, commandId: newCommandId(), note: name, ...over }));
  return expectOk(await joinWith(rt, openid, codeOf(issued), name));
};

/** A manager invites `openid` in a staff role, who joins. */
export const staff = async (rt: Rt, propertyId: string, manager: string, openid: string, role: string, name: string) => {
  const issued = expectOk(await callAs(rt, manager, members.invite, { propertyId, commandId: newCommandId(), role }));
  return expectOk(await joinWith(rt, openid, codeOf(issued), name));
};

/** A resident asks to be bound to a room the manager added, and a desk member approves. */
export const resident = async (rt: Rt, propertyId: string, manager: string, desk: string, openid: string, room: [string, string, string]) => {
  const [building, unit, number] = room;
  const { roomId } = expectOk(await callAs(rt, manager, imports.addRoom, { propertyId, commandId: newCommandId(), building, unit, room: number }));
  const asked = expectOk(await callAs(rt, openid, members.requestBinding, { propertyId, commandId: newCommandId(), roomId, name: '王秀英', relation: 'owner', phone: '13800000101' }));
  expectOk(await callAs(rt, desk, members.reviewBinding, { propertyId, commandId: newCommandId(), bindingId: asked.id, version: asked.version, decision: 'approve', reason: '' }));
  return roomId;
};

/**
 * Issue 14 (4): a property made the way a company makes one, through the API only: created by the
 * administrator, its manager appointed, its desk staff invited.
 */
export const openProperty = async (rt: Rt, propertyId: string, name: string, people: { manager: string; desk: string; template?: string }, admin = ADMIN) => {
  const property = expectOk(
    await callAs(rt, admin, company.createProperty, { commandId: newCommandId(), propertyId, name, address: `${name}路 1 号`, deskPhone: '021-66661234', ...(people.template ? { template: people.template } : {}) }),
  );
  await appoint(rt, propertyId, people.manager, `${name}主任`, {}, admin);
  await staff(rt, propertyId, people.manager, people.desk, 'desk', `${name}客服`);
  return property;
};
