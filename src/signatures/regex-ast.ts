/**
 * A parser for the portable regex dialect of signature files (docs/patterns.md, "Regex
 * dialect"): the subset shared by POSIX ERE, RE2/Rust and JavaScript, plus named groups. It
 * produces a small AST that safe-regex.ts checks for catastrophic backtracking and literals.ts
 * reads required literals from. Anything outside the dialect is reported as a problem with its
 * offset in the source; the parse then continues so that every problem is reported at once.
 */

import { type CharRanges, DOT, complementRanges, normalizeRanges } from './char-ranges.js';

export { type CharRanges, DOT, complementRanges, normalizeRanges, rangeSize, rangesOverlap } from './char-ranges.js';

export type RegexNode =
  | { type: 'char'; ch: string; at: number }
  | { type: 'class'; ranges: CharRanges; at: number; end: number }
  | { type: 'seq'; items: RegexNode[]; at: number }
  | { type: 'alt'; alts: RegexNode[]; at: number }
  | { type: 'group'; name?: string; capture: boolean; body: RegexNode; at: number; end: number }
  | { type: 'repeat'; min: number; max: number; body: RegexNode; at: number; end: number }
  | { type: 'assert'; kind: '^' | '$' | 'b' | 'B'; at: number };

export interface RegexProblem {
  /** Offset in the regex source. */
  at: number;
  message: string;
}

export interface ParsedRegex {
  ast: RegexNode;
  names: string[];
  problems: RegexProblem[];
}

const SYNTAX = '\\^$.|?*+()[]{}/-';
const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };
const SHORTHAND_HELP: Record<string, string> = {
  d: '[0-9]',
  D: '[^0-9]',
  w: '[A-Za-z0-9_]',
  W: '[^A-Za-z0-9_]',
  s: '[ \\t]',
  S: '[^ \\t]',
};

class Parser {
  i = 0;
  readonly problems: RegexProblem[] = [];
  readonly names: string[] = [];
  constructor(readonly src: string) {}

  problem(at: number, message: string): void {
    this.problems.push({ at, message });
  }

