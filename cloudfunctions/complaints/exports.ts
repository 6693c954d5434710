/**
 * What other areas may use of complaints (issue 15, 3): the timer's sweeps (C3 upgrades and group
 * settling, C6 unsigned registers) and intake, through which a callback files the complaint it found
 * (B3). Another area imports this module only; the lint refuses any other file of this folder.
 */
export { fileComplaint } from './intake';
export { flagUnsignedRegisters, settleGroups, upgradeUnresolved } from './sweeps';
/** A case and who may see it, for the printed handling slip (issue 19, 4). */
export { canSeeCase, isGroup, loadCase } from './on-case';
