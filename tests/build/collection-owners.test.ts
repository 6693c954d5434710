/**
 * The outbox has one owner (issue 5; the notices review): `cloudfunctions/_shared/outbox.ts` writes,
 * sends and reads it, and the areas ask it (`inboxNotices`, `hasInboxNoticesAbout`, `deadNotices`,
 * …), so every query on the collection is one of the shapes its declared indexes serve, in one place.
 * Any other file under cloudfunctions/ that names the collection fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const functions = join(root, 'cloudfunctions');
const OWNER = 'cloudfunctions/_shared/outbox.ts';

/** The ways code names the collection: the SDK's collection('outbox'), a list source, or the stored model's collection. */
const naming = [/collection\(\s*['"`]outbox['"`]\s*\)/, /collection:\s*['"`]outbox['"`]/, /outboxModel\.collection/, /findById\([^)]*outboxModel/];
const namesOutbox = (text: string) => naming.some((pattern) => pattern.test(text));

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [relative(root, path)] : [];
  });

describe('the outbox collection is named by its module alone', () => {
  it('no file under cloudfunctions/ but _shared/outbox.ts names it', () => {
    const files = sources(functions);
    expect(files).toContain(OWNER);
    expect(files.filter((file) => file !== OWNER && namesOutbox(readFileSync(join(root, file), 'utf8')))).toEqual([]);
  });

  it('the check sees each way an area used to name it (the inbox page, the health and company counts, the markRead scan, a notice by id)', () => {
    expect(
      [
        "const notices = { collection: 'outbox', where: {}, sort: [] };",
        "db.collection('outbox').where({ propertyId, status: 'dead' }).count()",
        "await db\n  .collection(\"outbox\")\n  .where({ recipient })",
        'await findById(deps.db, outboxModel, input.noticeId)',
        'db.collection(outboxModel.collection)',
      ].map(namesOutbox),
    ).toEqual([true, true, true, true, true]);
    expect(namesOutbox(readFileSync(join(root, OWNER), 'utf8'))).toBe(true);
    // The timer's step of that name is no query.
    expect(namesOutbox("const outbox = await run('outbox', (s) => drainOutbox(s));")).toBe(false);
  });
});
