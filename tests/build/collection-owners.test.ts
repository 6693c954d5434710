/**
 * Issue 15 (3): repositories own their collections. Each collection in the table below is named by
 * its owner module alone: the areas ask that module (`eventsOf`, `readSettingsInTx`, `inboxNotices`,
 * …), so every query on the collection is one of the shapes its declared indexes serve, in one
 * place. Any other file under cloudfunctions/ that names one of them fails here, by file and collection.
 * (The deadlines' owner is also kept by the lint: eslint.config.mjs.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const functions = join(root, 'cloudfunctions');

/** Collection → the only file(s) under cloudfunctions/ that may name it. */
const OWNERS: Record<string, readonly string[]> = {
  outbox: ['cloudfunctions/_shared/outbox.ts'],
  events: ['cloudfunctions/_shared/events.ts'],
  commands: ['cloudfunctions/_shared/commands.ts'],
  signals: ['cloudfunctions/_shared/signals.ts'],
  deadlines: ['cloudfunctions/_shared/deadlines.ts'],
  settings: ['cloudfunctions/_shared/settings.ts'],
  quotas: ['cloudfunctions/_shared/daily-limits.ts'],
  robots: ['cloudfunctions/_shared/robot.ts'],
  slots: ['cloudfunctions/_shared/places.ts'],
  readMarks: ['cloudfunctions/session/read-marks.repo.ts'],
  exports: ['cloudfunctions/reports/exports.repo.ts'],
  dutyDays: ['cloudfunctions/duty/duty.repo.ts'],
  dutyPages: ['cloudfunctions/duty/duty.repo.ts'],
  handovers: ['cloudfunctions/duty/duty.repo.ts'],
  fileGrants: ['cloudfunctions/files/files.repo.ts'],
  fileReads: ['cloudfunctions/files/files.repo.ts'],
  residentFiles: ['cloudfunctions/files/files.repo.ts'],
  keyDepositDays: ['cloudfunctions/keys/keys.repo.ts'],
  keyInventories: ['cloudfunctions/keys/keys.repo.ts'],
  keyLoans: ['cloudfunctions/keys/keys.repo.ts'],
  leftKeys: ['cloudfunctions/keys/keys.repo.ts'],
  keyImports: ['cloudfunctions/imports/key-import.ts'],
  invitations: ['cloudfunctions/members/invitations.ts'],
  erasures: ['cloudfunctions/members/privacy.ts'],
  groupVisits: ['cloudfunctions/visits/reception.ts'],
  receptions: ['cloudfunctions/visits/reception.ts'],
  keys: ['cloudfunctions/keys/keys.repo.ts'],
  consents: ['cloudfunctions/_shared/consents.ts'],
  bindings: ['cloudfunctions/members/bindings.repo.ts'],
  roomInvitations: ['cloudfunctions/members/bindings.repo.ts'],
  environment: ['cloudfunctions/_shared/environment.ts'],
  rooms: ['cloudfunctions/_shared/rooms.ts'],
  roomImports: ['cloudfunctions/_shared/rooms.ts'],
  properties: ['cloudfunctions/_shared/properties.ts'],
  members: ['cloudfunctions/_shared/membership.ts'],
  contentChecks: ['cloudfunctions/_shared/content-checks.repo.ts'],
  complaints: ['cloudfunctions/_shared/complaints.repo.ts'],
  complaintGroups: ['cloudfunctions/complaints/complaints.repo.ts'],
  complaintMatters: ['cloudfunctions/complaints/complaints.repo.ts'],
  complaintRegisters: ['cloudfunctions/complaints/complaints.repo.ts'],
  repairs: ['cloudfunctions/_shared/repairs.repo.ts', 'cloudfunctions/_shared/repairs.counts.ts'],
  callbacks: ['cloudfunctions/_shared/callbacks.ts'],
  bookings: ['cloudfunctions/_shared/places.ts'],
  quarantine: ['cloudfunctions/_shared/quarantine.ts'],
};

/**
 * Collection → the stored models of its documents: the generic helpers reach a collection through its
 * model (`findById(db, memberModel, id)`, `readAll(memberModel, …)`, `memberModel.collection`), so
 * naming the model in one of those ways outside the owner names the collection.
 */
