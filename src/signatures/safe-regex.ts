/**
 * Refuses regexes that are outside the portable dialect or that can backtrack catastrophically
 * (docs/patterns.md, "Regex dialect"). Three shapes are refused:
 *
 * - nested ambiguous repetition: inside an unbounded loop, a variable repeat whose next character
 *   could equally continue it or leave it (`(a+)+`, `([a-z]+[0-9]?)+`): exponential;
 * - ambiguous alternation inside an unbounded loop (`(a|ab)+`): exponential;
 * - two unbounded repeats over overlapping characters with nothing mandatory between them
 *   (`.*.*`, `[0-9]+[0-9a-f]*`, `.*(?:.*=.*)`): polynomial, hangs on long lines.
 *
 * The check is a static approximation; the runtime guard is V8's linear-time fallback, which
 * bin/hows.js enables (`--enable-experimental-regexp-engine-on-excessive-backtracks`), so even a
 * pattern that slips through can not hang a run.
 */
import {
  type CharRanges,
  type RegexNode,
  type RegexProblem,
  DOT,
  normalizeRanges,
  parseRegex,
  rangesOverlap,
} from './regex-ast.js';

const EMPTY: CharRanges = [];

function union(...sets: CharRanges[]): CharRanges {
  return normalizeRanges(sets.flat());
}

export function nullable(n: RegexNode): boolean {
  switch (n.type) {
    case 'char':
    case 'class':
      return false;
    case 'assert':
      return true;
    case 'seq':
      return n.items.every(nullable);
    case 'alt':
      return n.alts.some(nullable);
    case 'group':
      return nullable(n.body);
    case 'repeat':
      return n.min === 0 || nullable(n.body);
  }
}

/** Characters that can start a non-empty match of `n`. */
export function firstChars(n: RegexNode): CharRanges {
  switch (n.type) {
    case 'char':
      return [[n.ch.charCodeAt(0), n.ch.charCodeAt(0)]];
    case 'class':
      return n.ranges;
    case 'assert':
      return EMPTY;
    case 'seq': {
      const parts: CharRanges[] = [];
      for (const item of n.items) {
        parts.push(firstChars(item));
        if (!nullable(item)) break;
      }
      return union(...parts);
    }
    case 'alt':
      return union(...n.alts.map(firstChars));
    case 'group':
    case 'repeat':
      return firstChars(n.body);
  }
}

/** Every character `n` can consume. */
export function allChars(n: RegexNode): CharRanges {
  switch (n.type) {
    case 'char':
    case 'class':
      return firstChars(n);
    case 'assert':
      return EMPTY;
    case 'seq':
      return union(...n.items.map(allChars));
    case 'alt':
      return union(...n.alts.map(allChars));
    case 'group':
    case 'repeat':
      return allChars(n.body);
  }
}

function firstOfSeq(items: RegexNode[], from: number, follow: CharRanges): CharRanges {
  const parts: CharRanges[] = [];
  for (let i = from; i < items.length; i++) {
    parts.push(firstChars(items[i]!));
    if (!nullable(items[i]!)) return union(...parts);
  }
  return union(...parts, follow);
}

/** Visits every node with the set of characters that may follow it. */
function walkFollow(n: RegexNode, follow: CharRanges, visit: (n: RegexNode, follow: CharRanges) => void): void {
  visit(n, follow);
  switch (n.type) {
    case 'seq':
      n.items.forEach((item, i) => walkFollow(item, firstOfSeq(n.items, i + 1, follow), visit));
      break;
    case 'alt':
      for (const a of n.alts) walkFollow(a, follow, visit);
      break;
    case 'group':
      walkFollow(n.body, follow, visit);
      break;
    case 'repeat':
      walkFollow(n.body, n.max > 1 ? union(firstChars(n.body), follow) : follow, visit);
      break;
    default:
  }
}

function children(n: RegexNode): RegexNode[] {
  switch (n.type) {
    case 'seq':
      return n.items;
    case 'alt':
      return n.alts;
    case 'group':
    case 'repeat':
      return [n.body];
    default:
      return [];
  }
}

