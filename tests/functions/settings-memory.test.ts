import { loadSettings, SETTINGS_REMEMBERED } from '../../cloudfunctions/_shared/settings';
import type { Database } from '../../cloudfunctions/_shared/database';

/** A database that has no settings stored and counts the settings reads it answers, by property. */
const countingDb = () => {
  const reads: string[] = [];
  const db = {
    collection: (name: string) => ({
      where: (filter: { _id: string }) => ({
        limit: () => ({
          get: async () => {
            if (name === 'settings') reads.push(filter._id);
            return { data: [] };
          },
        }),
      }),
    }),
  } as unknown as Database;
  return { db, reads };
};

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('issue 16: the settings a warm instance remembers are bounded', () => {
  it('made-up property ids past the limit push out the longest-read property, which is then read again', async () => {
    const { db, reads } = countingDb();
    const deps = { db, ...at('2026-12-06T08:00:00.000Z') };
    await loadSettings(deps, 'p-real');
    await loadSettings(deps, 'p-real');
    expect(reads).toEqual(['p-real']);
    for (let i = 0; i < SETTINGS_REMEMBERED; i++) await loadSettings(deps, `p-made-up-${i}`);
    expect(reads).toHaveLength(SETTINGS_REMEMBERED + 1);
    await loadSettings(deps, 'p-real');
    expect(reads.filter((id) => id === 'p-real')).toHaveLength(2);
    // The newest made-up ids are still remembered: the memory holds the limit, not fewer.
    await loadSettings(deps, `p-made-up-${SETTINGS_REMEMBERED - 1}`);
    expect(reads).toHaveLength(SETTINGS_REMEMBERED + 2);
  });

  it('a property read again moves to the back: reading it often keeps it remembered through a flood', async () => {
    const { db, reads } = countingDb();
    let clock = Date.parse('2026-12-06T08:00:00.000Z');
    const deps = { db, now: () => new Date(clock) };
    await loadSettings(deps, 'p-real');
    for (let i = 0; i < SETTINGS_REMEMBERED * 2; i++) {
      await loadSettings(deps, `p-made-up-${i}`);
      if (i % 100 === 99) {
        clock += 31_000;
        await loadSettings(deps, 'p-real');
      }
    }
    await loadSettings(deps, 'p-real');
    // Read once, then again only when its 30 s had passed (five times), never because it was pushed out.
    expect(reads.filter((id) => id === 'p-real')).toHaveLength(6);
  });
});
