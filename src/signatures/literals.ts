/**
 * Required literals: a set of strings such that every match of a regex contains at least one of
 * them. They gate the regexes (a line that contains none of them can not match), both in the
 * chunk scanner's one-pass prefilter over raw text and in `match` before any regex runs.
 *
 * The derivation walks the AST once (the RE2 prefilter / Hyperscan "required factor" idea):
 * exact string sets are built for small fixed parts and concatenated while they stay small; a
 * sequence's requirement is the best of its exact runs and its items' requirements.
 */
import { type RegexNode, rangeSize } from './regex-ast.js';

/** Beyond this many alternatives a set stops being exact (the cross product gets too big). */
const MAX_SET = 16;
/** Classes with at most this many characters are expanded into alternatives. */
const MAX_CLASS = 4;
/** A gate shorter than this passes most lines: not worth having. */
export const MIN_LITERAL = 3;

interface Info {
  /** Every string the node can match, when that set is small. */
  exact: string[] | null;
  /** Alternatives, one of which every match contains; null when nothing is required. */
  required: string[] | null;
  /**
   * Every match starts (ends) with one of these; [''] when nothing is known. A fixed run in
   * front of a group such as `(?<pvc>pvc-[0-9a-f]{8}...)` goes on with the group's `pvc-`.
   */
  prefix: string[];
  suffix: string[];
}

const NONE = [''];

/** Union of alternatives' prefixes (or suffixes), [''] when it grows too big. */
function union(sets: string[][]): string[] {
  const all = [...new Set(sets.flat())];
  return all.length <= MAX_SET ? all : NONE;
}

/** The fixed start (end) of a sequence: exact items concatenated, then the next one's prefix. */
function seqEdge(parts: readonly Info[], edge: 'prefix' | 'suffix'): string[] {
  const order = edge === 'prefix' ? parts : [...parts].reverse();
  let acc = NONE;
  for (const p of order) {
    const piece = p.exact ?? p[edge];
    const next = edge === 'prefix' ? cross(acc, piece) : cross(piece, acc);
    if (!next) return acc;
    acc = next;
    if (!p.exact) return acc;
  }
  return acc;
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)];
}

/** Higher is better: the shortest alternative's length first, then fewer alternatives. */
function score(set: string[] | null): number {
  if (!set || set.length === 0) return -1;
  const min = Math.min(...set.map((s) => s.length));
  return min === 0 ? -1 : min * 100 - set.length;
}

function best(...sets: Array<string[] | null>): string[] | null {
  let top: string[] | null = null;
  for (const s of sets) if (score(s) > score(top)) top = s;
  return top;
}

function classExact(ranges: ReadonlyArray<readonly [number, number]>): string[] | null {
  if (rangeSize(ranges) > MAX_CLASS || rangeSize(ranges) === 0) return null;
  const out: string[] = [];
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) out.push(String.fromCharCode(c));
  return out;
}

function info(n: RegexNode): Info {
  switch (n.type) {
    case 'char':
      return { exact: [n.ch], required: [n.ch], prefix: [n.ch], suffix: [n.ch] };
    case 'class': {
      const exact = classExact(n.ranges);
      return { exact, required: exact, prefix: exact ?? NONE, suffix: exact ?? NONE };
    }
    case 'assert':
      return { exact: [''], required: null, prefix: NONE, suffix: NONE };
    case 'group':
      return info(n.body);
    case 'alt': {
      const parts = n.alts.map(info);
      const exactAll = parts.every((p) => p.exact) ? [...new Set(parts.flatMap((p) => p.exact!))] : null;
      const exact = exactAll && exactAll.length <= MAX_SET ? exactAll : null;
      const req = parts.every((p) => score(p.required) >= 0) ? [...new Set(parts.flatMap((p) => p.required!))] : null;
      return { exact, required: best(exact, req), prefix: exact ?? union(parts.map((p) => p.prefix)), suffix: exact ?? union(parts.map((p) => p.suffix)) };
    }
    case 'repeat': {
      const body = info(n.body);
      if (n.max === 0) return { exact: [''], required: null, prefix: NONE, suffix: NONE };
      let exact: string[] | null = null;
      if (body.exact && n.max !== Infinity && n.max <= MAX_SET) {
        let acc: string[] | null = [''];
        const all = new Set<string>();
        for (let k = 1; k <= n.max && acc; k++) {
          acc = cross(acc, body.exact);
          if (acc && k >= n.min) acc.forEach((s) => all.add(s));
        }
        if (n.min === 0) all.add('');
        exact = acc && all.size <= MAX_SET ? [...all] : null;
      }
      if (n.min === 0) return { exact, required: null, prefix: exact ?? NONE, suffix: exact ?? NONE };
      let prefix: string[] | null = null;
      if (body.exact) {
        prefix = [''];
        for (let k = 0; k < n.min && prefix; k++) prefix = cross(prefix, body.exact);
      }
      // At least one repetition: a match starts with the body's start and ends with its end.
      return { exact, required: best(exact, prefix, body.required), prefix: exact ?? body.exact ?? body.prefix, suffix: exact ?? body.exact ?? body.suffix };
    }
    case 'seq': {
      const candidates: Array<string[] | null> = [];
      let run: string[] | null = [''];
      let exactAll: string[] | null = [''];
      const parts = n.items.map(info);
      for (const p of parts) {
        candidates.push(p.required);
        if (exactAll && p.exact) exactAll = cross(exactAll, p.exact);
        else exactAll = null;
        if (p.exact) {
          const next: string[] | null = run ? cross(run, p.exact) : null;
          if (next) run = next;
          else {
            candidates.push(run);
            run = p.exact;
          }
        } else {
          // The run goes on into the item's fixed start; the item's fixed end starts the next.
          candidates.push(run, run ? cross(run, p.prefix) : null);
          run = p.suffix;
        }
      }
      candidates.push(run);
      return { exact: exactAll, required: best(exactAll, ...candidates), prefix: exactAll ?? seqEdge(parts, 'prefix'), suffix: exactAll ?? seqEdge(parts, 'suffix') };
    }
  }
}

/**
 * The best set of required literals of a parsed regex, or null when no set with every
 * alternative at least MIN_LITERAL long exists (the regex must then run on every candidate).
 */
export function requiredLiterals(ast: RegexNode): string[] | null {
  const req = info(ast).required;
  if (!req || req.length === 0 || Math.min(...req.map((s) => s.length)) < MIN_LITERAL) return null;
  return [...new Set(req)].sort();
}

/**
 * How a literal can appear in raw input when the message was escaped by its envelope: JSON
 * strings (journalctl -o json, CRI JSON logs) escape `"` `\` and control characters; rsyslog
 * writes control characters as `#ooo`. Returns the extra spellings (not the literal itself).
 */
export function escapedVariants(lit: string): string[] {
  const out = new Set<string>();
  const json = JSON.stringify(lit).slice(1, -1);
  if (json !== lit) out.add(json);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f]/.test(lit)) {
    // eslint-disable-next-line no-control-regex
    out.add(lit.replace(/[\x00-\x1f]/g, (c) => `#${c.charCodeAt(0).toString(8).padStart(3, '0')}`));
  }
  return [...out];
}
