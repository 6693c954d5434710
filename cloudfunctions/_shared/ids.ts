import { createHash, randomBytes } from 'node:crypto';

/** A stable id derived from its parts, so a retried command writes to the same documents. */
export const derivedId = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

export const randomId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;
