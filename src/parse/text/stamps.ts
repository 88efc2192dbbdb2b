import type { AbsoluteStamp, Precision, WallStamp } from '../../model/index.js';
import { daysInMonth, MICROS_PER_MINUTE, wallMicros } from '../clock/civil.js';
import { COLON, digits2, digitsN, DOT, COMMA, isDigitCode, LBRACKET, monthAt, RBRACKET, SPACE } from './chars.js';

/**
 * Fixed-shape stamp parsers: each reads one layout at an index by character codes, validates
 * the ranges and returns the parts plus the index after the stamp, or null. No Date, no regex:
 * they run on every selected line.
 */

export interface IsoParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
  /** Digits after the decimal mark (0 = whole seconds). */
  fractionDigits: number;
  /** Minutes east of UTC; NaN when the text names no zone. */
  offsetMinutes: number;
  /** Index after the stamp. */
  end: number;
}

/** Precision implied by the number of fraction digits printed. */
export function precisionOf(fractionDigits: number): Precision {
  return fractionDigits === 0 ? 's' : fractionDigits <= 3 ? 'ms' : 'us';
}

function validTime(hour: number, minute: number, second: number): boolean {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
}

/**
 * Reads the fraction after a `.` or `,` at `i` (1..9 digits, truncated to microseconds).
 * Returns [micros, digits, end]; digits 0 when there is no fraction.
 */
function fractionAt(text: string, i: number, allowComma: boolean): [number, number, number] {
  const c = text.charCodeAt(i);
  if (c !== DOT && !(allowComma && c === COMMA)) return [0, 0, i];
  let j = i + 1;
  let micros = 0;
  let n = 0;
  while (j < text.length && isDigitCode(text.charCodeAt(j))) {
    if (n < 6) micros = micros * 10 + (text.charCodeAt(j) - 48);
    n++;
    j++;
  }
  if (n === 0) return [0, 0, i];
  for (let k = n; k < 6; k++) micros *= 10;
  return [micros, n, j];
}

/**
 * `YYYY-MM-DD(T| )hh:mm:ss[(.|,)frac][Z|±hh:mm|±hhmm]` at `i` (RFC 3339, ISO 8601 as printed
 * by rsyslog, journalctl short-iso, dmesg --time-format iso, CRI, logrus).
 */
export function parseIso(text: string, i: number, allowSpace = false): IsoParts | null {
  const year = digitsN(text, i, 4);
  if (year < 0 || text.charCodeAt(i + 4) !== 45 || text.charCodeAt(i + 7) !== 45) return null;
  const month = digits2(text, i + 5);
  const day = digits2(text, i + 8);
  const sep = text.charCodeAt(i + 10);
  if (sep !== 84 && !(allowSpace && sep === SPACE)) return null; // 'T'
  const hour = digits2(text, i + 11);
  const minute = digits2(text, i + 14);
  const second = digits2(text, i + 17);
  if (text.charCodeAt(i + 13) !== COLON || text.charCodeAt(i + 16) !== COLON) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (!validTime(hour, minute, second)) return null;
  const [micros, fractionDigits, afterFrac] = fractionAt(text, i + 19, true);
  let end = afterFrac;
  let offsetMinutes = Number.NaN;
  const z = text.charCodeAt(end);
  if (z === 90 || z === 122) {
    // 'Z' / 'z'
    offsetMinutes = 0;
    end++;
  } else if (z === 43 || z === 45) {
    const oh = digits2(text, end + 1);
    const colon = text.charCodeAt(end + 3) === COLON;
    const om = digits2(text, end + (colon ? 4 : 3));
    if (oh >= 0 && om >= 0 && oh <= 23 && om <= 59) {
      offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
      end += colon ? 6 : 5;
    }
  }
  return { year, month, day, hour, minute, second, micros, fractionDigits, offsetMinutes, end };
}

/** UTC micros of parsed ISO parts that carry an offset. */
export function isoUtcMicros(p: IsoParts): number {
  const sec = p.second === 60 ? 59 : p.second;
  const us = p.second === 60 ? 999_999 : p.micros;
  return wallMicros(p.year, p.month, p.day, p.hour, p.minute, sec, us) - p.offsetMinutes * MICROS_PER_MINUTE;
}

