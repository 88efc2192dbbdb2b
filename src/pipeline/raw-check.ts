import { literalFinder } from '../ingest/index.js';
import type { LoadedSignature } from '../model/index.js';
import { regexList } from '../signatures/names.js';

/**
 * A second look at the lines the literal gate selected, before they are parsed: the regexes of
 * the signatures whose literals the line holds, run on the line as read. In the formats listed
 * in RAW_MESSAGE_FORMATS a one-line record's message is a piece of its line (after the stamp,
 * host and tag, or the whole line), so a regex that matches the message also matches the line,
 * once its `^`/`$` anchors are dropped; a line none of them matches can not hold evidence and
 * need not be parsed (it is still context when a hit is near: it is kept as an unfed line).
 * The scanner asks only about lines that are records of their own: not a continuation, not
 * followed by one, not opening a klog `=<` block, ASCII, without rsyslog `#ooo` escapes.
 *
 * Why (measured on the 100 MB bench corpus): 8,800 lines hold a literal and 900 are evidence;
 * the rest (`ADDRCONF(NETDEV_CHANGE): cali...`, `"Killing container with a grace period"`,
 * `: Gained carrier` of calico interfaces...) cost a parse and a match each, 10-20 us, more
 * than the whole gate per MB; a few regexes on one line cost ~1 us.
 */

/** Formats whose one-line records keep their message as a piece of the line. */
export const RAW_MESSAGE_FORMATS: ReadonlySet<string> = new Set([
  'syslog-rfc3164',
  'syslog-rfc3339',
  'journal-short',
  'journal-short-precise',
  'journal-short-iso',
  'journal-short-iso-precise',
  'journal-short-full',
  'journal-short-unix',
  'journal-short-monotonic',
  'dmesg',
  'klog',
  'container-cri',
  'container-timestamps',
]);

export interface RawCheck {
  /**
   * False when no signature can match the one-line record of `text.slice(start, end)`.
   * `ascii`: the caller knows the text holds no byte >= 0x80 (the block said so).
   */
  mayMatch(text: string, start: number, end: number, ascii?: boolean): boolean;
}

/**
 * One regex for all the regexes of a literal's owners (named groups made plain: two owners may
 * name a group alike), or null when they can not be joined (a backreference).
 */
function joined(regexes: readonly RegExp[]): RegExp | null {
  if (regexes.length === 1) return regexes[0]!;
  if (regexes.some((r) => /\\(?:k<|[1-9])/.test(r.source))) return null;
  const plain = regexes.map((r) => `(?:${r.source.replace(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?:')})`);
  try {
    return new RegExp([...new Set(plain)].join('|'));
  } catch {
    return null;
  }
}

/**
 * The regex with a leading `^` and a trailing `$` dropped (a match of the anchored regex in the
 * message is a match of this one in the line), or null when it has anchors or word boundaries
 * elsewhere.
 */
export function unanchored(source: string): RegExp | null {
  let s = source;
  if (s.startsWith('^')) s = s.slice(1);
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      if (s[i + 1] === 'b' || s[i + 1] === 'B') return null;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '^') return null;
    else if (c === '$') {
      if (i !== s.length - 1) return null;
      s = s.slice(0, -1);
    }
  }
  return new RegExp(s);
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
/** rsyslog `#ooo` / `\ooo` control-character escapes, which the parser decodes. */
const ESCAPE = /[#\\](?:0[0-3][0-7]|177)/;

export function rawCheck(signatures: readonly LoadedSignature[], literalsOf: (id: string) => string[] | null, always: readonly string[]): RawCheck {
  const literals: string[] = [];
  const owners: Array<Array<RegExp[] | null>> = [];
  const index = new Map<string, number>();
  const own = (lit: string, regexes: RegExp[] | null): void => {
    let k = index.get(lit);
    if (k === undefined) {
      k = literals.length;
      index.set(lit, k);
      literals.push(lit);
      owners.push([]);
    }
    owners[k]!.push(regexes);
  };
  for (const sig of signatures) {
    if (sig.match.kind !== 'event') continue;
    const lits = literalsOf(sig.id);
    if (!lits) continue;
    const res = regexList(sig).map(unanchored);
    const regexes = res.every((r) => r !== null) ? (res as RegExp[]) : null;
    for (const l of lits) own(l, regexes);
  }
  for (const l of always) own(l, null);
  // The finder looks for literals of 3 bytes or more (as the catalogue's gate does): with a
  // shorter one, a line's literals can not all be known.
  if (literals.some((l) => l.length < 3)) return { mayMatch: () => true };
  const find = literalFinder(literals);
  // Per literal: 'always' (an owner whose regexes can not be checked raw), or the owners'
  // regexes as one (tried in one call), or the list of them.
  const checks = owners.map((list): 'always' | RegExp[] => {
    if (list.some((r) => r === null)) return 'always';
    const all = (list as RegExp[][]).flat();
    const one = joined(all);
    return one ? [one] : all;
  });
  return {
    mayMatch(text, start, end, ascii = false) {
      const line = text.slice(start, end);
      if ((!ascii && NON_ASCII.test(line)) || ESCAPE.test(line)) return true;
      const found = find(line);
      if (found.size === 0) return true;
      for (const k of found) {
        const c = checks[k]!;
        if (c === 'always') return true;
        for (const re of c) if (re.test(line)) return true;
      }
      return false;
    },
  };
}
