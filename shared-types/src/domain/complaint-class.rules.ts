import type { ComplaintCategory, ComplaintClass, Jurisdiction, MajorReason, Severity } from '../model/complaint.model';

/** What the system knows about a complaint that bears on C3's major criteria. */
export interface MajorFacts {
  /** An earlier unresolved complaint of the same household on the same matter. */
  repeatOf: string | null;
  grouped: boolean;
  /** A responsible complaint unresolved after one month. */
  unresolvedMonth: boolean;
  /** Set by the desk: taken up by a government body or the media; injury or major loss. */
  governmentOrMedia: boolean;
  injuryOrLoss: boolean;
}

/** What the system knows of a case, as stored or as the desk's view shows it. */
export interface KnownCase {
  /** A household's complaint repeating an earlier unresolved one; never a group. */
  repeatOf: string | null;
  grouped: boolean;
  /** The major criteria its classification already records (the one-month upgrade adds one). */
  recorded: readonly MajorReason[];
}

/** C3: the major facts of a case: what the system knows of it, and the two only the desk can declare. */
export const majorFacts = (known: KnownCase, declared: { governmentOrMedia: boolean; injuryOrLoss: boolean }): MajorFacts => ({
  repeatOf: known.grouped ? null : known.repeatOf,
  grouped: known.grouped,
  unresolvedMonth: known.recorded.includes('unresolved_month'),
  governmentOrMedia: declared.governmentOrMedia,
  injuryOrLoss: declared.injuryOrLoss,
});

/** C3: every major criterion that holds, in the order the handbook lists them. */
export const majorReasons = (f: MajorFacts): MajorReason[] => [
  ...(f.repeatOf ? (['repeat_unresolved'] as const) : []),
  ...(f.injuryOrLoss ? (['injury_loss'] as const) : []),
  ...(f.unresolvedMonth ? (['unresolved_month'] as const) : []),
  ...(f.governmentOrMedia ? (['government_media'] as const) : []),
  ...(f.grouped ? (['group'] as const) : []),
];

export type ProposalBasis = MajorReason | 'within_duties' | 'between_neighbours' | 'outside_scope';

export interface ClassProposal {
  class: ComplaintClass;
  severity: Severity | null;
  jurisdiction: Jurisdiction | null;
  because: ProposalBasis[];
}

/** Matters that are the property's own duty; the rest it helps with (C2). */
const assisted: Partial<Record<ComplaintCategory, ProposalBasis>> = { noise: 'between_neighbours', other: 'outside_scope' };

/**
 * C2 C3: the class the system proposes, and why. Any major criterion makes it responsible and major;
 * otherwise a matter within the property's duties is responsible and general, and a dispute between
 * neighbours or a matter beyond the estate is assistance. The desk confirms or changes it.
 */
export const proposeClass = (category: ComplaintCategory, facts: MajorFacts): ClassProposal => {
  const reasons = majorReasons(facts);
  if (reasons.length) return { class: 'responsible', severity: 'major', jurisdiction: null, because: reasons };
  const basis = assisted[category];
  if (basis === 'between_neighbours') return { class: 'assistance', severity: null, jurisdiction: 'inside', because: [basis] };
  if (basis === 'outside_scope') return { class: 'assistance', severity: null, jurisdiction: 'outside', because: [basis] };
  return { class: 'responsible', severity: 'general', jurisdiction: null, because: ['within_duties'] };
};

export interface ClassChoice {
  class: ComplaintClass;
  severity: Severity | null;
  jurisdiction: Jurisdiction | null;
}

export type ClassError = 'COMPLAINT.SEVERITY_REQUIRED' | 'COMPLAINT.JURISDICTION_REQUIRED' | 'COMPLAINT.MUST_BE_MAJOR';

/** C2 C3: a choice is whole (severity only for responsible, jurisdiction only for assistance) and never calls a major complaint general. */
export const checkClassification = (choice: ClassChoice, facts: MajorFacts): ClassError | null => {
  if ((choice.class === 'responsible') !== (choice.severity !== null)) return 'COMPLAINT.SEVERITY_REQUIRED';
  if ((choice.class === 'assistance') !== (choice.jurisdiction !== null)) return 'COMPLAINT.JURISDICTION_REQUIRED';
  if (choice.class === 'responsible' && choice.severity === 'general' && majorReasons(facts).length) return 'COMPLAINT.MUST_BE_MAJOR';
  return null;
};

/** C3 C9: top urgency for a VIP's complaint and for anything major. */
export const urgencyOf = (vip: boolean, severity: Severity | null): 'top' | 'normal' => (vip || severity === 'major' ? 'top' : 'normal');
