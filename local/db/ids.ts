import { randomBytes, randomFillSync } from 'node:crypto';

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** Random bytes drawn 4 KiB at a time: a `randomBytes` call per id word cost a create 1 % of its CPU (two words an id, several ids a create). */
const POOL = Buffer.alloc(4096);
let used = POOL.length;
const randomHex = (bytes: number): string => {
  if (used + bytes > POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  used += bytes;
  return POOL.toString('hex', used - bytes, used);
};

/**
 * 32 hex characters like the cloud's auto ids (e.g. "0f4b8add5cdd728a003bf5c83ed99dff": a random word,
 * the unix seconds, a counter, a random word).
 */
export const createIdGenerator = (now: () => Date): (() => string) => {
  let counter = randomBytes(3).readUIntBE(0, 3);
  return () => {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(now().getTime() / 1000);
    return `${randomHex(4)}${hex8(seconds)}${hex8(counter)}${randomHex(4)}`;
  };
};