  parseAlt(): RegexNode {
    const at = this.i;
    const alts: RegexNode[] = [this.parseSeq()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.parseSeq());
    }
    return alts.length === 1 ? alts[0]! : { type: 'alt', alts, at };
  }

  parseSeq(): RegexNode {
    const at = this.i;
    const items: RegexNode[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.parseAtom();
      if (atom) items.push(this.parseQuantifiers(atom));
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items, at };
  }

  parseQuantifiers(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      const c = this.src[this.i];
      const at = this.i;
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(this.src.slice(this.i));
        if (!m) {
          this.problem(at, 'a "{" that is not a quantifier {n}, {n,} or {n,m}: escape it as \\{');
          this.i++;
          return node;
        }
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) this.problem(at, `quantifier ${m[0]} has its numbers out of order`);
        this.i += m[0].length - 1;
      } else return node;
      this.i++;
      if (this.src[this.i] === '?') {
        this.problem(this.i, 'lazy quantifier (*?, +?, ??, {n,m}?) is not in the portable dialect: use a negated class such as [^,]*');
        this.i++;
      } else if (this.src[this.i] === '+') {
        this.problem(this.i, 'possessive quantifier is not in the portable dialect');
        this.i++;
      }
      if (node.type === 'assert') this.problem(at, 'quantifier after an anchor');
      if (node.type === 'repeat' && c !== '{') this.problem(at, `nothing to repeat: "${c}" directly after a quantifier`);
      node = { type: 'repeat', min, max, body: node, at: node.at, end: this.i };
    }
  }

  parseAtom(): RegexNode | undefined {
    const at = this.i;
    const c = this.src[this.i]!;
    if (c === '(') return this.parseGroup();
    if (c === '[') return this.parseClass();
    this.i++;
    if (c === '.') return { type: 'class', ranges: DOT, at, end: this.i };
    if (c === '^' || c === '$') return { type: 'assert', kind: c, at };
    if (c === '*' || c === '+' || c === '?') {
      this.problem(at, `nothing to repeat before "${c}"`);
      return undefined;
    }
    if (c === '{') {
      this.problem(at, 'a literal "{" must be escaped as \\{');
      return { type: 'char', ch: c, at };
    }
    if (c === '\\') return this.parseEscape(at, false);
    return { type: 'char', ch: c, at };
  }

  /** An escape outside (inClass false) or inside a class; returns a char, a class or an assertion. */
  parseEscape(at: number, inClass: boolean): RegexNode | undefined {
    const e = this.src[this.i];
    this.i++;
    if (e === undefined) {
      this.problem(at, 'the regex ends with a lone backslash');
      return undefined;
    }
    if (SYNTAX.includes(e)) return { type: 'char', ch: e, at };
    if (e in CONTROL_ESCAPES) return { type: 'char', ch: CONTROL_ESCAPES[e]!, at };
    if (e in SHORTHAND_HELP) {
      this.problem(at, `\\${e} is not in the portable dialect: write ${SHORTHAND_HELP[e]}`);
      return { type: 'class', ranges: [], at, end: this.i };
    }
    if ((e === 'b' || e === 'B') && !inClass) return { type: 'assert', kind: e, at };
    if (e === 'x' || e === 'u') {
      const len = e === 'x' ? 2 : 4;
      const hex = this.src.slice(this.i, this.i + len);
      if (new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) {
        this.i += len;
        return { type: 'char', ch: String.fromCharCode(parseInt(hex, 16)), at };
      }
      this.problem(at, `\\${e} needs ${len} hex digits`);
      return undefined;
    }
    if (/[1-9]/.test(e) || e === 'k') {
      this.problem(at, 'backreferences are not in the portable dialect (they can not run in linear time)');
      return undefined;
    }
    this.problem(at, `unknown escape \\${e}: escape only regex syntax characters (${SYNTAX}) or use \\t \\n \\xHH`);
    return { type: 'char', ch: e, at };
  }

  parseGroup(): RegexNode {
    const at = this.i;
    this.i++; // (
    let name: string | undefined;
    let capture = true;
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i);
      const named = /^\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        name = named[1]!;
        if (this.names.includes(name)) this.problem(at, `duplicate group name "${name}"`);
        this.names.push(name);
        this.i += named[0].length;
      } else if (rest.startsWith('?:')) {
        capture = false;
        this.i += 2;
      } else if (/^\?(=|!|<=|<!)/.test(rest)) {
        this.problem(at, 'lookaround ((?=, (?!, (?<=, (?<!) is not in the portable dialect');
        this.i += rest.startsWith('?<') ? 3 : 2;
      } else {
        this.problem(at, 'unknown group syntax: use (?<name>...) or (?:...)');
        this.i++;
      }
    }
    const body = this.parseAlt();
    if (this.src[this.i] === ')') this.i++;
    else this.problem(at, 'unclosed group "("');
    return { type: 'group', ...(name ? { name } : {}), capture, body, at, end: this.i };
  }

  parseClass(): RegexNode {
    const at = this.i;
    this.i++; // [
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const ranges: Array<[number, number]> = [];
    if (this.src[this.i] === ']') {
      // ERE reads "[]a]" / "[^]a]" as a class holding "]"; JavaScript reads "[]" as empty and
      // "[^]" as any character. Refused so that the pattern means one thing everywhere.
      this.problem(this.i, 'a "]" first in a class means different things in ERE and JavaScript: escape it as \\]');
    }
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const lo = this.classChar();
      if (lo === undefined) continue;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const hi = this.classChar();
        if (hi === undefined) continue;
        if (hi < lo) this.problem(at, 'character class range out of order');
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    if (this.src[this.i] === ']') this.i++;
    else this.problem(at, 'unclosed character class "["');
    const norm = normalizeRanges(ranges);
    return { type: 'class', ranges: negated ? complementRanges(norm) : norm, at, end: this.i };
  }

  classChar(): number | undefined {
    const at = this.i;
    const c = this.src[this.i]!;
    if (c === '[' && this.src[this.i + 1] === ':') {
      this.problem(at, 'POSIX classes like [[:digit:]] are not in the portable dialect: write [0-9]');
    }
    this.i++;
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.src[this.i];
    if (e === 'b') {
      this.i++;
      return 8;
    }
    const node = this.parseEscape(at, true);
    return node?.type === 'char' ? node.ch.charCodeAt(0) : undefined;
  }
}

/** Parses a regex of the portable dialect. Never throws; problems carry source offsets. */
export function parseRegex(src: string): ParsedRegex {
  const p = new Parser(src);
  const ast = p.parseAlt();
  while (p.i < src.length) {
    // a stray ')' at the top level
    p.problem(p.i, 'unmatched ")"');
    p.i++;
    p.parseAlt();
  }
  return { ast, names: p.names, problems: p.problems };
}
