import { chooseWindows, SAMPLE_BYTES, WINDOW } from './gate-windows.js';

/**
 * The literal prefilter: finds the lines of a block that contain any of a set of literals, so
 * that only those lines are decoded, parsed and matched (Chainsaw's fast paths, lnav's
 * prefilter). A line either contains a literal or is skipped without allocating anything.
 */
export interface LineGate {
  /**
   * Calls `visit(start, end)` for each line of `text` that contains a literal: `start` is the
   * index of the line's first char, `end` the index of its '\n' (or text.length). Lines are
   * visited once each, in order. `bytes`, when given, are the bytes `text` was decoded from as
   * latin1 (one char per byte, so indexes are the same): the long literals are searched there.
   */
  scan(text: string, visit: (start: number, end: number) => void, bytes?: Uint8Array): void;
  readonly literals: readonly string[];
}

export { SAMPLE_BYTES };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A gate over a set of literals. `sample` (text like the one to be scanned, SAMPLE_BYTES of it)
 * lets it search each literal by its rarest window; without one it guesses from byte classes.
 *
 * Why not one regex alternation of the literals (the first gate): on the 100 MB bench corpus
 * with the catalogue's 178 literals it ran at 20-28 MB/s, and `hows` enables V8's fallback to
 * the linear-time regex engine after 50,000 backtracks (bin/hows.js), which a 1 MiB block
 * reaches; this Wu-Manber gate (3-byte blocks, 10-byte windows chosen from a sample) ran at
 * 600-820 MB/s on the same blocks, on this 2-core box under load.
 */
export function literalGate(literals: readonly string[], sample: readonly string[] = []): LineGate {
  // A literal is looked for within one line: a literal spanning lines (a regex with \n) is
  // represented by its longest piece, which the line holding it must contain.
  const pieces = literals.map((l) => (l.includes('\n') ? l.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '') : l));
  const unique = [...new Set(pieces.filter((l) => l.length > 0))].sort();
  if (unique.length === 0) return { literals: [], scan: () => {} };
  const long = unique.filter((l) => l.length >= WINDOW);
  const short = unique.filter((l) => l.length < WINDOW);
  const parts: Array<LineGate['scan']> = [];
  if (long.length > 0) parts.push(wuManber(long, WINDOW, sample));
  if (short.length > 0) {
    const m = Math.min(...short.map((l) => l.length));
    // A few short literals: V8's indexOf (a Boyer-Moore-Horspool search) per literal, or one
    // regex alternation of them (V8 skips ahead over it Boyer-Moore style), beat a Wu-Manber
    // pass whose shifts are at most m - 2 bytes. Which of the two is faster depends on the
    // literals (measured: 'ERROR: ' and 'FAILED: ' 2.7 GB/s as one regex, 1.1 GB/s by indexOf;
    // four unlike literals 470 MB/s as one regex, 600 MB/s by indexOf): timed on the sample.
    parts.push(short.length <= SHORT_BY_INDEXOF && m >= 3 ? faster([indexOfScan(short), alternation(short)], sample) : m >= 3 ? wuManber(short, m, sample) : alternation(short));
  }
  const scan: LineGate['scan'] = parts.length === 1 ? parts[0]! : (text, visit, bytes) => mergeScans(parts, text, visit, bytes);
  return { literals: unique, scan };
}

const MASK = (1 << 15) - 1;

interface Tables {
  m: number;
  lits: string[];
  shift: Uint8Array;
  head: Int32Array;
  next: Int32Array;
  /** From a window's last byte back to its literal's first. */
  offsets: Int32Array;
  /** First byte of each window: rejects most candidates before a whole-literal compare. */
  firsts: Int32Array;
}

/**
 * Wu-Manber tables over latin1 strings with 3-byte blocks: a shift table says how far the
 * window end may jump when the 3 bytes under it are not the end of any window; only at a zero
 * shift are the literals whose window ends in those bytes verified whole.
 */
