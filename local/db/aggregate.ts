import { runAggregation } from './mingo-context';
import { parsePayload } from './ejson';
import { EngineError, invalidOperation, invalidParam } from './errors';
import { cloneDoc, isPlainObject, type Doc } from './values';

/** Stages that write or need server state; refused rather than half-emulated. */
const REFUSED = new Set(['$out', '$merge', '$geoNear', '$collStats', '$indexStats', '$currentOp', '$listSessions']);

/**
 * Without a $limit stage the cloud returns only 20 aggregation results (observed and reported on
 * developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13).
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;

export const parseStages = (stages: unknown, now: Date): Doc[] => {
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
  return stages.map((stage: unknown) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
      throw invalidParam('each stage needs stageKey and stageValue');
    }
    if (REFUSED.has(stage.stageKey)) throw invalidOperation(`aggregation stage ${stage.stageKey} is not supported by the local database`);
    return { [stage.stageKey]: parsePayload(stage.stageValue, now) };
  });
};

/** `limited`: the request's pipeline has its own $limit (else the cloud's default of 20 applies). */
export const runPipeline = (docs: Doc[], pipeline: Doc[], limited: boolean, resolveCollection: (name: string) => Doc[]): Doc[] => {
  const stages = limited ? pipeline : [...pipeline, { $limit: AGGREGATE_DEFAULT_LIMIT }];
  try {
    return runAggregation(docs.map(cloneDoc), stages, (name) => resolveCollection(name).map(cloneDoc));
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw invalidOperation(`aggregation failed: ${error instanceof Error ? error.message : String(error)}`);
  }
};
