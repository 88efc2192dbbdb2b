/**
 * One copy of the short strings that kept records repeat. V8 copies a substring shorter than 13
 * characters (a longer one is a 32-byte slice of its line): every kept kubelet line carried its
 * own `kubelet.go`, `2542`, `readiness`, `ready` and host name, 24-32 bytes each, about 140 bytes
 * a record. Only values of kept records are looked up, so the cost is per finding, not per line.
 */

/** Strings this short are copies when cut out of a line; longer ones share the line's bytes. */
const MAX_LENGTH = 12;

/** Distinct values remembered; past it new values are kept as they are (memory stays bounded). */
export const MAX_INTERNED = 8192;

export class StringPool {
  private readonly seen = new Map<string, string>();

  constructor(private readonly capacity = MAX_INTERNED) {}

  get size(): number {
    return this.seen.size;
  }

  /** The pool's copy of `s` (equal to it), or `s` itself when it is long or the pool is full. */
  intern(s: string): string {
    if (s.length > MAX_LENGTH) return s;
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    if (this.seen.size < this.capacity) this.seen.set(s, s);
    return s;
  }

  /** Replaces each short value of `o` by the pool's copy (same keys, same values). */
  internValues(o: Record<string, string>): void {
    for (const k in o) {
      const v = o[k]!;
      if (v.length <= MAX_LENGTH) o[k] = this.intern(v);
    }
  }
}
