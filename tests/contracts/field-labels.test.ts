import type * as z from 'zod/mini';
import { catalogue, type Action } from '@shared/contracts';
import { fieldErrorsOf } from '@shared/contracts/field-errors';
import { messages } from '@shared/messages';

type Def = { type: string; shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType; innerType?: z.ZodMiniType; options?: z.ZodMiniType[]; in?: z.ZodMiniType; valueType?: z.ZodMiniType };

/** Every field path an input schema accepts ("preferredTime.date"; array items are their list's). */
const pathsOf = (schema: z.ZodMiniType, path: string[] = []): string[] => {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const inner = def.element ?? def.innerType ?? def.in ?? def.valueType;
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).flatMap(([key, value]) => [[...path, key].join('.'), ...pathsOf(value, [...path, key])]);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => pathsOf(o, path));
  return inner ? pathsOf(inner, path) : [];
};

const all = Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[];
const labels: Record<string, string> = messages.fields;

describe('issue 12 (3.11): every input field has a Chinese label in the catalogue', () => {
  it.each(all.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s', (_name, action) => {
    const unlabelled = [...new Set(pathsOf(action.input))].filter((p) => !labels[p] && !labels[p.split('.').at(-1) ?? '']);
    expect(unlabelled).toEqual([]);
  });

  it('a label is Chinese, never a path', () => {
    for (const label of Object.values(labels)) expect(label).toMatch(/^[^A-Za-z.]*[\u4e00-\u9fa5][^A-Za-z.]*$/);
  });

  it('array items and their fields are named by position', () => {
    const quote = catalogue.repairs.quote!;
    const error = quote.input.safeParse({ propertyId: 'demo', commandId: 'cmd-field-01', repairId: 'rp_1', version: 1, items: [{ code: 'tap', qty: 1 }, { code: 'tap', qty: 0 }] }, { reportInput: true }).error!;
    expect(fieldErrorsOf(error)).toEqual([{ field: 'items.1.qty', label: '收费项目第 2 项的数量', message: '收费项目第 2 项的数量不能小于 1' }]);
  });
});
