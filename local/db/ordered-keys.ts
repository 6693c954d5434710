/**
 * An index's entries in memory: one text per (key tuple, document), kept sorted, so an equality
 * prefix and a range on the next field are one slice found by binary search.
 *
 * The text of an entry is its keys and the document's id key, each escaped and followed by a
 * separator that sorts below every character of an escaped key: so text order is tuple order (field
 * by field, a shorter key before any longer one it begins), compared as JavaScript compares strings,
 * which is also how the matcher (mingo) orders strings.
 */
const SEP = '\u0000';
/** Escaping: \u0000 → \u0001\u0001 and \u0001 → \u0001\u0002 keeps the order and leaves no \u0000 in a key. */
const ESC = '\u0001';
const escape = (key: string): string =>
  key.includes(SEP) || key.includes(ESC) ? key.split(ESC).join(`${ESC}\u0002`).split(SEP).join(`${ESC}${ESC}`) : key;
const unescape = (key: string): string => {
  if (!key.includes(ESC)) return key;
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charAt(i);
    if (c === ESC) out += key.charAt(++i) === ESC ? SEP : ESC;
    else out += c;
  }
  return out;
};

const prefixText = (keys: readonly string[]): string => keys.map((k) => escape(k) + SEP).join('');

export interface Slice {
  prefix: readonly string[];
  lower?: { key: string; inclusive: boolean };
  upper?: { key: string; inclusive: boolean };
}

export class OrderedKeys {
  private entries: string[] = [];
  /** While loading, entries are appended and sorted once at the end. */
  private loading = false;

  static entryText(tuple: readonly string[], idKey: string): string {
    return prefixText(tuple) + escape(idKey);
  }

  get size(): number {
    return this.entries.length;
  }

  /** First position whose entry is not below `text`. */
  private position(text: string): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.entries[mid] as string) < text) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  add(text: string): void {
    if (this.loading) {
      this.entries.push(text);
      return;
    }
    const at = this.position(text);
    if (this.entries[at] !== text) this.entries.splice(at, 0, text);
  }

  remove(text: string): void {
    const at = this.position(text);
    if (this.entries[at] === text) this.entries.splice(at, 1);
  }

  /** Appends without sorting until `endLoad()`: building an index over every stored document at start. */
  beginLoad(): void {
    this.loading = true;
  }

  endLoad(): void {
    this.loading = false;
    this.entries.sort();
    this.entries = this.entries.filter((text, i, all) => i === 0 || all[i - 1] !== text);
  }

  clear(): void {
    this.entries = [];
  }

  /** Id keys of the entries that start with `prefix` and whose next key lies within the bounds. */
  lookup(slice: Slice): Set<string> {
    const base = prefixText(slice.prefix);
    // Every entry that begins with `base` lies below `ceiling` (base's last separator raised by one).
    const ceiling = base === '' ? null : `${base.slice(0, -1)}${ESC}`;
    const start = slice.lower ? base + escape(slice.lower.key) + (slice.lower.inclusive ? SEP : ESC) : base;
    const upperText = slice.upper ? base + escape(slice.upper.key) + (slice.upper.inclusive ? ESC : SEP) : ceiling;
    const end = upperText === null ? this.entries.length : this.position(upperText);
    const ids = new Set<string>();
    for (let i = this.position(start); i < end; i++) {
      const text = this.entries[i] as string;
      ids.add(unescape(text.slice(text.lastIndexOf(SEP) + 1)));
    }
    return ids;
  }
}