/** Loops that repeat often enough to make nested ambiguity exponential. */
const isLoop = (n: RegexNode): n is Extract<RegexNode, { type: 'repeat' }> => n.type === 'repeat' && n.max > 16;
const isUnbounded = (n: RegexNode): n is Extract<RegexNode, { type: 'repeat' }> => n.type === 'repeat' && n.max === Infinity;

function checkLoop(loop: Extract<RegexNode, { type: 'repeat' }>, src: string, out: RegexProblem[]): void {
  const body = loop.body;
  const text = src.slice(loop.at, loop.end);
  walkFollow(body, firstChars(body), (n, follow) => {
    if (n === body) return;
    if (n.type === 'repeat' && n.max > n.min && rangesOverlap(firstChars(n.body), follow)) {
      out.push({
        at: n.at,
        message: `nested repetition "${src.slice(n.at, n.end)}" inside "${text}" is ambiguous and can backtrack catastrophically; make what ends each repetition a character the inner part can not match (e.g. "([a-z]+,)+")`,
      });
    }
    if (n.type === 'alt') {
      for (let i = 0; i < n.alts.length; i++) {
        for (let j = i + 1; j < n.alts.length; j++) {
          if (rangesOverlap(firstChars(n.alts[i]!), firstChars(n.alts[j]!))) {
            out.push({
              at: n.at,
              message: `alternatives that can start with the same character inside the repetition "${text}" can backtrack catastrophically; factor the common prefix out`,
            });
            return;
          }
        }
      }
    }
  });
}

/** Unbounded repeats a match of `n` can start (leading) or end (trailing) with. */
function edgeRepeats(n: RegexNode, leading: boolean): Array<Extract<RegexNode, { type: 'repeat' }>> {
  if (isUnbounded(n)) return [n];
  switch (n.type) {
    case 'group':
      return edgeRepeats(n.body, leading);
    case 'alt':
      return n.alts.flatMap((a) => edgeRepeats(a, leading));
    case 'seq': {
      const items = leading ? n.items : [...n.items].reverse();
      const out: Array<Extract<RegexNode, { type: 'repeat' }>> = [];
      for (const item of items) {
        out.push(...edgeRepeats(item, leading));
        if (!nullable(item)) break;
      }
      return out;
    }
    default:
      return [];
  }
}

function checkAdjacent(seq: Extract<RegexNode, { type: 'seq' }>, src: string, out: RegexProblem[]): void {
  seq.items.forEach((item, i) => {
    for (const x of edgeRepeats(item, false)) {
      const xs = allChars(x.body);
      for (let j = i + 1; j < seq.items.length; j++) {
        const next = seq.items[j]!;
        const y = edgeRepeats(next, true).find((r) => rangesOverlap(xs, allChars(r.body)));
        if (y) {
          out.push({
            at: y.at,
            message: `"${src.slice(x.at, x.end)}" followed by "${src.slice(y.at, y.end)}" can match the same characters in many ways and backtrack catastrophically on long lines; separate them by a mandatory character neither can match, or merge them`,
          });
          return;
        }
        if (!nullable(next)) break;
      }
    }
  });
}

function visitAll(n: RegexNode, f: (n: RegexNode) => void): void {
  f(n);
  for (const c of children(n)) visitAll(c, f);
}

export interface RegexCheck {
  ast: RegexNode;
  /** Named capture groups in source order. */
  names: string[];
  problems: RegexProblem[];
}

/**
 * Checks `src` against the portable dialect and for catastrophic backtracking. Also compiles it
 * with JavaScript's RegExp, which catches anything the dialect parser let through.
 */
export function checkRegex(src: string): RegexCheck {
  const { ast, names, problems } = parseRegex(src);
  const out = [...problems];
  if (out.length === 0) {
    try {
      new RegExp(src);
    } catch (e) {
      out.push({ at: 0, message: `not a valid regex: ${(e as Error).message}` });
    }
  }
  if (out.length === 0) {
    visitAll(ast, (n) => {
      if (isLoop(n)) checkLoop(n, src, out);
      if (n.type === 'seq') checkAdjacent(n, src, out);
    });
  }
  const seen = new Set<string>();
  return {
    ast,
    names,
    problems: out.filter((p) => {
      const k = `${p.at}:${p.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    }),
  };
}

export { DOT };
