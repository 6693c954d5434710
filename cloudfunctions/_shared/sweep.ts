import type * as z from 'zod/mini';
import type { TimerStep } from '@shared/model/environment.model';
import type { Model } from '@shared/model/versioned';
import { propertyModel, type PropertyDoc } from '@shared/model/property.model';
import type { Query } from './database';
import type { Deps } from './deps';
import { quarantine } from './quarantine';
import { StoredDocumentError } from './repo';
import { storedProperties } from './properties';

type Doc<M extends Model<z.ZodMiniType>> = z.infer<M['schema']>;

/**
 * A unit that failed is tried again at once, up to this many times in all: each unit is idempotent
 * (ids derived from its cause, steps claimed), and the usual failure is an overlapping run's write
 * landing first (two runs derive the same ids; the platform may refuse the second write as a
 * duplicate rather than a retried conflict), which the next try reads and finds nothing left to do.
 */
const ATTEMPTS = 3;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

/**
 * One step of a timer run (issue 12, 3.8): its units (a property, a document) each run on their
 * own. A stored document that fails its model is quarantined, any other failure is recorded, and
 * the next unit goes on either way; what was recorded becomes the step's outcome on the heartbeat.
 */
export const startSweep = (deps: Deps, step: TimerStep) => {
  const failures: string[] = [];
  const quarantined: string[] = [];

  const setAside = async (name: string, found: StoredDocumentError) => {
    try {
      const outcome = await quarantine(deps, found, step);
      if (outcome === 'moved') quarantined.push(`${found.collection}/${found.id}`);
      if (outcome === 'newer') failures.push(`${found.collection}/${found.id}: written by newer code, left in place`);
    } catch (e) {
      failures.push(`${name}: ${messageOf(e)}`);
    }
  };

  /** Runs one unit on its own: never throws, answers undefined when it did not finish. */
  const unit = async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (e) {
        if (e instanceof StoredDocumentError) {
          await setAside(name, e);
          return undefined;
        }
        if (attempt >= ATTEMPTS) {
          failures.push(`${name}: ${messageOf(e)}`);
          return undefined;
        }
      }
    }
  };

  /** The documents of a query that match their model; each one that does not is quarantined. */
  const parse = async <M extends Model<z.ZodMiniType>>(model: M, raws: readonly unknown[]): Promise<Doc<M>[]> => {
    const out: Doc<M>[] = [];
    for (const raw of raws) {
      const parsed = model.safeParse(raw);
      if (parsed.success) out.push(parsed.data as Doc<M>);
      else await setAside(model.collection, new StoredDocumentError(model, raw, parsed.error));
    }
    return out;
  };

  /** Every page of a query (the cloud returns at most 1000 a get()), parsed as `parse` does. */
  const readAll = async <M extends Model<z.ZodMiniType>>(model: M, query: Query): Promise<Doc<M>[]> => {
    const PAGE = 1000;
    const out: Doc<M>[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const res = await query.skip(skip).limit(PAGE).get();
      out.push(...(await parse(model, res.data)));
      if (res.data.length < PAGE) return out;
    }
  };

  /**
   * Issue 14: the company's properties (at most 100), split into the open ones the step works for and
   * the ids of the closed ones, which are read-only to the timer too: a query of due work leaves them
   * out, so their work never stands first in line ahead of the open properties'.
   */
  const properties = async (): Promise<{ open: PropertyDoc[]; closed: string[] }> => {
    const all = await parse(propertyModel, await storedProperties(deps.db));
    return { open: all.filter((p) => p.status === 'active'), closed: all.filter((p) => p.status !== 'active').map((p) => p._id) };
  };

  return {
    deps,
    step,
    properties,
    unit,
    parse,
    readAll,
    /** What the step met: the units that failed and the documents it quarantined. */
    outcome: () => ({ failures: [...failures], quarantined: [...quarantined] }),
    /** A failure of the step itself (its first query), outside any unit. */
    fail: (e: unknown) => void failures.push(messageOf(e)),
  };
};

export type Sweep = ReturnType<typeof startSweep>;
