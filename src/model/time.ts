/**
 * Time as it is written in the input (a Stamp, produced by the parse stage) and time as it is
 * resolved onto the one UTC clock of a run (an EventTime, produced by the clock step).
 *
 * Parsers never guess a year or a zone: a stamp that lacks them stays a `wall` stamp, and the
 * clock step resolves it from flags or evidence and records the assumption.
 */

export type Precision = 'us' | 'ms' | 's' | 'min' | 'age';

/** An instant with its own zone or epoch: RFC3339 with offset, journal __REALTIME_TIMESTAMP, kubectl UTC. */
export interface AbsoluteStamp {
  kind: 'absolute';
  utcMicros: number;
  precision: Precision;
  /** The time text exactly as it appears in the input. */
  text: string;
  /**
   * The UTC offset (minutes east) the text was written in, when the text names one (RFC3339
   * `+10:00`, `Z` = 0). Absent for epoch numbers (journal µs, `short-unix`): their writer's zone
   * is unknown. The clock reads a klog header inside such a line in this zone.
   */
  offsetMinutes?: number;
}

/**
 * A calendar time without a zone, and possibly without a year (syslog RFC3164, journal short,
 * klog headers, dmesg -T). `zone` is set when the line names one (an abbreviation such as AEST,
 * or an explicit UTC offset in minutes via `offsetMinutes`).
 */
export interface WallStamp {
  kind: 'wall';
  year?: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Sub-second part in microseconds (0 when the format has none). */
  micros: number;
  precision: Precision;
  text: string;
  /** Zone abbreviation printed on the line (journal short-full), resolved by the clock step. */
  zoneAbbrev?: string;
}

/** Seconds since boot (kernel printk prefix, dmesg raw, journal short-monotonic). */
export interface UptimeStamp {
  kind: 'uptime';
  seconds: number;
  text: string;
}

/** A relative age printed by kubectl (`5d6h`, `33m`): resolved against the snapshot time. */
export interface AgeStamp {
  kind: 'age';
  /** Age in seconds; the unit of the last component is the error bar. */
  seconds: number;
  /** Error bar in seconds (e.g. 60 for `33m`, 3600 for `5d6h`). */
  errorSeconds: number;
  text: string;
}

export interface NoStamp {
  kind: 'none';
}

export type Stamp = AbsoluteStamp | WallStamp | UptimeStamp | AgeStamp | NoStamp;

/** A resolved time on the run's single UTC clock. */
export interface EventTime {
  /** Microseconds since the Unix epoch, UTC; null when the time could not be resolved. */
  utcMicros: number | null;
  /** Original time text from the input. */
  text: string;
  precision: Precision;
  /** The year was not on the line and was inferred (flag, evidence or mtime). */
  yearInferred?: true;
  /** The line had no zone and the zone was assumed (flag or default UTC). */
  zoneAssumed?: true;
  /** Only a boot-relative time is known (no boot anchor for this host). */
  relative?: true;
}

export const MICROS_PER_SECOND = 1_000_000;

/** ISO 8601 UTC with microseconds when present (`2026-05-28T10:21:04.118402Z`). */
export function isoFromMicros(utcMicros: number, precision: Precision = 'us'): string {
  const ms = Math.floor(utcMicros / 1000);
  const base = new Date(ms).toISOString(); // yyyy-mm-ddThh:mm:ss.mmmZ
  if (precision === 'us') {
    const us = ((utcMicros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
    return `${base.slice(0, 19)}.${String(us).padStart(6, '0')}Z`;
  }
  if (precision === 'ms') return base;
  return `${base.slice(0, 19)}Z`;
}
