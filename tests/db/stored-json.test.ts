import { decodeStored, encodeStored } from '../../local/db/stored-json';

/** How the local store writes a document into its file (local/db/stored-json.ts): JSON, with the values JSON cannot carry wrapped. */
describe('a stored document\'s text', () => {
  const at = new Date('2026-12-06T10:00:00.000Z');
  const doc = {
    _id: 'rp_1',
    text: '厨房 "水龙头"\n\u0000',
    n: 1.5,
    zero: 0,
    flags: [true, false, null],
    at,
    nested: { list: [{ when: at }, [1, [2]]], empty: {}, none: [] },
    gone: undefined,
    holes: [undefined, () => 1],
    nan: Number.NaN,
    inf: Infinity,
    minf: -Infinity,
    negz: -0,
    invalid: new Date(Number.NaN),
    re: /a.b/gi,
  };

  it('is JSON.stringify\'s text, each special value as its wrapper, and reads back as the document', () => {
    expect(encodeStored(doc)).toBe(
      '{"_id":"rp_1","text":"厨房 \\"水龙头\\"\\n\\u0000","n":1.5,"zero":0,"flags":[true,false,null],"at":{"$date":"2026-12-06T10:00:00.000Z"},' +
        '"nested":{"list":[{"when":{"$date":"2026-12-06T10:00:00.000Z"}},[1,[2]]],"empty":{},"none":[]},"holes":[null,null],' +
        '"nan":{"$numberDouble":"NaN"},"inf":{"$numberDouble":"Infinity"},"minf":{"$numberDouble":"-Infinity"},"negz":{"$numberDouble":"-0.0"},' +
        '"invalid":{"$date":{"$numberLong":"NaN"}},"re":{"$regularExpression":{"pattern":"a.b","options":"gi"}}}',
    );
    const back = decodeStored(encodeStored(doc));
    const { gone: _gone, invalid: _invalid, ...kept } = doc;
    expect({ ...back, invalid: undefined }).toEqual({ ...kept, holes: [null, null] });
    expect(Number.isNaN((back.invalid as Date).getTime())).toBe(true);
    expect(Object.is(back.negz, -0)).toBe(true);
    expect(back.re).toEqual(/a.b/gi);
  });

  it('of plain JSON values is JSON.stringify\'s own; one special value deep inside still gets its wrapper', () => {
    const plain = { _id: 'qt_1', count: 3, claims: ['a~1', 'b~"2"'], nested: { list: [{ n: -1.25, ok: true, none: null, gone: undefined }, [1, [2]]] }, holes: [undefined] };
    expect(encodeStored(plain)).toBe(JSON.stringify(plain));
    expect(encodeStored(plain)).toBe('{"_id":"qt_1","count":3,"claims":["a~1","b~\\"2\\""],"nested":{"list":[{"n":-1.25,"ok":true,"none":null},[1,[2]]]},"holes":[null]}');
    const deep = { ...plain, nested: { list: [{ n: 1 }, [1, [-0, at, Number.NaN]]] } };
    expect(encodeStored(deep)).toBe(
      '{"_id":"qt_1","count":3,"claims":["a~1","b~\\"2\\""],"nested":{"list":[{"n":1},[1,[{"$numberDouble":"-0.0"},{"$date":"2026-12-06T10:00:00.000Z"},{"$numberDouble":"NaN"}]]]},"holes":[null]}',
    );
    const back = decodeStored(encodeStored(deep)) as unknown as { nested: { list: [unknown, [number, [number, Date, number]]] } };
    expect(Object.is(back.nested.list[1][1][0], -0)).toBe(true);
    expect(back.nested.list[1][1][1]).toEqual(at);
  });
});
