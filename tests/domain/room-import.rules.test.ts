import { checkRoomRows, parseCsv, templateCsv } from '@shared/domain/room-import.rules';

const header = ['楼栋', '单元', '房号'];

describe('issue 7 (2): checking a spreadsheet of rooms before anything is written', () => {
  it('reads every good row, with the row number the spreadsheet shows, upper-casing letters', () => {
    const checked = checkRoomRows([header, ['1', '1', '101'], ['a', '2', '1502']]);
    expect(checked).toEqual({
      rows: [
        { line: 2, building: '1', unit: '1', room: '101' },
        { line: 3, building: 'A', unit: '2', room: '1502' },
      ],
      problems: [],
    });
  });

  it.each([
    [['', '1', '101'], 'missing_building'],
    [['1', '', '101'], 'missing_unit'],
    [['1', '1', ''], 'missing_room'],
    [['1', '1', '12345678901'], 'too_long'],
    [['1', '1-2', '101'], 'bad_characters'],
    [['3栋', '1', '101'], 'bad_characters'],
    [['1', '1', '10:1'], 'bad_characters'],
  ])('reports %j as %s, by its row number', (row, problem) => {
    const checked = checkRoomRows([header, ['1', '1', '100'], row]);
    expect(checked).toEqual({ rows: [{ line: 2, building: '1', unit: '1', room: '100' }], problems: [{ line: 3, problem, firstLine: null }] });
  });

  it('reports a room listed twice at its second row, naming the first, however it was typed', () => {
    const checked = checkRoomRows([header, ['1', '1', '101'], ['2', '1', '101'], [' 1 ', '1', '101']]);
    expect(typeof checked !== 'string' && checked.problems).toEqual([{ line: 4, problem: 'duplicate', firstLine: 2 }]);
  });

  it('skips blank rows but keeps counting them', () => {
    const checked = checkRoomRows([header, ['', '', ''], [], ['1', '1', '101']]);
    expect(typeof checked !== 'string' && checked.rows.map((r) => r.line)).toEqual([4]);
  });

  it('refuses a file without the header or without any room', () => {
    expect(checkRoomRows([['1', '1', '101']])).toBe('bad_header');
    expect(checkRoomRows([])).toBe('empty');
    expect(checkRoomRows([header, ['', '', '']])).toBe('empty');
    expect(typeof checkRoomRows([['Building', 'Unit', 'Room'], ['1', '1', '101']])).toBe('object');
  });

  it('parses CSV with a BOM, quoted commas and quotes, CRLF and a last line without a break', () => {
    expect(parseCsv('\uFEFF楼栋,单元,房号\r\n"1","1","1,01"\r\n2,"a""b",3')).toEqual([header, ['1', '1', '1,01'], ['2', 'a"b', '3']]);
  });

  it('the template passes its own check', () => {
    const checked = checkRoomRows(parseCsv(templateCsv()));
    expect(typeof checked !== 'string' && checked.rows.length).toBe(2);
  });
});
