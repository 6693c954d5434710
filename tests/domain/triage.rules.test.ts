import { triageRepair } from '@shared/domain/triage.rules';
import type { RepairCategory } from '@shared/model/repair.model';

describe('R3: urgent repairs are recognised and say which clause matched', () => {
  const urgent: [RepairCategory, string, string, string][] = [
    ['elevator', '3号楼电梯困人了，快来', 'R3.1', '困人'],
    ['elevator', '突然下坠，吓死了', 'R3.1', '电梯突然下坠'],
    ['structure', '客厅承重墙开裂，越来越宽', 'R3.2', '承重墙开裂，越来越宽'],
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

describe('R3(2): a crack in a wall, beam, column or ceiling that grows, sheds plaster or concrete, or shows steel is structural danger', () => {
  const dangerous: [RepairCategory, string, string][] = [
    ['structure', '客厅墙面裂缝越来越大，有掉渣', '墙面裂缝越来越大'],
    ['structure', '卧室墙上裂了一条缝，还往下掉渣', '墙上裂了一条缝，还往下掉渣'],
    ['structure', '天花板裂开了，一直在掉灰', '天花板裂开了，一直在掉灰'],
    ['structure', '阳台顶上的梁有裂缝，能看到钢筋', '梁有裂缝，能看到钢筋'],
    ['structure', '车库柱子开裂，露筋了', '柱子开裂，露筋'],
    ['structure', '楼道墙体裂纹这几天明显变宽了', '墙体裂纹这几天明显变宽'],
    ['structure', '顶棚裂缝在扩大，掉了几块水泥', '顶棚裂缝在扩大'],
    ['structure', '裂缝越来越长，晚上都不敢睡', '裂缝越来越长'],
    ['other', '厨房天花板开裂，混凝土块掉下来了', '天花板开裂，混凝土块掉下来'],
    ['public_area', '地下车库横梁裂了，钢筋都露出来了', '横梁裂了，钢筋'],
    ['structure', '墙 面 裂 缝 越 来 越 宽', '墙面裂缝越来越宽'],
    ['structure', '裂缝不大，但是一直掉渣', '裂缝不大，但是一直掉渣'],
    ['structure', '墙上的裂缝一天比一天宽', '墙上的裂缝一天比一天宽'],
    ['structure', '墙裂了，一碰就掉渣', '墙裂了，一碰就掉渣'],
    ['other', '屋顶的裂口越裂越大', '屋顶的裂口越裂越大'],
  ];
  it.each(dangerous)('R3.2: %s "%s" is urgent', (category, text, matched) => {
    expect(triageRepair(category, text)).toEqual({ urgent: true, rule: 'R3.2', matched });
  });

  const notDangerous: [RepairCategory, string][] = [
    ['structure', '墙面有一条细小的裂纹，好几年了没变化'],
    ['structure', '天花板有条发丝一样的细缝'],
    ['structure', '墙角有裂缝，没有变大，也没有掉渣'],
    ['structure', '卧室墙上裂了一条缝，不会再扩大了'],
    ['structure', '梁上有条裂纹，没看到钢筋'],
    ['structure', '墙没有裂缝，就是有点掉灰'],
    ['door_window', '墙纸裂开了，越来越大'],
    ['other', '桌子裂缝越来越大'],
    ['other', '玻璃杯裂了，渣子掉了一地'],
    ['structure', '墙面刷漆有点脏'],
    ['other', '墙上的挂钩断了'],
    ['other', '沙发塌了一块'],
    ['other', '卫生间墙砖裂了，掉了一块'],
  ];
  it.each(notDangerous)('R3.2: %s "%s" is not urgent', (category, text) => {
    expect(triageRepair(category, text)).toEqual({ urgent: false, rule: null, matched: null });
  });

  it('R3.2: collapse, tilting and a broken beam or column are dangerous on their own', () => {
    for (const text of ['楼道顶上塌了一块', '阳台的梁断裂了', '隔壁楼好像有点倾斜，楼体倾斜']) {
      expect(triageRepair('structure', text)).toMatchObject({ urgent: true, rule: 'R3.2' });
    }
  });
});

