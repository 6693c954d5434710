/**
 * Issue 17 (3): no rule code on a screen. The handbook's rule ids (R3.4, C5, B2 …) name rules for the
 * team and the tests; what people read says the rule in words. Every text of both catalogues is read.
 */
import { messages } from '@shared/messages';
import { ui } from '../../client/src/i18n/ui.zh-CN';

const RULE_CODE = /(^|[^A-Za-z0-9])[RCBVDKP][0-9]{1,2}(\.[0-9]+)?(?![0-9A-Za-z])/;

/** Every string value with its path ("complaintDesk.replyExpected"). */
const textsOf = (value: unknown, path: string[] = []): Array<[string, string]> => {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, [...path, key]));
  return [];
};

describe('issue 17 (3): the words people read carry no rule code', () => {
  it.each([
    ['the shared catalogue', messages],
    ['the client catalogue', ui],
  ] as const)('%s', (_name, catalogue) => {
    expect(textsOf(catalogue).filter(([, text]) => RULE_CODE.test(text))).toEqual([]);
  });

  it('the pattern finds a code where one is left', () => {
    expect(textsOf({ a: '按投诉方式答复（C5）', b: 'R3.4 水泵故障', c: '3 分钟', d: '1-1-101' }).filter(([, text]) => RULE_CODE.test(text)).map(([path]) => path)).toEqual(['a', 'b']);
  });
});