function tables(literals: readonly string[], m: number, sample: readonly string[]): Tables {
  const chosen = chooseWindows(literals, m, sample);
  const t: Tables = {
    m,
    lits: literals.slice(),
    shift: new Uint8Array(MASK + 1).fill(m - 2),
    head: new Int32Array(MASK + 1).fill(-1),
    next: new Int32Array(literals.length).fill(-1),
    offsets: new Int32Array(literals.length),
    firsts: new Int32Array(literals.length),
  };
  chosen.forEach(([w, off], k) => {
    t.firsts[k] = w.charCodeAt(0);
    for (let q = 2; q < m; q++) {
      const h = ((w.charCodeAt(q - 2) << 10) ^ (w.charCodeAt(q - 1) << 5) ^ w.charCodeAt(q)) & MASK;
      if (m - 1 - q < t.shift[h]!) t.shift[h] = m - 1 - q;
    }
    const h = ((w.charCodeAt(m - 3) << 10) ^ (w.charCodeAt(m - 2) << 5) ^ w.charCodeAt(m - 1)) & MASK;
    t.next[k] = t.head[h]!;
    t.head[h] = k;
    t.offsets[k] = off + m - 1;
  });
  return t;
}

function wuManber(literals: readonly string[], m: number, sample: readonly string[]): LineGate['scan'] {
  const { shift, head, next, offsets, firsts, lits } = tables(literals, m, sample);
  const litBytes = lits.map((l) => Buffer.from(l, 'latin1'));
  // On the bytes, not the latin1 string: the same loop ran at 470-530 MB/s over a Buffer and at
  // 280-340 MB/s over the string decoded from it (48 KiB blocks of the bench corpus's syslog and
  // journal; typed-array reads are cheaper than charCodeAt here). A caller without the bytes
  // pays one latin1 copy.
  return (text, visit, raw) => {
    const b = raw ?? Buffer.from(text, 'latin1');
    const n = b.length;
    let pos = m - 1;
    while (pos < n) {
      const h = ((b[pos - 2]! << 10) ^ (b[pos - 1]! << 5) ^ b[pos]!) & MASK;
      const s = shift[h]!;
      if (s !== 0) {
        pos += s;
        continue;
      }
      let found = false;
      const first = b[pos - m + 1]!;
      for (let k = head[h]!; k !== -1; k = next[k]!) {
        if (firsts[k] !== first) continue;
        const start = pos - offsets[k]!;
        if (start >= 0 && bytesAt(b, litBytes[k]!, start)) {
          found = true;
          break;
        }
      }
      if (!found) {
        pos += 1;
        continue;
      }
      // A literal holds no '\n', so the line around `pos` holds the whole literal. (A cut
      // line's text ends in a '\n' its bytes lack: its end, b.length, is that '\n'.)
      let end = b.indexOf(NL, pos);
      if (end === -1) end = n;
      visit(b.lastIndexOf(NL, pos) + 1, end);
      pos = end + m;
    }
  };
}

const NL = 10;

/** `lit` occurs in `b` at `at`. */
function bytesAt(b: Uint8Array, lit: Uint8Array, at: number): boolean {
  if (at + lit.length > b.length) return false;
  for (let j = 0; j < lit.length; j++) if (b[at + j] !== lit[j]) return false;
  return true;
}

/**
 * Every literal of a set found in one line (a string of its own), by index into `literals`
 * (each once). For the few lines the gate selected: which signatures they may be evidence of.
 * Literals shorter than 3 bytes are not looked for. Literals of WINDOW bytes or more are found
 * with one Wu-Manber pass over the line; up to SHORT_BY_INDEXOF shorter ones with indexOf
 * (measured on the 100 MB bench corpus: a Wu-Manber pass for the catalogue's two 7-8 byte
 * literals shifts by 1 byte and cost more than the long pass).
 */
