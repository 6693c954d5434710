import type { FileViewT, GrantViewT, KeptFileT, ReadViewT } from '@shared/contracts/files.contract';
import { grantPhase } from '@shared/domain/file-grant.machine';
import { maskPhone } from '@shared/domain/phone';
import type { ComplaintDoc } from '@shared/model/complaint.model';
import type { MemberDoc } from '@shared/model/member.model';
import { roomLabelOfId } from '@shared/model/property.model';
import type { RepairDoc } from '@shared/model/repair.model';
import type { FileGrantDoc, FileReadDoc, ResidentFileDoc } from '@shared/model/resident-file.model';

export const grantView = (g: FileGrantDoc, now: Date): GrantViewT => ({
  id: g._id,
  roomId: g.roomId,
  roomLabel: roomLabelOfId(g.roomId),
  askedBy: g.askedBy.name,
  reason: g.reason,
  status: grantPhase(g, now),
  until: g.until,
  decidedBy: g.decidedBy,
  createdAt: g.createdAt,
  version: g.version,
});

export const readView = (r: FileReadDoc): ReadViewT => ({ id: r._id, act: r.act, roomLabel: roomLabelOfId(r.roomId), reader: r.reader.name, holder: r.holder, reason: r.reason, at: r.at });

interface Household {
  residents: MemberDoc[];
  repairs: RepairDoc[];
  complaints: ComplaintDoc[];
}

/** P1: what the property keeps on a household, as a save answers it (issue 16: the household is not read again). */
export const keptView = (roomId: string, kept: ResidentFileDoc | null, readableUntil: string | null): KeptFileT => ({
  roomId,
  vehicles: kept?.vehicles ?? [],
  memo: kept?.memo ?? '',
  updated: kept ? { by: kept.updatedBy, at: kept.updatedAt } : null,
  version: kept?.version ?? 0,
  readableUntil,
});

/** P1: a household's file as the desk reads it under a grant (or the supervisor himself): every phone masked, residents are contacted by notice. */
export const fileView = (roomId: string, household: Household, kept: ResidentFileDoc | null, readableUntil: string | null): FileViewT => ({
  ...keptView(roomId, kept, readableUntil),
  roomLabel: roomLabelOfId(roomId),
  residents: household.residents.map((m) => ({ name: m.name, phone: maskPhone(m.phone) })),
  repairs: household.repairs.map((r) => ({ id: r._id, createdAt: r.createdAt, description: r.description, status: r.status })),
  complaints: household.complaints.map((c) => ({ id: c._id, createdAt: c.createdAt, description: c.description, status: c.status })),
});
