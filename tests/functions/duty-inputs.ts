import { memberIdOf, PROPERTY } from './harness';

/** A valid input for each duty action (issue 19, 1), for the bad-input and authorisation harnesses. */
export const areaInputs = (): Record<string, Record<string, unknown>> => {
  const onEntry = (name: string) => ({ propertyId: PROPERTY, commandId: `bad-input-${name}`, pageId: `${PROPERTY}~2026-11-23~0800`, entryId: 'de_x', version: 1 });
  const entry = { handling: '已通知保安到场', followUp: '', result: '', status: 'following' };
  return {
    'duty.page': { propertyId: PROPERTY },
    'duty.logEntry': { propertyId: PROPERTY, commandId: 'bad-input-dlog', kind: 'theft', what: '3栋车棚电动车被盗', ...entry },
    'duty.confirmProposal': { propertyId: PROPERTY, commandId: 'bad-input-dconfirm', source: { kind: 'complaint', id: 'cp_x' }, ...entry },
    'duty.updateEntry': { ...onEntry('dupdate'), ...entry },
    'duty.recordEmergency': { ...onEntry('demergency'), account: '22:10 发现车棚被盗，已报警', photos: [`cloud://local.local/uploads/${memberIdOf('o-desk-chen')}/theft.jpg`] },
    'duty.signIn': { propertyId: PROPERTY, commandId: 'bad-input-dsignin' },
    'duty.handOver': { propertyId: PROPERTY, commandId: 'bad-input-dhand', pageId: `${PROPERTY}~2026-11-23~0800`, matters: [], instructions: '', preparation: [true, true, true, true], substituteId: null },
    'duty.receive': { propertyId: PROPERTY, commandId: 'bad-input-dreceive', handoverId: `${PROPERTY}~2026-11-23~0800`, version: 1 },
    'duty.day': { propertyId: PROPERTY, date: '2026-11-23' },
    'duty.signDay': { propertyId: PROPERTY, commandId: 'bad-input-dsign', date: '2026-11-22', remarks: '' },
  };
};
