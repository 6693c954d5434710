import type { formsActions } from '@shared/contracts/forms.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import { formsTexts } from '@shared/messages/forms.zh-CN';
import { keysTexts } from '@shared/messages/keys.zh-CN';
import { keyKinds } from '@shared/model/key.model';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { findInventory } from '../keys/exports';
import { formSheet, when } from './layout';
import { printed, propertyName } from './printed';

const words = formsTexts.keyInventory;

const signedDifference = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What the form is made from needs only the input: read with the caller's membership (issue 16). */
const keyInventoryReads = (input: z.infer<(typeof formsActions)['keyInventory']['input']>, deps: Deps) => Promise.all([findInventory(deps.db, input.propertyId, input.month), propertyName(deps, input.propertyId)]);

/**
 * 钥匙盘点表 (K3, the seed's count of every key on the 25th–27th, reported on the 28th): each kind's
 * register count beside the desk's count, the difference and why, who counted, and the supervisor's
 * signature; a kind not yet counted is left blank to fill in by hand. Authorised as the inventory is.
 */
export const keyInventory: Handler<(typeof formsActions)['keyInventory']> = withPrefetch<(typeof formsActions)['keyInventory'], Awaited<ReturnType<typeof keyInventoryReads>>>(keyInventoryReads, async (input, { deps, now }, [inv, property]) => {
  if (!inv) return failure('KEY.INVENTORY_NOT_STARTED');
  const [year, month] = input.month.split('-');
  const monthName = format(words.month, { year: year ?? '', month: Number(month) });
  const fileName = format(words.file, { property, month: input.month });
  return printed(deps, inv.propertyId, fileName, input.deliver, (book) => {
    const form = formSheet(book, { name: words.sheet, title: format(words.title, { property, month: monthName }), lines: [words.lines], widths: [12, 8, 8, 8, 30, 10, 17], madeAt: now });
    const header = form.header([...words.columns]);
    let expected = 0;
    let counted = 0;
    for (const kind of keyKinds) {
      const c = inv.counts.find((k) => k.kind === kind);
      if (!c) {
        form.row([keysTexts.kinds[kind], '', '', '', '', '', '']);
        continue;
      }
      expected += c.expected;
      counted += c.counted;
      form.row([keysTexts.kinds[kind], c.expected, c.counted, signedDifference(c.counted - c.expected), c.explanation, c.countedBy, when(c.countedAt)]);
    }
    form.row([words.total, expected, counted, signedDifference(counted - expected), '', '', '']);
    form.note(inv.signedBy && inv.signedAt ? format(words.signed, { name: inv.signedBy, at: when(inv.signedAt) }) : words.unsigned);
    form.finish(`${header}:${header}`);
  });
});
