import { repairPromise } from '@shared/domain/repair-promise.rules';
import { DEFAULT_REPAIR_PROMISE, defaultSettings } from '@shared/model/settings.model';

describe('issue 18 (2): what a resident is promised the moment she files a repair', () => {
  it.each([
    ['R3: an urgent repair has reached the people on duty, whatever the property promises for the others', 'urgent', 30, { kind: 'urgent' }],
    ['R4: a normal repair is dispatched within the minutes the property promises', 'normal', 30, { kind: 'dispatch', withinMinutes: 30 }],
    ['R4: one minute is a promise too', 'normal', 1, { kind: 'dispatch', withinMinutes: 1 }],
  ] as const)('%s', (_name, priority, dispatchMinutes, expected) => {
    expect(repairPromise(priority, { dispatchMinutes })).toEqual(expected);
  });

  it('a property that set nothing promises 15 minutes, as the issue words it', () => {
    expect(defaultSettings('p1').repairPromise).toEqual(DEFAULT_REPAIR_PROMISE);
    expect(repairPromise('normal', defaultSettings('p1').repairPromise)).toEqual({ kind: 'dispatch', withinMinutes: 15 });
  });
});
