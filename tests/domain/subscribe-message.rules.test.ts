import { cut, messageData, valueFor, type MessageFacts } from '@shared/domain/subscribe-message.rules';

const facts: MessageFacts = {
  title: '急修 · 1-1-101',
  body: '给排水：厨房水管爆裂，水流不止，请尽快派人上门处理，谢谢物业的师傅们',
  time: '2026-11-23T15:30:00.000Z',
  address: '1-1-101',
  status: '待确认报价',
  name: '欧阳娜娜丽莎·古力娜扎',
  amountFen: 3050,
  phone: '13800000101',
};

describe('issue 5: subscribe-message data within WeChat\'s limits per field type', () => {
  it.each([
    ['thing1', 'body', '给排水：厨房水管爆裂，水流不止，请尽快…'],
    ['thing2', 'title', '急修 · 1-1-101'],
    ['time3', 'time', '2026-11-23 23:30'],
    ['date4', 'time', '2026-11-23'],
    ['phrase5', 'status', '待确认报价'],
    ['name6', 'name', '欧阳娜娜丽莎·古力…'],
    ['amount7', 'amount', '30.50元'],
    ['phone_number8', 'phone', '13800000101'],
    ['character_string9', 'address', '1-1-101'],
  ] as const)('%s from %s is %j', (key, source, expected) => {
    expect(valueFor(key, facts, source)).toBe(expected);
  });

  it('thing is cut to 20 characters, phrase to 5, name to 10, with the cut marked and no character split', () => {
    expect([...(valueFor('thing1', facts, 'body') as string)]).toHaveLength(20);
    expect([...(valueFor('phrase1', facts, 'status') as string)].length).toBeLessThanOrEqual(5);
    expect(valueFor('phrase1', { ...facts, status: '无人在家已留言' }, 'status')).toBe('无人在家…');
    expect([...(valueFor('name1', facts, 'name') as string)]).toHaveLength(10);
    expect(cut('😀'.repeat(30), 20)).toBe(`${'😀'.repeat(19)}…`);
    expect(cut('刚好二十个字刚好二十个字刚好二十个字刚好', 20)).toBe('刚好二十个字刚好二十个字刚好二十个字刚好');
  });

  it('a value a type cannot carry leaves the message unsent rather than refused by WeChat', () => {
    expect(valueFor('number1', facts, 'address')).toBeNull();
    expect(valueFor('letter1', facts, 'address')).toBeNull();
    expect(valueFor('character_string1', facts, 'title')).toBeNull();
    expect(messageData([{ key: 'thing1', source: 'title' }, { key: 'number2', source: 'address' }], facts)).toBeNull();
  });

  it('builds the data object of every configured field', () => {
    expect(messageData([{ key: 'thing1', source: 'title' }, { key: 'time2', source: 'time' }, { key: 'phrase3', source: 'status' }], { ...facts, status: '已派单' })).toEqual({
      thing1: { value: '急修 · 1-1-101' },
      time2: { value: '2026-11-23 23:30' },
      phrase3: { value: '已派单' },
    });
  });
});
