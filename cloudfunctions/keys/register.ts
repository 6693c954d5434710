import type * as c from '@shared/contracts/keys.contract';
import { failure } from '@shared/messages';
import { ok } from '@shared/result';
import { keyModel } from '@shared/model/key.model';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { mapPage, readPage } from '../_shared/paging';
import { findKey, keyIdOf, writeKey } from './keys.repo';
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
  const source = { collection: 'keys', where: { propertyId: input.propertyId, kind: input.kind }, sort: [{ field: 'label', order: 'asc' as const }], parse: (raw: unknown) => keyModel.parse(raw) };
  return ok(mapPage(await readPage(deps.db, { name: 'keys.list', sources: [source] }, input), keyView));
};
