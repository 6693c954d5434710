/**
 * Faults a test asks of the local system through its environment (`LOCAL_FAULT`), to break it from
 * outside the way the platform can: nothing here runs unless asked.
 *
 * `kill-after-journaled-commit`: the process kills itself (SIGKILL) the moment a command's transaction
 * that carries a journal (cloudfunctions/_shared/commands.ts) has committed, before the call inserts
 * the journal's documents: the window a function instance can die in on CloudBase between its commit
 * and its fan-out. What was committed is in the WAL (SQLite writes it before the commit returns); what
 * the call would have done next is not done.
 */
type Handle = (action: string, params?: Record<string, unknown>) => Promise<unknown>;

const journaled = (params: Record<string, unknown>): boolean =>
  params.collectionName === 'commands' && typeof params.transactionId === 'string' && Array.isArray(params.data) && params.data.some((d) => typeof d === 'string' && d.includes('"journal"'));

export const withFaults = (handle: Handle, fault = process.env.LOCAL_FAULT): Handle => {
  if (fault !== 'kill-after-journaled-commit') return handle;
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
