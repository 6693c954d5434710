/** Inputs wrong in generated ways, from one valid input: the bad-input and error-declaration harnesses send them. */
const wrongTypes = [null, 42, true, 'x', [], {}];

export const mutations = (valid: Record<string, unknown>): [string, unknown][] => {
  const out: [string, unknown][] = [
    ['not an object', 'hello'],
    ['null', null],
    ['an array', [valid]],
    ['an unknown extra field', { ...valid, status: 'dispatched' }],
  ];
  for (const key of Object.keys(valid)) {
    const { [key]: _dropped, ...missing } = valid;
    out.push([`missing ${key}`, missing]);
    for (const wrong of wrongTypes) {
      if (JSON.stringify(wrong) !== JSON.stringify(valid[key])) out.push([`${key} = ${JSON.stringify(wrong)}`, { ...valid, [key]: wrong }]);
    }
    if (typeof valid[key] === 'string') out.push([`${key} oversize`, { ...valid, [key]: 'x'.repeat(100_000) }]);
  }
  return out;
};
