import * as z from 'zod';
import { commandFields, defineAction, DocId, scoped } from './action';
import { Channel, PreferredTime, Priority, RepairCategory, RepairStatus, TriageDoc } from '../model/repair.model';
import { Role, Skill } from '../model/member.model';

/** A cloud-storage file id of a photo; the function checks it sits under the caller's own path. */
export const FileId = z.string().min(1).max(300);

export const RepairView = z.object({
  id: z.string(),
  status: RepairStatus,
  version: z.number().int(),
  category: RepairCategory,
  description: z.string(),
  roomId: z.string(),
  address: z.string(),
  residentName: z.string(),
  /** Full for the desk and the assigned technician, masked (138****5678) for everyone else. */
  phone: z.string(),
  preferredTime: PreferredTime.nullable(),
  photos: z.array(z.string()),
  channel: Channel,
  triage: TriageDoc,
  priority: Priority,
  technician: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  dispatchedAt: z.string().nullable(),
  /** What the caller may do next, decided by the state machine on the server. */
  actions: z.array(z.string()),
});
export type RepairView = z.infer<typeof RepairView>;

export const RepairEventView = z.object({
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  role: Role,
  reason: z.string().nullable(),
  at: z.string(),
});

export const RepairDetail = RepairView.extend({ history: z.array(RepairEventView) });

const Page = z.object({ items: z.array(RepairView) });

export const create = defineAction({
  fn: 'repairs',
  name: 'create',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      roomId: DocId,
      category: RepairCategory,
      description: z.string().trim().min(2).max(500),
      preferredTime: PreferredTime.nullable(),
      photos: z.array(FileId).max(6),
    })
    .strict(),
  output: RepairView,
  roles: ['resident'],
  write: true,
});

export const listMine = defineAction({
  fn: 'repairs',
  name: 'listMine',
  input: z.object({ ...scoped }).strict(),
  output: Page,
  roles: ['resident'],
  write: false,
});

export const get = defineAction({
  fn: 'repairs',
  name: 'get',
  input: z.object({ ...scoped, repairId: DocId }).strict(),
  output: RepairDetail,
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: false,
});

/** The desk's queue: every open repair, urgent first (R3). */
export const inbox = defineAction({
  fn: 'repairs',
  name: 'inbox',
  input: z.object({ ...scoped, status: z.enum(['submitted', 'dispatched']).optional() }).strict(),
  output: Page,
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
});

export const assigned = defineAction({
  fn: 'repairs',
  name: 'assigned',
  input: z.object({ ...scoped }).strict(),
  output: Page,
  roles: ['technician'],
  write: false,
});

export const TechnicianSuggestion = z.object({
  memberId: z.string(),
  name: z.string(),
  skills: z.array(Skill),
  openOrders: z.number().int(),
  skillMatch: z.boolean(),
  reason: z.string(),
});

export const technicians = defineAction({
  fn: 'repairs',
  name: 'technicians',
  input: z.object({ ...scoped, repairId: DocId }).strict(),
  output: z.object({ items: z.array(TechnicianSuggestion) }),
  roles: ['desk', 'supervisor'],
  write: false,
});

/** R4: the desk issues the work order to a technician. `version` is what the desk saw. */
export const dispatch = defineAction({
  fn: 'repairs',
  name: 'dispatch',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      repairId: DocId,
      version: z.number().int().positive(),
      technicianId: DocId,
      reason: z.string().trim().max(200).optional(),
    })
    .strict(),
  output: RepairView,
  roles: ['desk', 'supervisor'],
  write: true,
});

export const repairsActions = { create, listMine, get, inbox, assigned, technicians, dispatch } as const;
