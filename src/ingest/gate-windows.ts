/**
 * Which part of each literal the gate looks for. Any substring of a required literal is
 * required too, so the gate may search every literal by one window of a common length `m`
 * (Wu-Manber's shift is bounded by the shortest pattern) and verify the whole literal only
 * where a window is found. The window chosen is the one that occurs least in a sample of the
 * text being scanned.
 *
 * Why (measured on the 100 MB bench corpus, 178 catalogue literals, 10-byte windows): first
 * windows of each literal made 139,000 candidate lines, windows chosen by trigram rarity 44,000
 * (`"): context deadline exceeded"` became `xt deadlin`, in 6% of kubelet lines), windows
 * chosen by their own count in a 1 MB sample 9,800, against 8,800 lines holding a literal.
 */

/** Window length: long windows shift further, but it can not exceed the shortest literal. */
export const WINDOW = 10;
/**
 * Bytes of sample text the windows are counted in. Measured: 16, 64 and 256 KiB samples chose
 * windows that scan the bench corpus equally fast (the lines a gate selects do not depend on
 * them), and a gate built in a cold thread cost ~300 ms with 256 KiB, a quarter with 64.
 */
export const SAMPLE_BYTES = 64 << 10;

/**
 * Occurrences of each of `windows` (all of length m) in `sample`, by a rolling hash into a
 * table of linked lists held in typed arrays (a 64K-slot JS array of lists was a dictionary-mode
 * array: 300 ms per gate, now ~10 ms).
 */
export function countWindows(windows: ReadonlySet<string>, m: number, sample: readonly string[]): Map<string, number> {
  const list = [...windows];
  const HASH_BITS = 16;
  const mask = (1 << HASH_BITS) - 1;
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const next = new Int32Array(list.length).fill(-1);
  const hits = new Uint32Array(list.length);
  const hashAt = (t: string, s: number): number => {
    let h = 0;
    for (let i = 0; i < m; i++) h = (Math.imul(h, 31) + t.charCodeAt(s + i)) | 0;
    return h;
  };
  list.forEach((w, k) => {
    const slot = hashAt(w, 0) & mask;
    next[k] = head[slot]!;
    head[slot] = k;
  });
  let pow = 1;
  for (let i = 0; i < m - 1; i++) pow = Math.imul(pow, 31);
  for (const t of sample) {
    if (t.length < m) continue;
    let h = hashAt(t, 0);
    for (let i = 0; ; i++) {
      for (let k = head[h & mask]!; k !== -1; k = next[k]!) if (t.startsWith(list[k]!, i)) hits[k]! += 1;
      if (i + m >= t.length) break;
      h = (Math.imul(h - Math.imul(t.charCodeAt(i), pow), 31) + t.charCodeAt(i + m)) | 0;
    }
  }
  return new Map(list.map((w, k) => [w, hits[k]!]));
}

/** The 3-byte block hash the gate's shift table is indexed by. */
export const TRIGRAM_MASK = (1 << 15) - 1;
export function trigramAt(t: string, q: number): number {
  return ((t.charCodeAt(q - 2) << 10) ^ (t.charCodeAt(q - 1) << 5) ^ t.charCodeAt(q)) & TRIGRAM_MASK;
}

/** How often each trigram hash occurs in `sample`. */
function trigramCounts(sample: readonly string[]): Uint32Array {
  const f = new Uint32Array(TRIGRAM_MASK + 1);
  for (const t of sample) for (let q = 2; q < t.length; q++) f[trigramAt(t, q)]! += 1;
  return f;
}

/**
 * What a window costs the scan besides the lines it selects: each of its trigrams shortens the
 * shift wherever the text holds that trigram, most at the window's end (a zero shift, where
 * literals are verified). Measured on the bench corpus: windows ending in `ain` or `con` made
 * 16,000 verifications per 7.5 MB syslog file.
 */
function scanCost(w: string, m: number, trigrams: Uint32Array): number {
  let cost = 0;
  for (let q = 2; q < m; q++) cost += trigrams[trigramAt(w, q)]! / (m - q);
  return cost;
}

/** One window per literal: [window, offset of the window in the literal]. */
export function chooseWindows(literals: readonly string[], m: number, sample: readonly string[]): Array<[string, number]> {
  const candidates = new Set<string>();
  for (const l of literals) for (let s = 0; s + m <= l.length; s++) candidates.add(l.slice(s, s + m));
  const counts = sample.length > 0 ? countWindows(candidates, m, sample) : undefined;
  const trigrams = sample.length > 0 ? trigramCounts(sample) : undefined;
  return literals.map((l) => {
    let best = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let s = 0; s + m <= l.length; s++) {
      const w = l.slice(s, s + m);
      // Lines selected first, then the cost to the scan; without a sample, the rarest bytes.
      const score = trigrams ? (counts?.get(w) ?? 0) * 1e9 + scanCost(w, m, trigrams) : commonness(w);
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return [l.slice(best, best + m), best];
  });
}

/**
 * A static guess of how common a window's bytes are in logs, used when the sample says nothing:
 * spaces and lower-case letters are everywhere, digits and upper case less so, punctuation
 * least. Lower is rarer.
 */
function commonness(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 32) n += 4;
    else if (c >= 97 && c <= 122) n += 3;
    else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) n += 2;
    else n += 1;
  }
  return n;
}
