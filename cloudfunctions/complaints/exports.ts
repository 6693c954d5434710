/**
 * What other areas may use of complaints (issue 15, 3): intake, through which a callback files the
 * complaint it found (B3). The timer reaches its sweeps through `timer.ts`. Another area imports this module only; the lint refuses any other file of this folder.
 */
export { fileComplaint } from './intake';
/** A case and who may see it, for the printed handling slip (issue 19, 4). */
export { canSeeCase, isGroup, loadCase } from './on-case';
/** The company page's count of registers flagged and still unsigned (issue 14, 1; C6). */
export { unsignedFlaggedRegisters } from './complaints.repo';
/** The session's waiting counts: a property's open groups at a queue rank (issue 14, 2). */
export { groupsQueued } from './complaints.repo';
/** C4: the timer asks a group whether it has met its clock before it warns (issue 16). */
export { groupMeets } from './clocks';
