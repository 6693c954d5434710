import type { Tx } from '../_shared/database';

/**
 * A transaction in which the new documents of `collections` (events, callbacks, deadlines, notices:
 * each under an id nobody has written yet) are gathered as they are `set`, then sent by `flush` as
 * one multi-document insert per collection, inside the same transaction: a settlement of many
 * households costs one request per collection, not one per document (issue 16). Inserting several
 * documents in one request is documented for transactions (docs.cloudbase.net/http-api/nosql/insert-documents:
 * 批量插入文档 … 支持事务操作; the SDK's `add` with an array sends that request). An id already taken
 * refuses the insert and the whole transaction with it, where `set` would have overwritten:
 * the callers write these documents only after reading, in the same transaction, that their cause
 * has not happened yet. Gathered documents are write-only until flushed.
 */
export const gatheringInserts = (tx: Tx, collections: readonly string[]) => {
  const pending = new Map<string, object[]>();
  const gathered: Tx = {
    collection: (name) => {
      const inner = tx.collection(name);
      if (!collections.includes(name)) return inner;
      const refused = (): never => {
        throw new Error(`${name}: gathered for one insert, not read or changed before it is sent`);
      };
      return {
        add: refused,
        doc: (id) => ({
          get: refused,
          update: refused,
          remove: refused,
          set: async ({ data }) => {
            pending.set(name, [...(pending.get(name) ?? []), { _id: id, ...data }]);
            return {};
          },
        }),
      };
    },
  };
  const flush = async (): Promise<void> => {
    for (const [name, docs] of pending) await tx.collection(name).add({ data: docs });
    pending.clear();
  };
  return { tx: gathered, flush };
};
