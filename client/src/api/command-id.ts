const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A write's idempotency key: 24 characters of [A-Za-z0-9_-]. A retry of the same write sends the
 * same key, so the function applies it once. Time-prefixed so two devices never collide in practice
 * even where Math.random is weak.
 */
export const newCommandId = (now: number = Date.now(), random: () => number = Math.random): string => {
  let id = now.toString(36);
  while (id.length < 24) id += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '_';
  return id;
};