/** An AbsoluteStamp from ISO parts with an offset; `start` is where the stamp text began. */
export function isoAbsolute(text: string, start: number, p: IsoParts): AbsoluteStamp {
  return {
    kind: 'absolute',
    utcMicros: isoUtcMicros(p),
    precision: precisionOf(p.fractionDigits),
    text: text.slice(start, p.end),
    offsetMinutes: p.offsetMinutes,
  };
}

/** A zone-less WallStamp (with year) from ISO parts that carry no offset. */
export function isoWall(text: string, start: number, p: IsoParts): WallStamp {
  return {
    kind: 'wall',
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    micros: p.micros,
    precision: precisionOf(p.fractionDigits),
    text: text.slice(start, p.end),
  };
}

export interface BsdStamp {
  stamp: WallStamp;
  end: number;
  /** The day was written with a leading zero below 10 (`May 08`: journalctl, never rsyslog). */
  zeroPadded: boolean;
  /** The day was written with a leading space (`Jul  5`: rsyslog, never journalctl). */
  spacePadded: boolean;
}

/**
 * The last stamp read at the start of a line. Consecutive lines usually share their second, so
 * a line starting with the same text (and not continuing it with a fraction) reuses the parsed,
 * never mutated, stamp: one startsWith instead of a parse and two allocations.
 */
let lastBsd: BsdStamp | null = null;

/** `Mon DD hh:mm:ss[.ffffff]` (syslog RFC 3164, journal short/short-precise) at `i`. */
export function parseBsdStamp(text: string, i: number): BsdStamp | null {
  if (i === 0 && lastBsd !== null && text.startsWith(lastBsd.stamp.text)) {
    const next = text.charCodeAt(lastBsd.end);
    if (next !== DOT && !isDigitCode(next)) return lastBsd;
  }
  const parsed = parseBsdAt(text, i);
  if (parsed && i === 0) lastBsd = parsed;
  return parsed;
}

function parseBsdAt(text: string, i: number): BsdStamp | null {
  const month = monthAt(text, i);
  if (month === 0 || text.charCodeAt(i + 3) !== SPACE) return null;
  const d0 = text.charCodeAt(i + 4);
  let day: number;
  if (d0 === SPACE) {
    const d = text.charCodeAt(i + 5) - 48;
    day = d >= 0 && d <= 9 ? d : -1;
  } else day = digits2(text, i + 4);
  if (day < 1 || day > daysInMonth(undefined, month) || text.charCodeAt(i + 6) !== SPACE) return null;
  const hour = digits2(text, i + 7);
  const minute = digits2(text, i + 10);
  const second = digits2(text, i + 13);
  if (text.charCodeAt(i + 9) !== COLON || text.charCodeAt(i + 12) !== COLON || !validTime(hour, minute, second)) return null;
  const [micros, fractionDigits, end] = fractionAt(text, i + 15, false);
  const stamp: WallStamp = {
    kind: 'wall',
    month,
    day,
    hour,
    minute,
    second,
    micros,
    precision: precisionOf(fractionDigits),
    text: text.slice(i, end),
  };
  return { stamp, end, zeroPadded: d0 === 48, spacePadded: d0 === SPACE };
}

export interface UptimeParts {
  seconds: number;
  /** Whole uptime in microseconds (exact, for matching the same line in two files). */
  micros: number;
  /** Index after the closing bracket. */
  end: number;
}

/** `[ 1234.567890]` (printk, dmesg raw, journal short-monotonic) at `i`; any width. */
export function parseUptimeBracket(text: string, i: number): UptimeParts | null {
  if (text.charCodeAt(i) !== LBRACKET) return null;
  let j = i + 1;
  while (text.charCodeAt(j) === SPACE) j++;
  const intStart = j;
  let whole = 0;
  while (isDigitCode(text.charCodeAt(j))) whole = whole * 10 + (text.charCodeAt(j++) - 48);
  if (j === intStart || j - intStart > 12) return null;
  const [frac, digits, end] = fractionAt(text, j, false);
  if (digits === 0 || text.charCodeAt(end) !== RBRACKET) return null;
  const micros = whole * 1_000_000 + frac;
  return { seconds: micros / 1_000_000, micros, end: end + 1 };
}
