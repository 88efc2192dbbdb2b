import { weekdayAt } from '../../text/chars.js';
import { uptimeBracketEnd } from '../dmesg/shape.js';
import { bsdStampEnd, iso, isDigit, isoStampEnd, rfc3164Shape } from '../syslog/shape.js';

/**
 * Shape probes of the journalctl text modes (see syslog/shape.ts): the mode's own stamp and a
 * space. A line starting with a space continues the entry before it (never an unparsed line):
 * skipped unless that entry was read, which the scanner sees to.
 */

const SPACE = 32;

function spaceAfter(t: string, end: number, e: number): boolean {
  return end > 0 && end < e && t.charCodeAt(end) === SPACE;
}

export const shortShape = rfc3164Shape;

export function shortPreciseShape(t: string, s: number, e: number): boolean {
  return spaceAfter(t, bsdStampEnd(t, s, e, true), e);
}

export function shortIsoShape(precise: boolean): (t: string, s: number, e: number) => boolean {
  return (t, s, e) => {
    const end = isoStampEnd(t, s, e);
    return iso.offset && iso.fraction > 0 === precise && spaceAfter(t, end, e);
  };
}

/** `Thu 2026-05-28 20:21:04 AEST ` (a zone abbreviation; numeric zones are parsed). */
export function shortFullShape(t: string, s: number, e: number): boolean {
  if (!weekdayAt(t, s) || t.charCodeAt(s + 3) !== SPACE) return false;
  const end = isoStampEnd(t, s + 4, e, true);
  if (end < 0 || iso.offset || t.charCodeAt(end) !== SPACE) return false;
  const c = t.charCodeAt(end + 1);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  let j = end + 2;
  for (; j < end + 7; j++) {
    const d = t.charCodeAt(j);
    if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || isDigit(d))) break;
  }
  return spaceAfter(t, j, e);
}

/** `1780000000.123456 ` */
export function shortUnixShape(t: string, s: number, e: number): boolean {
  let i = s;
  while (isDigit(t.charCodeAt(i))) i++;
  if (i - s < 9 || i - s > 11 || t.charCodeAt(i) !== 46) return false;
  let j = i + 1;
  while (isDigit(t.charCodeAt(j))) j++;
  return j - i - 1 === 6 && spaceAfter(t, j, e);
}

/** `[ 1234.567890] ` (short-monotonic without the short-delta part). */
export function shortMonotonicShape(t: string, s: number, e: number): boolean {
  return spaceAfter(t, uptimeBracketEnd(t, s), e);
}

/** A journal probe: indented continuation lines, else the mode's own shape. */
export function journalShape(own: (t: string, s: number, e: number) => boolean): (t: string, s: number, e: number) => boolean {
  return (t, s, e) => (s < e && t.charCodeAt(s) === SPACE) || own(t, s, e);
}
