import { rankTechnicians } from '@shared/domain/dispatch.rules';

const tech = (name: string, skills: ('plumbing' | 'electrical' | 'elevator' | 'general')[], openOrders: number, rating: number | null) => ({
  memberId: `mb_${name}`,
  name,
  skills,
  openOrders,
  rating,
});

describe('R4: dispatch suggestions rank by skill, workload and rating, and carry the facts they were ranked by', () => {
  it('R4: the right skill comes before a lighter load', () => {
    const ranked = rankTechnicians('water', [tech('孙', ['electrical'], 0, 5), tech('李', ['plumbing'], 3, 3)]);
    expect(ranked.map((c) => c.name)).toEqual(['李', '孙']);
    expect(ranked[0]).toMatchObject({ skillMatch: true, openOrders: 3, rating: 3 });
    expect(ranked[1]).toMatchObject({ skillMatch: false, openOrders: 0, rating: 5 });
  });

  it('R4: among the right skill, the lighter load first; at equal load, the better rating', () => {
    const ranked = rankTechnicians('water', [tech('甲', ['plumbing'], 2, 5), tech('乙', ['plumbing'], 1, 3), tech('丙', ['plumbing'], 1, 4.5)]);
    expect(ranked.map((c) => c.name)).toEqual(['丙', '乙', '甲']);
  });

  it('R4: an unrated technician ranks after a rated one at equal load', () => {
    const ranked = rankTechnicians('elevator', [tech('新', ['elevator'], 0, null), tech('老', ['elevator'], 0, 4)]);
    expect(ranked.map((c) => c.name)).toEqual(['老', '新']);
    expect(ranked[1]).toMatchObject({ name: '新', rating: null });
  });
});
