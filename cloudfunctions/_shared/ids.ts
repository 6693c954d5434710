import * as crypto from 'node:crypto';

/**
 * SHA-256 of `text` in hex: Node's one-shot `crypto.hash` (Node 20.12 and 21.7 on) where the runtime has
 * it, a third of `createHash`'s time for a short text; `createHash` on a cloud runtime without it. Same digest.
 */
const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => (crypto as unknown as { hash: (algorithm: string, data: string, encoding: 'hex') => string }).hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** A stable id derived from its parts, so a retried command writes to the same documents. */
export const derivedId = (prefix: string, ...parts: string[]): string => `${prefix}_${sha256Hex(parts.join('\u0000')).slice(0, 24)}`;

export const randomId = (prefix: string): string => `${prefix}_${crypto.randomBytes(12).toString('hex')}`;