const MODELS: Record<string, readonly string[]> = {
  outbox: ['outboxModel'],
  keys: ['keyModel'],
  consents: ['consentModel'],
  bindings: ['bindingModel'],
  roomInvitations: ['roomInvitationModel'],
  environment: ['companyModel', 'bootstrapModel', 'heartbeatModel', 'repairCallbackPlanModel'],
  rooms: ['roomModel'],
  roomImports: ['roomImportModel'],
  properties: ['propertyModel'],
  members: ['memberModel'],
  contentChecks: ['contentCheckModel'],
  complaints: ['complaintModel'],
  complaintGroups: ['complaintGroupModel'],
  complaintMatters: ['complaintMatterModel'],
  complaintRegisters: ['complaintRegisterModel'],
  repairs: ['repairModel'],
  callbacks: ['callbackModel'],
  bookings: ['bookingModel'],
  quarantine: ['quarantineModel'],
};

/**
 * The generic helpers of _shared/repo.ts reach a collection through its model (the outbox's notice by id was one):
 * the model's collection, a document by id (in a transaction or not), every page of a query (the model anywhere among readAll's arguments).
 */
const modelPatterns = (models: readonly string[] = []): RegExp[] =>
  models.flatMap((model) => [
    new RegExp(`\\b${model}\\.collection\\b`),
    new RegExp(`\\bfindById\\([^)]*\\b${model}\\b`),
    new RegExp(`\\breadInTx\\([^)]*\\b${model}\\b`),
    new RegExp(`\\breadAll\\([^)]*\\b${model}\\b`),
  ]);

const quoted = (name: string) => `['"\`]${name}['"\`]`;
/** The ways code names a collection: the SDK's collection('…') (on the database or a transaction), a list source, an insert-once. */
const namingPatterns = (name: string): RegExp[] => [
  new RegExp(`collection\\(\\s*${quoted(name)}\\s*\\)`),
  new RegExp(`collection:\\s*${quoted(name)}`),
  new RegExp(`addOnce\\([^,()]*,\\s*${quoted(name)}`),
  // Through its stored model(s): the model's collection, a document by id, every page of a query.
  ...modelPatterns(MODELS[name]),
];
const names = (name: string, text: string) => namingPatterns(name).some((pattern) => pattern.test(text));

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [relative(root, path)] : [];
  });

/** "file names collection" for each file under cloudfunctions/ that names a collection it does not own. */
const strays = (): string[] =>
  sources(functions).flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return Object.entries(OWNERS)
      .filter(([name, owners]) => !owners.includes(file) && names(name, text))
      .map(([name]) => `${file} names ${name}`);
  });

