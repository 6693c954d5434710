/**
 * R3(2) 房屋结构性损坏发生危险: a structure giving way (collapse, a broken beam or column, a building
 * that tilts), or a crack in a wall, beam, column or ceiling that is growing, sheds plaster or
 * concrete, or shows its steel. A crack with none of those signs (a hairline that has not moved)
 * is an ordinary repair. Read on the description with its spaces removed.
 */
const givingWay = /坍塌|塌方|倒塌|塌陷|(顶|墙|梁|柱|楼板|天花|吊顶|屋面).{0,3}塌|(承重墙|墙体|梁|柱|楼体|楼房|房子|房屋结构).{0,4}(断裂|断了|折断|倾斜|下沉)/g;

const crack = /裂缝|裂纹|裂痕|裂口|开裂|裂开|裂了|龟裂/g;
/** Wall, beam, column, ceiling: not what hangs on them (wallpaper, tiles, paint). */
const member = /承重墙|墙体|墙面|墙壁|墙皮|墙(?![纸布砖贴漆])|横梁|房梁|大梁|梁|柱子|立柱|柱|天花板|天花|顶棚|吊顶|屋顶|楼顶|房顶|顶板|屋面|楼板/g;
const signs = [
  /越来越(大|宽|长|深|多|明显|严重)|一天比一天(大|宽|长|深)|越裂越(大|宽|长|深)|(变|加)(大|宽|长|深)|扩大|增大|蔓延|延伸/g,
  /(水泥|混凝土|墙皮|石灰)[块渣片]?[都也]?(往下)?掉(下来)?|(往下)?掉了?[几一两些]?[块片]?(渣|灰|墙皮|水泥|混凝土|沙|砂|石灰)|掉(块|下来)|剥落|脱落/g,
  /露筋|钢筋/g,
];

/** How far before a crack its wall or beam is named, and how far around it a sign still belongs to it. */
const MEMBER_BEFORE = 8;
const SIGN_BEFORE = 8;
const SIGN_AFTER = 20;

/** Denied by 不/没/无/未/别 just before it ("没有变大", "不会再扩大"), unless a comma or a "but" comes between. */
const denied = (text: string, index: number): boolean => {
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const ch = text[i] ?? '';
    if (/[，,。.；;！!？?但却可]/.test(ch)) return false;
    if (/[不没无未别]/.test(ch)) return true;
  }
  return false;
};

interface Found {
  start: number;
  end: number;
}

const all = (pattern: RegExp, text: string): Found[] =>
  [...text.matchAll(pattern)].filter((m) => !denied(text, m.index ?? 0)).map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));

/** The words that show structural danger, or null. `structure`: the resident filed it under 墙体/楼板, which names the member. */
export const structuralDanger = (text: string, structure: boolean): string | null => {
  const fell = all(givingWay, text)[0];
  if (fell) return text.slice(fell.start, fell.end);
  const found = signs.flatMap((s) => all(s, text));
  for (const c of all(crack, text)) {
    const from = Math.max(0, c.start - MEMBER_BEFORE);
    const named = all(member, text.slice(from, c.start)).pop();
    if (!named && !structure) continue;
    const after = found.filter((s) => s.start >= c.end && s.start - c.end <= SIGN_AFTER).sort((a, b) => a.start - b.start)[0];
    const before = found.filter((s) => s.end <= c.start && c.start - s.end <= SIGN_BEFORE).sort((a, b) => b.start - a.start)[0];
    const sign = after ?? before;
    if (!sign) continue;
    const start = Math.min(named ? from + named.start : c.start, sign.start);
    return text.slice(start, Math.max(c.end, sign.end));
  }
  return null;
};
