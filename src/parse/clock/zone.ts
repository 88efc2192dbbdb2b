import { MICROS_PER_DAY, MICROS_PER_MINUTE } from './civil.js';

/**
 * Time zones for zone-less stamps: IANA zones through `Intl.DateTimeFormat` (no extra library)
 * and fixed offsets. Local -> UTC is exact, including the hour that does not exist (DST gap)
 * and the hour that happens twice (DST overlap), which are reported to the caller.
 */

/** How a local time mapped to UTC. */
export type Fold = 'ok' | 'gap' | 'overlap';

export interface Zone {
  /** The name shown in assumptions: `Australia/Brisbane`, `UTC`, `+10:00`. */
  readonly name: string;
  /** Minutes east of UTC at an instant. */
  offsetAt(utcMicros: number): number;
  /** UTC of a local wall time (micros of the civil time read as if UTC). */
  toUtc(wallMicros: number): { utcMicros: number; fold: Fold };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** `+10:00` style name of an offset in minutes. */
export function offsetName(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export class FixedZone implements Zone {
  readonly name: string;

  constructor(private readonly minutes: number) {
    this.name = offsetName(minutes);
  }

  offsetAt(): number {
    return this.minutes;
  }

  toUtc(wallMicros: number): { utcMicros: number; fold: Fold } {
    return { utcMicros: wallMicros - this.minutes * MICROS_PER_MINUTE, fold: 'ok' };
  }
}

/** Offsets are looked up once per quarter hour of UTC (every transition falls on one). */
const BUCKET = 15 * MICROS_PER_MINUTE;

export class IanaZone implements Zone {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();
  private readonly byMinute = new Map<number, { offset: number; fold: Fold }>();

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  }

  offsetAt(utcMicros: number): number {
    const bucket = Math.floor(utcMicros / BUCKET);
    const hit = this.cache.get(bucket);
    if (hit !== undefined) return hit;
    const part = this.format.formatToParts(new Date((bucket * BUCKET) / 1000)).find((p) => p.type === 'timeZoneName');
    const m = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(part?.value ?? 'GMT');
    const minutes = m && m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    this.cache.set(bucket, minutes);
    return minutes;
  }

  /**
   * The offsets a day before and after bracket any transition near the wall time; a candidate is
   * valid when the zone really has that offset at the UTC it gives. Two valid: the overlap (the
   * earlier instant is chosen, as a clock does the first time round). None: the gap (read with the
   * offset before the transition, as `date` does).
   */
  toUtc(wallMicros: number): { utcMicros: number; fold: Fold } {
    // Transitions fall on whole minutes: one lookup per local minute serves all its lines.
    const minute = Math.floor(wallMicros / MICROS_PER_MINUTE);
    let hit = this.byMinute.get(minute);
    if (!hit) {
      const r = this.resolve(minute * MICROS_PER_MINUTE);
      hit = { offset: minute * MICROS_PER_MINUTE - r.utcMicros, fold: r.fold };
      this.byMinute.set(minute, hit);
    }
    return { utcMicros: wallMicros - hit.offset, fold: hit.fold };
  }

  private resolve(wallMicros: number): { utcMicros: number; fold: Fold } {
    const before = this.offsetAt(wallMicros - MICROS_PER_DAY);
    const after = this.offsetAt(wallMicros + MICROS_PER_DAY);
    const ub = wallMicros - before * MICROS_PER_MINUTE;
    const okBefore = this.offsetAt(ub) === before;
    if (before === after) return { utcMicros: ub, fold: okBefore ? 'ok' : 'gap' };
    const ua = wallMicros - after * MICROS_PER_MINUTE;
    const okAfter = this.offsetAt(ua) === after;
    if (okBefore && okAfter) return { utcMicros: Math.min(ub, ua), fold: 'overlap' };
    if (okBefore) return { utcMicros: ub, fold: 'ok' };
    if (okAfter) return { utcMicros: ua, fold: 'ok' };
    return { utcMicros: ub, fold: 'gap' };
  }
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Z', 'Etc/Universal', 'Universal', 'Zulu']);

/** The zone for a `--tz` value; throws RangeError for an unknown zone (check with isValidTimeZone). */
export function zoneOf(tz: string): Zone {
  if (UTC_NAMES.has(tz)) return new FixedZone(0);
  return new IanaZone(tz);
}
