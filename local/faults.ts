/**
 * Faults a test asks of the local system through its environment (`LOCAL_FAULT`), to break it from
 * outside the way the platform can: nothing here runs unless asked.
 *
 * `kill-after-journaled-commit`: the process kills itself (SIGKILL) the moment a command's transaction
 * that carries a journal (cloudfunctions/_shared/commands.ts) has committed, before the call inserts
 * the journal's documents: the window a function instance can die in on CloudBase between its commit
 * and its fan-out. What was committed is in the WAL (SQLite writes it before the commit returns); what
 * the call would have done next is not done.
 *
 * `timer-stopped:<function>` (issue 16): that timer function's triggers never fire, as when its trigger
 * is deleted or its deployment broken in the cloud; the other timer functions run on their schedules,
 * and it is their heartbeat check that must notice. Read by local/main.ts only.
 *
 * `clock-behind:<minutes>`: the system's clock runs that many minutes behind the machine's, as a
 * server's wrongly set clock would; what it writes is dated by it. With `timer-stopped`, a test
 * leaves a timer's last heartbeat minutes old without waiting those minutes. Read by local/main.ts only.
 *
 * Several faults are asked at once separated by commas.
 */
type Handle = (action: string, params?: Record<string, unknown>) => Promise<unknown>;

const journaled = (params: Record<string, unknown>): boolean =>
  params.collectionName === 'commands' && typeof params.transactionId === 'string' && Array.isArray(params.data) && params.data.some((d) => typeof d === 'string' && d.includes('"journal"'));

const asked = (fault = process.env.LOCAL_FAULT): string[] => (fault ?? '').split(',').filter(Boolean);

/** The timer function `timer-stopped:<function>` stops, if any. */
export const stoppedTimer = (fault?: string): string | null =>
  asked(fault)
    .map((f) => /^timer-stopped:([a-z-]+)$/.exec(f)?.[1])
    .find((name) => name !== undefined) ?? null;

/** The clock `clock-behind:<minutes>` asks for, or none (the machine's). */
export const faultyClock = (fault?: string): (() => Date) | undefined => {
  const minutes = asked(fault)
    .map((f) => /^clock-behind:(\d+)$/.exec(f)?.[1])
    .find((m) => m !== undefined);
  return minutes === undefined ? undefined : () => new Date(Date.now() - Number(minutes) * 60_000);
};

export const withFaults = (handle: Handle, fault?: string): Handle => {
  if (!asked(fault).includes('kill-after-journaled-commit')) return handle;
  const carrying = new Set<string>();
  return async (action, params = {}) => {
    if (action === 'database.insertDocument' && journaled(params)) carrying.add(params.transactionId as string);
    const answer = await handle(action, params);
    if (action === 'database.commitTransaction' && carrying.has(String(params.transactionId))) {
      const failed = typeof answer === 'object' && answer !== null && 'code' in answer;
      if (!failed) process.kill(process.pid, 'SIGKILL');
    }
    return answer;
  };
};
