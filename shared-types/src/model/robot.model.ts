import * as z from 'zod/mini';
import { defineModel, isoInstant } from './versioned';

/**
 * What we send per robot in any 60 s: under WeCom's 20 (domain/wecom-robot.rules.ts), leaving room for
 * network delay between our clock and theirs. The stored recent sends never hold more.
 */
export const ROBOT_PACE_PER_MINUTE = 18;

/**
 * Issue 13: one WeCom group robot's recent sends, shared by every function instance that posts to
 * it, so the pace holds across instances (WeCom counts per robot, not per sender). The id is derived
 * from the robot's address; the address and its key are never stored here. `version` makes each
 * claim of a send a compare-and-set.
 */
export const RobotDoc = z.object({
  _id: z.string().check(z.minLength(1)),
  schemaVersion: z.literal(1),
  version: z.number().check(z.int(), z.gte(0)),
  sends: z.array(isoInstant).check(z.maxLength(ROBOT_PACE_PER_MINUTE)),
  /** When WeCom answered 45009, until when it refuses: nothing is posted to it before then. */
  throttledUntil: z.nullable(isoInstant),
});
export type RobotDoc = z.infer<typeof RobotDoc>;
export const robotModel = defineModel({ collection: 'robots', version: 1, schema: RobotDoc });
