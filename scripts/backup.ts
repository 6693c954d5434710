// npm run backup [-- <file>]: a consistent copy of the local database while the system runs
// (SQLite's online backup). Default: backups/database-<time>.sqlite. To restore, stop the system and
// put the copy in the data directory as database.sqlite (removing database.sqlite-wal and -shm).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupDatabaseFile } from '../local/db';

const root = resolve(__dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const destination = resolve(process.argv[2] ?? join(root, 'backups', `database-${stamp}.sqlite`));

mkdirSync(dirname(destination), { recursive: true });
backupDatabaseFile(dataDir, destination)
  .then(() => console.log(`backed up ${join(dataDir, 'database.sqlite')} to ${destination}`))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
