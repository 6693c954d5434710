import type * as c from '@shared/contracts/keys.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import type { ImportedKey } from '@shared/model/key-import.model';
import { keyModel, type KeyDoc } from '@shared/model/key.model';
import type { Database } from '../_shared/database';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { mapPage, readPage } from '../_shared/paging';
import { findKey, keyIdOf, writeKey } from './keys.repo';
import { addKeys, keysByIds, keysByLabel } from './keys.repo';
import { keyView } from './views';

/** K1: a key added by hand; its kind and label name it, so the same label twice in one kind is refused. */
export const add: Handler<typeof c.add> = async (input, ctx) => {
  const { member, now } = ctx;
  const id = keyIdOf(member.propertyId, input.kind, input.label);
  if (await findKey(ctx.deps.db, id)) return failure('KEY.LABEL_TAKEN');
  const { result } = await applyOnce(ctx, 'keys.add', async (tx) =>
    keyView(
      await writeKey(tx, keyModel.toStored({
        _id: id,
        propertyId: member.propertyId,
        kind: input.kind,
        opens: input.opens,
        label: input.label,
        set: input.set,
        depositFen: input.depositFen,
        loanId: null,
        loan: null,
        addedBy: member.name,
        createdAt: now.toISOString(),
        version: 1,
      })),
    ),
  );
  return ok(result);
};

/** K1: one kind's keys, by label. */
export const list: Handler<typeof c.list> = async (input, { deps }) => {
  const source = keysByLabel({ propertyId: input.propertyId, kind: input.kind });
  return ok(mapPage(await readPage(deps.db, { name: 'keys.list', sources: [source] }, input), keyView));
};

/** One query or one batched insert at a time: well inside a CloudBase request. */
const CHUNK = 100;

type Wanted = Pick<ImportedKey, 'kind' | 'opens' | 'label' | 'set' | 'depositFen'>;

const chunks = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

const heldIn = async (db: Database, ids: readonly string[]): Promise<Set<string>> => new Set((await keysByIds(db, ids)).map((k) => k._id));

/** K1: which of these keys the register already holds (a key is its kind and label). */
export const keysHeld = async (db: Database, propertyId: string, keys: readonly Wanted[]): Promise<boolean[]> => {
  const ids = keys.map((k) => keyIdOf(propertyId, k.kind, k.label));
  const held = new Set<string>();
  for (const part of chunks(ids)) for (const id of await heldIn(db, part)) held.add(id);
  return ids.map((id) => held.has(id));
};

/**
 * K1: keys from an import written into the register as `add` writes one, under the ids their kind
 * and label make. A key the register already holds is left as it is (it may be out on loan), so a
 * file written twice, or by two callers at once, adds each key once.
 */
export const registerKeys = async (db: Database, propertyId: string, keys: readonly Wanted[], by: string, now: Date): Promise<void> => {
  for (const part of chunks(keys)) {
    const wanted: KeyDoc[] = part.map((k) =>
      keyModel.toStored({ _id: keyIdOf(propertyId, k.kind, k.label), propertyId, ...k, loanId: null, loan: null, addedBy: by, createdAt: now.toISOString(), version: 1 }),
    );
    for (let attempt = 0; ; attempt++) {
      const held = await heldIn(db, wanted.map((k) => k._id));
      const missing = wanted.filter((k) => !held.has(k._id));
      if (!missing.length) break;
      try {
        await addKeys(db, missing);
        break;
      } catch (e) {
        // Someone wrote some of these meanwhile: look again and insert what is still missing.
        if (attempt >= 2) throw e;
      }
    }
  }
};
