import type { RepairCategory } from '../model/repair.model';
import { structuralDanger } from './structural-danger.rules';

/** R3: the seven urgent-repair clauses, in the handbook's order. The first clause that matches decides. */
export type TriageRule = 'R3.1' | 'R3.2' | 'R3.3' | 'R3.4' | 'R3.5' | 'R3.6' | 'R3.7';

export interface Triage {
  urgent: boolean;
  rule: TriageRule | null;
  /** The words in the request that matched, so desk and resident can see why. */
  matched: string | null;
}

interface Clause {
  rule: TriageRule;
  /** The words of the request that match the clause, or null. */
  find: (text: string, category: RepairCategory) => string | null;
}

const words =
  (pattern: RegExp) =>
  (text: string): string | null =>
    firstMatch(pattern, text);

const clauses: readonly Clause[] = [
  { rule: 'R3.1', find: words(/困人|被困|关在电梯|困在电梯|电梯.{0,3}(失控|下坠|坠落|冲顶|溜梯|下滑)/) },
  { rule: 'R3.2', find: (text, category) => structuralDanger(text, category === 'structure') },
  { rule: 'R3.3', find: words(/漏电|触电|(全屋|整屋|家里|室内|屋里|房间)?(停电|断电|没电)|电线(冒烟|起火|烧)/) },
  {
    rule: 'R3.4',
    find: words(/水泵(坏|故障|不转|停)|爆管|水管(爆|破裂|裂开)|水表.{0,4}(爆|破裂|喷水)|停水|(水龙头|龙头).{0,4}(爆|喷水|关不住|严重漏水|漏水严重)|严重漏水|漏水严重|喷水/),
  },
  {
    rule: 'R3.5',
    find: words(/(楼板|踏步|楼梯台阶|台阶).{0,4}(断|破|裂|塌|碎)|(扶手|栏杆|护栏).{0,4}(松|断|坏|脱|晃|掉)/),
  },
  {
    rule: 'R3.6',
    find: words(/(门|窗|玻璃|外墙|墙皮|瓷砖|窗框).{0,6}(要掉|快掉|坠落|掉落|脱落|松脱|摇摇欲坠)|外墙(渗水|渗漏)/),
  },
  { rule: 'R3.7', find: words(/危险|冒烟|起火|着火|火花|燃气泄漏|煤气泄漏|漏气|有人受伤/) },
];

/** A match right after 不/没/无/未 ("没有漏电") is a denial, not a report. */
const negated = (text: string, index: number): boolean => /[不没无未]/.test(text.slice(Math.max(0, index - 2), index));

const firstMatch = (pattern: RegExp, text: string): string | null => {
  const global = new RegExp(pattern.source, 'g');
  for (const found of text.matchAll(global)) {
    if (!negated(text, found.index ?? 0)) return found[0];
  }
  return null;
};

/** The category names the place (电梯, 给排水); the words say what is wrong, so both are read together. */
export const triageRepair = (category: RepairCategory, description: string): Triage => {
  const text = `${categoryWords[category]}${description}`.replace(/\s+/g, '');
  for (const clause of clauses) {
    const matched = clause.find(text, category);
    if (matched) return { urgent: true, rule: clause.rule, matched };
  }
  return { urgent: false, rule: null, matched: null };
};

/** "电梯" + "突然下坠" must read as 电梯突然下坠; a category word never matches a clause alone. */
const categoryWords: Record<RepairCategory, string> = {
  elevator: '电梯',
  water: '',
  electrical: '',
  door_window: '',
  structure: '',
  railing: '',
  gas_appliance: '',
  public_area: '',
  other: '',
};
