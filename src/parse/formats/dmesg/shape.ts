import { isDigit } from '../syslog/shape.js';

/**
 * Shape probe of dmesg (see syslog/shape.ts): a raw `[ 1234.567890]` prefix, which
 * readDmesgPrefix always reads, or an indented line (a continuation, never unparsed). The
 * other prefixes (-T, iso, -r, -x) answer false: those lines are parsed.
 */
export function dmesgShape(t: string, s: number, e: number): boolean {
  const c = t.charCodeAt(s);
  if (s < e && (c === 32 || c === 9)) return true;
  const end = uptimeBracketEnd(t, s);
  return end > 0 && end <= e;
}

/** `[ 1234.567890]` at `s` (parseUptimeBracket): the index after `]`, or -1. */
export function uptimeBracketEnd(t: string, s: number): number {
  if (t.charCodeAt(s) !== 91) return -1;
  let i = s + 1;
  while (t.charCodeAt(i) === 32) i++;
  const digits = i;
  while (isDigit(t.charCodeAt(i))) i++;
  if (i === digits || i - digits > 12 || t.charCodeAt(i) !== 46) return -1;
  const frac = ++i;
  while (isDigit(t.charCodeAt(i))) i++;
  return i > frac && t.charCodeAt(i) === 93 ? i + 1 : -1;
}
