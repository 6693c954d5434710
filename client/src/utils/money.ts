/** "30", "30.5", "30.50" yuan → 3050 fen, without floating point; null when it is not an amount. */
export const parseYuan = (text: string): number | null => {
  const match = /^\s*(\d{1,7})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
};
