import type { Stamp, WallStamp } from '../../model/index.js';
import { isLeapYear, MICROS_PER_DAY, MICROS_PER_MINUTE, wallMicros, yearOfMicros } from './civil.js';
import type { Zone } from './zone.js';

/**
 * Years for year-less stamps (syslog RFC 3164, journal short, klog files), FORMATS.md 1.4: the
 * last stamp of a file takes the latest year that keeps it no later than the anchor + skew;
 * walking the file backwards, each stamp takes the year that puts it closest before the stamp
 * after it, which subtracts a year at every Dec -> Jan rollover. Small backward steps (lines out
 * of order by up to JITTER) stay in the same year; Feb 29 only exists in leap years.
 */

/** How far a stamp may be later than the one after it and still be the same year. */
const JITTER = 7 * MICROS_PER_DAY;
/** How many years back a Feb 29 may look for a leap year. */
const LEAP_SEARCH = 8;

export interface YearPoint {
  line: number;
  stamp: Stamp;
}

export interface YearWalk {
  /** Year per line for the year-less wall stamps. */
  years: Map<number, number>;
  /** Lines whose Feb 29 forced a jump to an earlier leap year. */
  leapJumps: number[];
}

/** Local wall micros of a year-less stamp in year `y`, or NaN when the date does not exist. */
export function wallInYear(s: WallStamp, y: number): number {
  if (s.month === 2 && s.day === 29 && !isLeapYear(y)) return Number.NaN;
  return wallMicros(y, s.month, s.day, s.hour, s.minute, Math.min(s.second, 59), s.micros);
}

/** The latest year at or before `fromYear` whose wall time is <= `limit`; -1 when none. */
function latestYearAtMost(s: WallStamp, fromYear: number, limit: number): number {
  for (let y = fromYear; y >= fromYear - LEAP_SEARCH; y--) {
    const w = wallInYear(s, y);
    if (!Number.isNaN(w) && w <= limit) return y;
  }
  return -1;
}

/** Local wall micros of a point that carries its own date, or null. */
function datedWall(stamp: Stamp, zone: Zone): number | null {
  if (stamp.kind === 'absolute') {
    const offset = stamp.offsetMinutes ?? zone.offsetAt(stamp.utcMicros);
    return stamp.utcMicros + offset * MICROS_PER_MINUTE;
  }
  if (stamp.kind === 'wall' && stamp.year !== undefined) return wallInYear(stamp, stamp.year);
  return null;
}

/**
 * Walks one file's points (records and samples, in line order) backwards.
 * `anchorLocal` is the anchor as a local wall time (micros of the civil time read as UTC); the
 * newest stamp may be up to `skew` later (clock skew between sources).
 */
export function walkYears(points: readonly YearPoint[], anchorLocal: number, skew: number, zone: Zone): YearWalk {
  const years = new Map<number, number>();
  const leapJumps: number[] = [];
  let next: number | null = null;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    const dated = datedWall(p.stamp, zone);
    if (dated !== null && !Number.isNaN(dated)) {
      next = dated;
      continue;
    }
    if (p.stamp.kind !== 'wall' || p.stamp.year !== undefined) continue;
    const limit: number = next === null ? anchorLocal + skew : next + JITTER;
    const from = yearOfMicros(limit);
    const y = latestYearAtMost(p.stamp, from, limit);
    if (y < 0) continue;
    if (p.stamp.month === 2 && p.stamp.day === 29 && latestYearAtMost({ ...p.stamp, day: 28 }, from, limit) !== y) {
      leapJumps.push(p.line);
    }
    years.set(p.line, y);
    next = wallInYear(p.stamp, y);
  }
  return { years, leapJumps };
}
