import { triageRepair } from '@shared/domain/triage.rules';
import type { RepairCategory } from '@shared/model/repair.model';

describe('R3: urgent repairs are recognised and say which clause matched', () => {
  const urgent: [RepairCategory, string, string, string][] = [
    ['elevator', '3号楼电梯困人了，快来', 'R3.1', '困人'],
    ['elevator', '突然下坠，吓死了', 'R3.1', '电梯突然下坠'],
    ['structure', '客厅承重墙开裂，越来越宽', 'R3.2', '承重墙开裂'],
    ['electrical', '插座漏电，孩子碰了一下', 'R3.3', '漏电'],
    ['electrical', '家里停电了，邻居有电', 'R3.3', '家里停电'],
    ['water', '厨房水管爆了，水喷得到处都是', 'R3.4', '水管爆'],
    ['water', '水龙头关不住了', 'R3.4', '水龙头关不住'],
    ['water', '地下室水泵坏了，整栋楼停水', 'R3.4', '水泵坏'],
    ['railing', '阳台栏杆松动了', 'R3.5', '栏杆松'],
    ['structure', '楼梯踏步断了一块', 'R3.5', '踏步断'],
    ['door_window', '窗户玻璃要掉下去了', 'R3.6', '窗户玻璃要掉'],
    ['structure', '外墙渗水很严重', 'R3.6', '外墙渗水'],
    ['gas_appliance', '厨房有股煤气味，好像漏气', 'R3.7', '漏气'],
  ];
  it.each(urgent)('R3: %s "%s" is urgent by %s', (category, text, rule, matched) => {
    expect(triageRepair(category, text)).toEqual({ urgent: true, rule, matched });
  });

  const normal: [RepairCategory, string][] = [
    ['water', '洗手盆下水有点慢'],
    ['water', '水龙头一直滴水'],
    ['elevator', '电梯按钮灯不亮'],
    ['electrical', '没有漏电，就是灯不亮'],
    ['electrical', '不是停电，是开关坏了'],
    ['door_window', '门把手松了'],
    ['other', '想换个门禁卡'],
  ];
  it.each(normal)('R3: %s "%s" is a normal repair', (category, text) => {
    expect(triageRepair(category, text)).toEqual({ urgent: false, rule: null, matched: null });
  });

  it('R3: the first clause in the handbook order decides when two match', () => {
    expect(triageRepair('elevator', '电梯困人，而且轿厢里漏水严重').rule).toBe('R3.1');
  });

  it('R3: a denial does not hide a real report later in the same text', () => {
    expect(triageRepair('electrical', '不是跳闸，是插座漏电')).toMatchObject({ urgent: true, rule: 'R3.3', matched: '漏电' });
  });

  it('R3: spaces typed by voice input do not break a match', () => {
    expect(triageRepair('elevator', '有人 被 困')).toMatchObject({ urgent: true, rule: 'R3.1' });
  });
});
