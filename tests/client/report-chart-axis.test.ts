import { axisOf, compareChart, seriesOf } from '../../client/src/pages/reports/charts';

const counts = (...data: number[]) => seriesOf(data.map((n, i) => [`类别${i}`, String(n), '0', '']));

/** C8 R9: the report's charts read in whole counts and in per cent from 0 to 100, never 0.4 of a repair. */
describe('C8: the value axis of the report charts', () => {
  it('counts: whole steps, at most 5, the top the first multiple of the step at or above the largest figure', () => {
    expect(axisOf(counts(2, 1))).toEqual({ min: 0, max: 2, splitNumber: 2 });
    expect(axisOf(counts(0, 0))).toEqual({ min: 0, max: 1, splitNumber: 1 });
    expect(axisOf(counts(5))).toEqual({ min: 0, max: 5, splitNumber: 5 });
    expect(axisOf(counts(7, 3))).toEqual({ min: 0, max: 8, splitNumber: 4 });
    expect(axisOf(counts(23))).toEqual({ min: 0, max: 25, splitNumber: 5 });
    for (const largest of [1, 3, 6, 11, 99, 250]) {
      const { max, splitNumber } = axisOf(counts(largest));
      expect({ largest, whole: Number.isInteger(max / splitNumber), fits: max >= largest, steps: splitNumber <= 5 }).toEqual({ largest, whole: true, fits: true, steps: true });
    }
  });

  it('rates: 0 to 100 % in steps of 20, whatever the figures', () => {
    expect(axisOf(compareChart([{ name: '阳光花园', current: { slaRate: 0.667, repairCallbackRate: null, complaintCallbackRate: 1 } }]))).toEqual({ min: 0, max: 100, splitNumber: 5 });
  });
});
