import { checkKeyRows, KEY_TEMPLATE_EXAMPLES, KEY_TEMPLATE_HEADER, MAX_KEY_ROWS } from '@shared/domain/key-import.rules';

const HEADER = [...KEY_TEMPLATE_HEADER];
const check = (...rows: string[][]) => checkKeyRows([HEADER, ...rows]);
const problemsOf = (...rows: string[][]) => {
  const r = check(...rows);
  return typeof r === 'string' ? r : r.problems.map((p) => `${p.line}:${p.column}:${p.problem}`);
};

describe('K1: a key register row, column by column', () => {
  it.each([
    [['住户钥匙', '1-1-101', 'Z-1', '常用', '0'], []],
    [['住户', '3-2-1502', 'Z-1', '备用', ''], []],
    [['公共门窗', '1号楼3层', 'G-1', '应急备用', '0'], []],
    [['设备', '水泵房', 'SB-1', '常用', '10000'], []],
    [['设备房', '水泵房', 'SB-1', '常用', '10000.01'], ['2:deposit:bad_deposit']],
    [['设备房', '水泵房', 'SB-1', '常用', '-5'], ['2:deposit:bad_deposit']],
    [['设备房', '水泵房', 'SB-1', '常用', '1.234'], ['2:deposit:bad_deposit']],
    [['钥匙', '水泵房', 'SB-1', '常用', '0'], ['2:kind:unknown_kind']],
    [['', '水泵房', 'SB-1', '常用', '0'], ['2:kind:missing']],
    [['住户钥匙', '101室', 'Z-1', '常用', '0'], ['2:opens:bad_room']],
    [['住户钥匙', '', '', '', ''], ['2:opens:missing', '2:label:missing', '2:set:missing']],
    [['水表箱', 'x'.repeat(41), 'SX-1', '常用', '0'], ['2:opens:too_long']],
    [['水表箱', '1单元', 'S'.repeat(41), '借出', '0'], ['2:label:too_long', '2:set:unknown_set']],
  ])('K1: %j → %j', (row, expected) => {
    expect(problemsOf(row)).toEqual(expected);
  });

  it('K1: a resident key\'s room is written as its label, upper-cased; other kinds keep what they open as written', () => {
    const r = check(['住户钥匙', '3-a-1502', 'Z-1', '常用', '12.5'], ['住户钥匙', '3-a-1502', 'Z-1-备', '备用', ''], ['公共门窗', '1号楼 3层', 'G-1', '常用', ''], ['公共门窗', '1号楼 3层', 'G-1-备', '备用', '']);
    expect(typeof r !== 'string' && r.rows.map((k) => [k.opens, k.depositFen, k.room])).toEqual([
      ['3-A-1502', 1250, { building: '3', unit: 'A', room: '1502' }],
      ['3-A-1502', 0, { building: '3', unit: 'A', room: '1502' }],
      ['1号楼 3层', 0, null],
      ['1号楼 3层', 0, null],
    ]);
  });

  it('K1: a label twice within its kind is a duplicate at its second row; the same label in another kind is not', () => {
    const r = check(['设备房', '泵房', 'A-1', '常用', ''], ['水表箱', '1单元', 'A-1', '常用', ''], ['设备房', '配电房', 'A-1', '备用', '']);
    expect(typeof r !== 'string' && r.problems).toEqual([{ line: 4, column: 'label', problem: 'duplicate', firstLine: 2 }]);
  });

  it('K1: one emergency spare set per kind: each kind the file lists needs a spare', () => {
    const r = check(['设备房', '泵房', 'A-1', '常用', ''], ['水表箱', '1单元', 'S-1', '常用', ''], ['水表箱', '1单元', 'S-1-备', '备用', '']);
    expect(typeof r !== 'string' && r.sparesMissing).toEqual(['equipment']);
  });

  it('K1: the file as a whole: no header, nothing in it, more than the most rows', () => {
    expect(checkKeyRows([])).toBe('empty');
    expect(checkKeyRows([['楼栋', '单元', '房号']])).toBe('bad_header');
    expect(check(['', '', '', '', ''])).toBe('empty');
    expect(check(...Array.from({ length: MAX_KEY_ROWS + 1 }, (_, i) => ['设备房', '泵房', `A-${i}`, '常用', '']))).toBe('too_many');
  });

  it('K1: the template\'s examples pass: every kind with its spare', () => {
    const r = check(...KEY_TEMPLATE_EXAMPLES.map((row) => [...row]));
    expect(typeof r !== 'string' && [r.problems, r.sparesMissing, r.rows.length]).toEqual([[], [], 8]);
  });
});
