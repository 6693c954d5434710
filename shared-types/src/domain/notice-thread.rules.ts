/**
 * Issue 18 (3): a resident's inbox as one thread per repair or complaint: the latest line on top,
 * threads in the order of their latest line, and how many lines came after she last opened each.
 */
export interface ThreadLine {
  id: string;
  subject: { kind: string; id: string };
  /** ISO instant. */
  at: string;
  /** Read on the server: she had opened its thread at or after this line (on any phone). */
  read?: boolean;
}

export interface Thread<T extends ThreadLine> {
  key: string;
  subject: T['subject'];
  /** Newest first. */
  lines: T[];
  unread: number;
}

export const threadKey = (subject: ThreadLine['subject']) => `${subject.kind}:${subject.id}`;

/**
 * `seen`: per thread key, the instant of the newest line she had when she last opened it, on top of
 * what the server already marks read (a thread she has just opened, before the server answers).
 */
export const threadsOf = <T extends ThreadLine>(items: readonly T[], seen: Readonly<Record<string, string>>): Thread<T>[] => {
  const threads = new Map<string, Thread<T>>();
  for (const item of [...items].sort((a, b) => b.at.localeCompare(a.at))) {
    const key = threadKey(item.subject);
    const thread: Thread<T> = threads.get(key) ?? { key, subject: item.subject, lines: [], unread: 0 };
    thread.lines.push(item);
    const mark = seen[key];
    if (!item.read && (!mark || item.at > mark)) thread.unread += 1;
    threads.set(key, thread);
  }
  return [...threads.values()];
};

/** How many threads have lines she has not seen: the home's badge. */
export const unreadThreadCount = (threads: readonly Thread<ThreadLine>[]) => threads.filter((t) => t.unread > 0).length;

export interface ReadMark {
  thread: string;
  at: string;
}

/**
 * Issue 18 (3): her read marks after she opened some threads: per thread the later instant wins (a
 * phone that sends an older mark never makes a line unread again), newest first, at most `max`.
 */
export const mergeReadMarks = (kept: readonly ReadMark[], opened: readonly ReadMark[], max: number): ReadMark[] => {
  const byThread = new Map<string, string>();
  for (const mark of [...kept, ...opened]) {
    const before = byThread.get(mark.thread);
    if (!before || mark.at > before) byThread.set(mark.thread, mark.at);
  }
  return [...byThread].map(([thread, at]) => ({ thread, at })).sort((a, b) => b.at.localeCompare(a.at) || a.thread.localeCompare(b.thread)).slice(0, max);
};

/** Her marks as `threadsOf` reads them: per thread key, the instant she has read up to. */
export const seenOf = (marks: readonly ReadMark[]): Record<string, string> => Object.fromEntries(marks.map((m) => [m.thread, m.at]));
