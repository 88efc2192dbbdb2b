/**
 * Long generated ids (PV UUIDs, 64-hex container ids) made readable in prose without making
 * them unsearchable: a UUID keeps its first group (`pvc-746b2837…`, the form the seed PIRs
 * use), a 64-hex id its first 12 characters (the short id `crictl` and `docker` print). What is
 * kept is a prefix of the real id, so a grep for it finds the full one. `Mentions` writes an id
 * in full the first time a text names it and short after that.
 */

const UUID = /([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/gi;
const HEX64 = /(?<![0-9a-f])([0-9a-f]{12})[0-9a-f]{52}(?![0-9a-f])/gi;

/** The short form of `value` (the value itself when it holds no long id). */
export function shortId(value: string): string {
  return value.replace(UUID, '$1…').replace(HEX64, '$1…');
}

/** Full on first mention, short after; ids whose short forms would collide stay full. */
export class Mentions {
  private readonly seen = new Set<string>();
  private readonly shortOf = new Map<string, string>();
  private readonly known: boolean;

  /** `all`: every id the text may name, to find short forms that would collide; omitted, none are checked. */
  constructor(all?: Iterable<string>) {
    this.known = all !== undefined;
    const owners = new Map<string, Set<string>>();
    for (const v of all ?? []) {
      const s = shortId(v);
      if (s === v) continue;
      let set = owners.get(s);
      if (!set) owners.set(s, (set = new Set()));
      set.add(v);
    }
    for (const [s, set] of owners) if (set.size === 1) this.shortOf.set([...set][0]!, s);
  }

  /** `value` in full the first time, then its short form. */
  name(value: string): string {
    if (!this.seen.has(value)) {
      this.seen.add(value);
      return value;
    }
    return this.short(value);
  }

  /** The short form, unless another id of the text shares it. */
  short(value: string): string {
    return this.known ? (this.shortOf.get(value) ?? value) : shortId(value);
  }
}
