import { daysInMonth } from '../../clock/civil.js';

/**
 * Shape probes for the scanner (Format.shapeOk): fixed-offset character checks on a line
 * `t.slice(s, e)` of a latin1 block, with no allocation. A probe answers true only when the
 * format's own parser is sure to read the line as a record (never as an unparsed line), so the
 * scanner may skip it when no literal selected it. They mirror the stamp parsers of
 * text/stamps.ts check for check; anything unusual answers false and the line is parsed.
 *
 * Why: without a probe every line of a file is parsed to count unparsed lines exactly; with
 * one, a line that holds no literal costs an indexOf and a dozen charCodeAt. Measured on the
 * 100 MB bench corpus: parsing a kubelet journal line costs ~4-5 us (klog fields included),
 * the probe ~20 ns.
 *
 * Reads past `e` see the line's '\n' (or NaN past the block), which fails every check, as the
 * parser sees the end of its string.
 */

const SPACE = 32;
const COLON = 58;

/** Two decimal digits at `i` as a number, or -1. */
export function d2(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48;
  const b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function timeOk(t: string, i: number): boolean {
  if (t.charCodeAt(i + 2) !== COLON || t.charCodeAt(i + 5) !== COLON) return false;
  const h = d2(t, i);
  const m = d2(t, i + 3);
  const s = d2(t, i + 6);
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 60;
}

/** Digits after a '.' (or ',' when `comma`) at `i`: the index after them, or `i` when none. */
function fractionEnd(t: string, i: number, comma: boolean): number {
  const c = t.charCodeAt(i);
  if (c !== 46 && !(comma && c === 44)) return i;
  let j = i + 1;
  while (isDigit(t.charCodeAt(j))) j++;
  return j === i + 1 ? i : j;
}

/** Days in each month when the year is not known (February may be a leap one). */
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The English month abbreviation at `i` as 1..12, or 0 (text/chars.ts monthAt, on char codes:
 * its startsWith calls made the probe ~100 ns a line, this ~20 ns).
 */
function monthCode(t: string, i: number): number {
  switch ((t.charCodeAt(i) << 16) | (t.charCodeAt(i + 1) << 8) | t.charCodeAt(i + 2)) {
    case 0x4a616e: return 1; // Jan
    case 0x466562: return 2; // Feb
    case 0x4d6172: return 3; // Mar
    case 0x417072: return 4; // Apr
    case 0x4d6179: return 5; // May
    case 0x4a756e: return 6; // Jun
    case 0x4a756c: return 7; // Jul
    case 0x417567: return 8; // Aug
    case 0x536570: return 9; // Sep
    case 0x4f6374: return 10; // Oct
    case 0x4e6f76: return 11; // Nov
    case 0x446563: return 12; // Dec
    default: return 0;
  }
}

/**
 * `Mon DD hh:mm:ss[.frac]` at `s` (parseBsdStamp): the index after it, or -1. `precise`: true
 * wants a fraction, false wants none. Written out flat: the scanner calls it on almost every
 * line through a call site that sees several formats, where nothing is inlined (measured:
 * 90 ns a line with helper calls, 65 flat).
 */
export function bsdStampEnd(t: string, s: number, e: number, precise: boolean): number {
  if (e - s < 16 || t.charCodeAt(s + 3) !== SPACE || t.charCodeAt(s + 6) !== SPACE || t.charCodeAt(s + 9) !== COLON || t.charCodeAt(s + 12) !== COLON) return -1;
  const month = monthCode(t, s);
  if (month === 0) return -1;
  const d0 = t.charCodeAt(s + 4) - 48;
  const d1 = t.charCodeAt(s + 5) - 48;
  if (!(d1 >= 0 && d1 <= 9)) return -1;
  const day = d0 === SPACE - 48 ? d1 : d0 >= 0 && d0 <= 9 ? d0 * 10 + d1 : -1;
  if (day < 1 || day > MONTH_DAYS[month]!) return -1;
  const h0 = t.charCodeAt(s + 7) - 48;
  const h1 = t.charCodeAt(s + 8) - 48;
  const m0 = t.charCodeAt(s + 10) - 48;
  const m1 = t.charCodeAt(s + 11) - 48;
  const s0 = t.charCodeAt(s + 13) - 48;
  const s1 = t.charCodeAt(s + 14) - 48;
  if (!(h0 >= 0 && h0 <= 2 && h1 >= 0 && h1 <= 9 && m0 >= 0 && m0 <= 5 && m1 >= 0 && m1 <= 9 && s0 >= 0 && s0 <= 6 && s1 >= 0 && s1 <= 9)) return -1;
  if (h0 * 10 + h1 > 23 || s0 * 10 + s1 > 60) return -1;
  const end = fractionEnd(t, s + 15, false);
  return (end > s + 15) === precise ? end : -1;
}

/** Set by isoStampEnd: digits of the fraction and whether a zone offset was read. */
export const iso = { fraction: 0, offset: false };

/**
 * `YYYY-MM-DD(T| )hh:mm:ss[(.|,)frac][Z|±hh:mm|±hhmm]` at `s` (parseIso): the index after it,
 * or -1; `iso` tells what was read.
 */
export function isoStampEnd(t: string, s: number, e: number, space = false): number {
  if (e - s < 19) return -1;
  const century = d2(t, s);
  const yy = d2(t, s + 2);
  if (century < 0 || yy < 0 || t.charCodeAt(s + 4) !== 45 || t.charCodeAt(s + 7) !== 45) return -1;
  const sep = t.charCodeAt(s + 10);
  if (sep !== 84 && !(space && sep === SPACE)) return -1;
  const year = century * 100 + yy;
  const month = d2(t, s + 5);
  const day = d2(t, s + 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || !timeOk(t, s + 11)) return -1;
  let end = fractionEnd(t, s + 19, true);
  iso.fraction = end > s + 19 ? end - s - 20 : 0;
  iso.offset = false;
  const z = t.charCodeAt(end);
  if (z === 90 || z === 122) {
    iso.offset = true;
    end += 1;
  } else if (z === 43 || z === 45) {
    const colon = t.charCodeAt(end + 3) === COLON;
    const oh = d2(t, end + 1);
    const om = d2(t, end + (colon ? 4 : 3));
    if (oh >= 0 && om >= 0 && oh <= 23 && om <= 59) {
      iso.offset = true;
      end += colon ? 6 : 5;
    }
  }
  return end;
}

/** syslog RFC 3164 (and journal short): `Mon DD hh:mm:ss ` then the rest. */
export function rfc3164Shape(t: string, s: number, e: number): boolean {
  return t.charCodeAt(s + 15) === SPACE && bsdStampEnd(t, s, e, false) === s + 15;
}

/** syslog RFC 3339 (rsyslog high precision): an ISO stamp with a zone, then a space. */
export function rfc3339Shape(t: string, s: number, e: number): boolean {
  const end = isoStampEnd(t, s, e);
  return end > 0 && iso.offset && end < e && t.charCodeAt(end) === SPACE;
}
