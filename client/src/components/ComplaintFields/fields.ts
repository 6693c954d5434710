import * as z from 'zod/mini';
import { complaintErrors } from '@shared/messages/complaints.zh-CN';
import { ComplaintCategory, publicAreas, type ComplaintPlace } from '@shared/model/complaint.model';
import { shanghaiDate, shanghaiInstant, shanghaiTime } from '../../utils/time';

/** Where it happened: the building of the room the complaint is for, or one of the public areas. */
export const PlaceChoice = z.enum(['building', ...publicAreas]);
export type PlaceChoice = z.infer<typeof PlaceChoice>;

/** A resident asking "by Friday" means by the end of Friday's working day. */
export const DEADLINE_TIME = '18:00';

/** C1's fields as a form keeps them while they are typed (Shanghai date and time kept apart). */
export const ComplaintFieldsDraft = z.object({
  category: z.nullable(ComplaintCategory),
  place: z.nullable(PlaceChoice),
  occurredDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  occurredTime: z.string().check(z.regex(/^\d{2}:\d{2}$/)),
  target: z.string(),
  description: z.string(),
  request: z.string(),
  deadlineDate: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  deadlineTime: z.string().check(z.regex(/^\d{2}:\d{2}$/)),
});
export type ComplaintFieldsValue = z.infer<typeof ComplaintFieldsDraft>;

/** Nothing chosen yet; it happened "now" until the person says when. */
export const emptyComplaintFields = (now: Date): ComplaintFieldsValue => ({
  category: null,
  place: null,
  occurredDate: shanghaiDate(now),
  occurredTime: shanghaiTime(now),
  target: '',
  description: '',
  request: '',
  deadlineDate: null,
  deadlineTime: DEADLINE_TIME,
});

export type IntakeField = 'category' | 'place' | 'occurredAt' | 'target' | 'description' | 'request' | 'residentDeadline';

export interface Intake {
  category: ComplaintCategory;
  place: ComplaintPlace;
  occurredAt: string;
  target: string;
  description: string;
  request: string;
  residentDeadline: string | null;
}

export type IntakeCheck = { ok: true; intake: Intake } | { ok: false; errors: Partial<Record<IntakeField, string>> };

export const placeOf = (choice: PlaceChoice | null, building: string | null): ComplaintPlace | null => {
  if (choice === null) return null;
  if (choice === 'building') return building ? { scope: 'building', building } : null;
  return { scope: 'public_area', area: choice };
};

/**
 * C1: the form's answers as the contract takes them, or what to fix first: a category and a place
 * must be chosen, it cannot have happened later than now, and a deadline must still be ahead.
 * Lengths are left to the contract, which names the field it rejects.
 */
export const intakeOf = (
  value: ComplaintFieldsValue,
  building: string | null,
  now: Date,
  text: Readonly<Record<'category' | 'place', string>>,
): IntakeCheck => {
  const place = placeOf(value.place, building);
  const occurredAt = shanghaiInstant(value.occurredDate, value.occurredTime);
  const residentDeadline = value.deadlineDate ? shanghaiInstant(value.deadlineDate, value.deadlineTime) : null;
  const errors: Partial<Record<IntakeField, string>> = {};
  if (!value.category) errors.category = text.category;
  if (!place) errors.place = text.place;
  if (Date.parse(occurredAt) > now.getTime()) errors.occurredAt = complaintErrors['COMPLAINT.IN_THE_FUTURE'];
  if (residentDeadline && Date.parse(residentDeadline) <= now.getTime()) errors.residentDeadline = complaintErrors['COMPLAINT.DEADLINE_PASSED'];
  if (!value.category || !place || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    intake: {
      category: value.category,
      place,
      occurredAt,
      target: value.target,
      description: value.description,
      request: value.request,
      residentDeadline,
    },
  };
};

/** "3" of the room labelled "3-2-1502": the building a room's complaint is about by default (C3). */
export const buildingOf = (room: { label: string } | undefined): string | null => room?.label.split('-')[0] || null;