export function literalFinder(literals: readonly string[]): (line: string) => Set<number> {
  const indexed = literals.map((l, k) => [l, k] as const);
  const long = indexed.filter(([l]) => l.length >= WINDOW);
  const short = indexed.filter(([l]) => l.length >= 3 && l.length < WINDOW);
  const byIndexOf = short.length <= SHORT_BY_INDEXOF ? short : [];
  const parts = [long, byIndexOf === short ? [] : short]
    .filter((group) => group.length > 0)
    .map((group) => ({ t: tables(group.map(([l]) => l), Math.min(WINDOW, ...group.map(([l]) => l.length)), []), ids: group.map(([, k]) => k) }));
  return (line) => {
    const found = new Set<number>();
    const end = line.length;
    for (const [lit, k] of byIndexOf) if (line.includes(lit)) found.add(k);
    for (const { t, ids } of parts) {
      const { m, shift, head, next, offsets, firsts, lits } = t;
      for (let pos = m - 1; pos < end; ) {
        const h = ((line.charCodeAt(pos - 2) << 10) ^ (line.charCodeAt(pos - 1) << 5) ^ line.charCodeAt(pos)) & MASK;
        const s = shift[h]!;
        if (s !== 0) {
          pos += s;
          continue;
        }
        const first = line.charCodeAt(pos - m + 1);
        for (let k = head[h]!; k !== -1; k = next[k]!) {
          const at = pos - offsets[k]!;
          if (firsts[k] === first && at >= 0 && at + lits[k]!.length <= end && line.startsWith(lits[k]!, at)) found.add(ids[k]!);
        }
        pos += 1;
      }
    }
    return found;
  };
}

/** Literals of one or two bytes: one alternation (rare: the catalogue's shortest is 10). */
function alternation(literals: readonly string[]): LineGate['scan'] {
  const re = new RegExp([...literals].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  return (text, visit) =>
    eachLineAt(text, visit, (from) => {
      re.lastIndex = from;
      return re.exec(text)?.index ?? -1;
    });
}

/**
 * Visits the line around each place `find(from)` returns (the first match at or after `from`,
 * -1 for none), once per line: the search goes on after the line's end.
 */
function eachLineAt(text: string, visit: (start: number, end: number) => void, find: (from: number) => number): void {
  for (let at = find(0); at !== -1; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    visit(text.lastIndexOf('\n', at) + 1, end);
    if (end >= text.length) break;
    at = find(end + 1);
  }
}

/**
 * The scanner that runs fastest over the sample (best of three runs each); the first when there
 * is no sample to time. Both find the same lines: only the speed differs.
 */
function faster(scanners: ReadonlyArray<LineGate['scan']>, sample: readonly string[]): LineGate['scan'] {
  const text = sample.join('');
  if (text.length < 4096) return scanners[0]!;
  let best = scanners[0]!;
  let bestTime = Infinity;
  for (const scan of scanners) {
    let t = Infinity;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      scan(text, () => {});
      t = Math.min(t, performance.now() - t0);
    }
    if (t < bestTime) {
      bestTime = t;
      best = scan;
    }
  }
  return best;
}

/** Short literals looked for with indexOf, one by one, when there are at most this many. */
const SHORT_BY_INDEXOF = 4;

/** Lines holding any of `literals`, found with String.prototype.indexOf, merged in order. */
function indexOfScan(literals: readonly string[]): LineGate['scan'] {
  const one = (lit: string): LineGate['scan'] => (text, visit) => eachLineAt(text, visit, (from) => text.indexOf(lit, from));
  const parts = literals.map(one);
  return parts.length === 1 ? parts[0]! : (text, visit) => mergeScans(parts, text, visit);
}

/**
 * Several scanners over one text: their lines merged in order, each once. Each scanner visits
 * its lines in order, so their start offsets are merged like sorted lists (no map, no sort).
 */
function mergeScans(parts: ReadonlyArray<LineGate['scan']>, text: string, visit: (start: number, end: number) => void, bytes?: Uint8Array): void {
  const found = parts.map((p) => {
    const out: number[] = [];
    p(text, (s, e) => out.push(s, e), bytes);
    return out;
  });
  const at = new Array<number>(found.length).fill(0);
  let last = -1;
  for (;;) {
    let best = -1;
    for (let i = 0; i < found.length; i++) {
      if (at[i]! < found[i]!.length && (best === -1 || found[i]![at[i]!]! < found[best]![at[best]!]!)) best = i;
    }
    if (best === -1) return;
    const start = found[best]![at[best]!]!;
    const end = found[best]![at[best]! + 1]!;
    at[best]! += 2;
    if (start === last) continue;
    last = start;
    visit(start, end);
  }
}

/** A gate that selects every line (timeline --all, formats that cannot be gated). */
export const EVERY_LINE: LineGate = {
  literals: [],
  scan(text, visit) {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      visit(start, end);
      start = end + 1;
    }
  },
};
