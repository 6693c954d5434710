/**
 * Issue 18 (3): a resident's inbox as one thread per repair or complaint: the latest line on top,
 * threads in the order of their latest line, and how many lines came after she last opened each.
 */
export interface ThreadLine {
  id: string;
  subject: { kind: string; id: string };
  /** ISO instant. */
  at: string;
}

export interface Thread<T extends ThreadLine> {
  key: string;
  subject: T['subject'];
  /** Newest first. */
  lines: T[];
  unread: number;
}

export const threadKey = (subject: ThreadLine['subject']) => `${subject.kind}:${subject.id}`;

/** `seen`: per thread key, the instant of the newest line she had when she last opened it. */
export const threadsOf = <T extends ThreadLine>(items: readonly T[], seen: Readonly<Record<string, string>>): Thread<T>[] => {
  const threads = new Map<string, Thread<T>>();
  for (const item of [...items].sort((a, b) => b.at.localeCompare(a.at))) {
    const key = threadKey(item.subject);
    const thread: Thread<T> = threads.get(key) ?? { key, subject: item.subject, lines: [], unread: 0 };
    thread.lines.push(item);
    const mark = seen[key];
    if (!mark || item.at > mark) thread.unread += 1;
    threads.set(key, thread);
  }
  return [...threads.values()];
};

/** How many threads have lines she has not seen: the home's badge. */
export const unreadThreadCount = (threads: readonly Thread<ThreadLine>[]) => threads.filter((t) => t.unread > 0).length;
