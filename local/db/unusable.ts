import * as path from 'node:path';

/**
 * The database file cannot be used as it is (damaged, cut short, or not this system's). Nothing
 * has been written to it; the message is one line that names the file and what to do.
 */
export class DatabaseUnusable extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(
      `The local database ${file} cannot be used: ${reason}. It was left untouched. Restore it from a backup (npm run backup makes one), or delete ${path.dirname(file)} to start again with the demo data.`,
    );
    this.name = 'DatabaseUnusable';
  }
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const unusable = (file: string, reason: unknown): DatabaseUnusable =>
  new DatabaseUnusable(file, oneLine(reason instanceof Error ? reason.message : String(reason)));
