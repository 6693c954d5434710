import type { Priority } from '../model/repair.model';
import type { RepairPromiseSettings } from '../model/settings.model';

/**
 * Issue 18 (2): what a resident is told will happen the moment she files a repair. An urgent one
 * (R3) has already reached the people on duty; a normal one is dispatched within the property's
 * promised minutes, and the technician phones before he comes (R5's agreed time).
 */
export type RepairPromise = { kind: 'urgent' } | { kind: 'dispatch'; withinMinutes: number };

export const repairPromise = (priority: Priority, settings: RepairPromiseSettings): RepairPromise =>
  priority === 'urgent' ? { kind: 'urgent' } : { kind: 'dispatch', withinMinutes: settings.dispatchMinutes };
