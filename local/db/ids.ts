import { randomBytes } from 'node:crypto';

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/**
 * 32 hex characters like the cloud's auto ids (e.g. "0f4b8add5cdd728a003bf5c83ed99dff": a random word,
 * the unix seconds, a counter, a random word).
 */
export const createIdGenerator = (now: () => Date): (() => string) => {
  let counter = randomBytes(3).readUIntBE(0, 3);
  return () => {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(now().getTime() / 1000);
    return `${randomBytes(4).toString('hex')}${hex8(seconds)}${hex8(counter)}${randomBytes(4).toString('hex')}`;
  };
};