describe('each collection is named by its repository alone (issue 15, point 3)', () => {
  it('every owner in the table exists and names its collection', () => {
    const files = sources(functions);
    for (const [name, owners] of Object.entries(OWNERS)) {
      for (const owner of owners) {
        expect(files).toContain(owner);
        expect([name, owner, names(name, readFileSync(join(root, owner), 'utf8'))]).toEqual([name, owner, true]);
      }
    }
  });

  it('no file under cloudfunctions/ names a collection another module owns', () => {
    expect(strays()).toEqual([]);
  });

  describe('with a planted stray file under cloudfunctions/', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(join(functions, 'planted-'));
      writeFileSync(
        join(dir, 'stray.ts'),
        [
          "export const history = (db: any, id: string) => db.collection('events').where({ 'subject.id': id }).orderBy('at', 'asc').limit(100).get();",
          'export const save = (tx: any, id: string, data: object) => tx\n  .collection("settings")\n  .doc(id)\n  .set({ data });',
          "export const seed = (db: any, doc: object) => addOnce(db, 'readMarks', doc);",
          "const addOnce = (db: unknown, collection: string, doc: object) => ({ db, collection, doc });",
        ].join('\n'),
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fails naming the file and each collection it names', () => {
      const file = relative(root, join(dir, 'stray.ts'));
      expect(strays()).toEqual([`${file} names events`, `${file} names settings`, `${file} names readMarks`]);
    });
  });

  it('the check sees each way an area used to name the outbox (the inbox page, the health and company counts, the markRead scan, a notice by id), and a collection reached through its model', () => {
    expect(
      [
        "const notices = { collection: 'outbox', where: {}, sort: [] };",
        "db.collection('outbox').where({ propertyId, status: 'dead' }).count()",
        "await db\n  .collection(\"outbox\")\n  .where({ recipient })",
        'await findById(deps.db, outboxModel, input.noticeId)',
        'db.collection(outboxModel.collection)',
        'await readInTx(tx, outboxModel, id)',
      ].map((text) => names('outbox', text)),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ['await findById(deps.db, contentCheckModel, id)', 'db.collection(contentCheckModel.collection)', 'readAll(contentCheckModel, query)', 'parseAll(contentCheckModel, found.data)'].map((text) =>
        names('contentChecks', text),
      ),
    ).toEqual([true, true, true, false]);
    // A complaint by id, its group by id (the case loader's two reads): each names its own collection only.
    expect([names('complaints', 'findById(db, complaintModel, ref.id)'), names('complaints', 'findById(db, complaintGroupModel, ref.id)')]).toEqual([true, false]);
    expect(names('complaintGroups', 'findById(db, complaintGroupModel, ref.id)')).toBe(true);
    // The timer's step of that name is no query, nor is a collection whose name only begins alike.
    expect(names('outbox', "const outbox = await run('outbox', (s) => drainOutbox(s));")).toBe(false);
    expect(names('events', "db.collection('eventsArchive')")).toBe(false);
  });

  it('the check sees a collection reached through its stored model by the generic helpers, and not a model used only to parse or store', () => {
    const seen: [string, string][] = [
      ['members', 'await findById(ctx.deps.db, memberModel, input.residentId)'],
      ['members', "sweep.readAll(memberModel, db.collection(x).where({ role: 'resident' }))"],
      ['bindings', "readAll(\n  bindingModel,\n  query)"],
      ['properties', 'db.collection(propertyModel.collection).limit(100).get()'],
      ['environment', 'findById(db, heartbeatModel, HEARTBEAT_DOC_ID)'],
      ['rooms', 'const room = await findById(deps.db, roomModel, id);'],
      ['keys', 'findById(db, keyModel, keyIdOf(p, kind, label))'],
    ];
    expect(seen.map(([name, text]) => names(name, text))).toEqual([true, true, true, true, true, true, true]);
    const notSeen: [string, string][] = [
      ['members', 'memberModel.toStored({ ...m, status: "inactive" })'],
      ['rooms', 'findById(db, roomImportModel, room.importId)'],
      ['keys', 'findById(db, leftKeyModel, id)'],
      ['properties', 'await sweep.parse(propertyModel, raws)'],
    ];
    expect(notSeen.map(([name, text]) => names(name, text))).toEqual([false, false, false, false]);
  });

  // Each way an area reached these collections through their models before their owners took the reads over.
  const throughModels: Record<string, string[]> = {
    repairs: [
      'Promise.all([findById(deps.db, memberModel, input.technicianId), findById(deps.db, repairModel, input.repairId)])',
      "await sweep.readAll(repairModel, db.collection('repairs').where({ status: 'signed' }))",
      'readAll(repairModel, repairs)',
      "deps.db.collection(repairModel.collection).where({ _id: deps.db.command.in(unique), status: 'signed' })",
      "{ collection: 'repairs', where: received, sort: byReceipt, parse: asLine(repairModel, fromRepair) }",
    ],
    callbacks: [
      'await findById(deps.db, callbackModel, input.callbackId)',
      "readAll(callbackModel, db.collection('callbacks').where(mine))",
      "const res = await db\n      .collection('callbacks')\n      .where({ kind: 'complaint' })",
      "const open = {\n      collection: 'callbacks',\n      where: {},\n    };",
    ],
    bookings: [
      'const b = await findById(ctx.deps.db, bookingModel, id);',
      "const b = bookingModel.parse((await tx.collection('bookings').doc(existing._id).get()).data);",
      "({ collection: 'bookings', where, sort: [{ field: 'start', order }], parse: (raw) => bookingModel.parse(raw) })",
    ],
  };
  it.each(Object.entries(throughModels))('the check sees each way an area named %s, through its model too (by id, every page of a query, the model\'s collection)', (name, texts) => {
    expect(texts.filter((text) => !names(name, text))).toEqual([]);
  });

  it('parsing what another read returned names no collection', () => {
    expect(names('repairs', 'repairModel.parse(raw)')).toBe(false);
    expect(names('repairs', 'parseAll(repairModel, res.data)')).toBe(false);
    expect(names('repairs', 'findById(deps.db, memberModel, input.technicianId), repairModel.parse(raw)')).toBe(false);
    expect(names('callbacks', 'callbackModel.toStored({ ...task, dueAt: b.end })')).toBe(false);
  });
});
