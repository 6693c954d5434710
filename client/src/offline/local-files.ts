/**
 * A photo or signature taken offline is kept on the phone and named in a command's input by a
 * placeholder; the flusher uploads it and puts the file id in its place just before sending.
 */
const PREFIX = 'offline:';

export const localFile = (ref: string) => `${PREFIX}${ref}`;

/** The kept file a placeholder names, or null for anything else. */
export const refOf = (value: string): string | null => (value.startsWith(PREFIX) ? value.slice(PREFIX.length) : null);

const walk = (value: unknown, onString: (s: string) => unknown): unknown => {
  if (typeof value === 'string') return onString(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, onString));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, onString)]));
  return value;
};

/** Every kept file an input refers to, in order, once each. */
export const localRefsIn = (input: Record<string, unknown>): string[] => {
  const refs = new Set<string>();
  walk(input, (s) => {
    const ref = refOf(s);
    if (ref) refs.add(ref);
    return s;
  });
  return [...refs];
};

/** The input with each placeholder replaced by its uploaded file id. */
export const withUploaded = (input: Record<string, unknown>, uploaded: Readonly<Record<string, string>>): Record<string, unknown> =>
  walk(input, (s) => {
    const ref = refOf(s);
    return ref ? (uploaded[ref] ?? s) : s;
  }) as Record<string, unknown>;
