/**
 * One copy of the strings that kept records repeat. V8 copies a substring shorter than 13
 * characters (a longer one is a 32-byte slice of its line): every kept kubelet line carried its
 * own `kubelet.go`, `2542`, `readiness`, `ready` and host name, 24-32 bytes each, and its own
 * slices for the program, the boot id and a capture equal to a field. Only values of kept
 * records are looked up, so the cost is per finding, not per line.
 */

/** A cut of a line this long or longer is a slice of it (shares its bytes); a shorter one is a copy. */
const MIN_SLICE_LENGTH = 13;

/** Distinct values remembered; past it new values are kept as they are (memory stays bounded). */
const MAX_INTERNED = 8192;

export class StringPool {
  private readonly seen = new Map<string, string>();

  constructor(private readonly capacity = MAX_INTERNED) {}

  get size(): number {
    return this.seen.size;
  }

  /** The pool's copy of `s` (equal to it), or `s` itself when it is long or the pool is full. */
  intern<T extends string>(s: T): T {
    return s.length >= MIN_SLICE_LENGTH ? s : this.name(s);
  }

  /**
   * The pool's copy of a name that lines repeat whatever its length (a program, a boot id): a
   * longer cut of a line is a 32-byte slice, one per line, and the pool's copy keeps one line.
   */
  name<T extends string>(s: T): T {
    const known = this.seen.get(s);
    if (known !== undefined) return known as T;
    if (this.seen.size < this.capacity) this.seen.set(s, s);
    return s;
  }

  /**
   * Replaces each short value of `o` by the pool's copy (same keys, same values), and each
   * longer one by an equal value of `same` when it has one (a capture that is also a field).
   */
  internValues(o: Record<string, string>, same?: Readonly<Record<string, string>>): void {
    for (const k in o) {
      const v = o[k]!;
      if (v.length < MIN_SLICE_LENGTH) o[k] = this.intern(v);
      else if (same) {
        for (const f in same) {
          if (same[f] !== v) continue;
          o[k] = same[f];
          break;
        }
      }
    }
  }
}
