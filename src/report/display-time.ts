import type { TimeView } from './view-model.js';

/**
 * Shows UTC instants on the display clock (an IANA zone) with the labels reports use:
 * `AEST (UTC+10)`. Offsets and abbreviations come from Intl (ICU), per instant, so zones with
 * daylight saving get the right offset on each side of a transition.
 */

// English locales tried in order for a zone abbreviation: ICU only knows an abbreviation in
// the locales where it is in common use (AEST in en-AU, CEST in en-GB, EDT in en-US, IST in en-IN).
const ABBREV_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-CA', 'en-NZ', 'en-IE', 'en-ZA', 'en-SG'];
// Offsets only change on quarter hours in every real zone: one Intl look-up per quarter hour.
const BUCKET_MS = 15 * 60 * 1000;

interface ZoneAt {
  offsetMinutes: number;
  abbrev: string | null;
}

/** `UTC+10`, `UTC+5:30`, `UTC-3`, `UTC`. */
export function utcOffsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const m = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** `+10:00`, `-03:30`. */
function isoOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `5h 20m`, `31m 4s`, `6d 23h`, `45s`, `0s`: the two largest units, rounded down. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const units: Array<[number, string]> = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'm'],
    [s % 60, 's'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first < 0) return ms > 0 && ms < 1000 ? '<1s' : '0s';
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join(' ');
}

export class DisplayClock {
  readonly zone: string;
  private readonly cache = new Map<number, ZoneAt>();
  private readonly offsetFormat: Intl.DateTimeFormat;
  private readonly abbrevFormats: Intl.DateTimeFormat[];

  /** Throws a RangeError for a zone Intl does not know (the CLI validates --display-tz first). */
  constructor(zone: string) {
    this.zone = zone;
    this.offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    this.abbrevFormats = ABBREV_LOCALES.map((l) => new Intl.DateTimeFormat(l, { timeZone: zone, timeZoneName: 'short' }));
  }

  private at(ms: number): ZoneAt {
    const bucket = Math.floor(ms / BUCKET_MS);
    let z = this.cache.get(bucket);
    if (!z) {
      const probe = new Date(bucket * BUCKET_MS);
      const long = this.offsetFormat.formatToParts(probe).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(long.replace('−', '-'));
      const offsetMinutes = m?.[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
      let abbrev: string | null = null;
      for (const f of this.abbrevFormats) {
        const name = f.formatToParts(probe).find((p) => p.type === 'timeZoneName')?.value ?? '';
        if (name && !/^(GMT|UTC)[+\-−]/.test(name)) {
          abbrev = name;
          break;
        }
      }
      z = { offsetMinutes, abbrev };
      this.cache.set(bucket, z);
    }
    return z;
  }

  /** The zone label at an instant: `AEST (UTC+10)`, or `UTC+9` when no abbreviation is known. */
  label(utcMs: number): string {
    const z = this.at(utcMs);
    const off = utcOffsetLabel(z.offsetMinutes);
    if (!z.abbrev || z.abbrev === off) return off;
    return `${z.abbrev} (${off})`;
  }

  /** Short zone name at an instant: `AEST`, else `UTC+10`. */
  abbrev(utcMs: number): string {
    const z = this.at(utcMs);
    return z.abbrev ?? utcOffsetLabel(z.offsetMinutes);
  }

  /**
   * The view of one instant. Sub-second digits (milliseconds) are shown when the source had
   * them; `assumed` marks times that depend on an inferred year or an assumed zone.
   */
  time(utcMicros: number, precision = 's', assumed = false): TimeView {
    const ms = Math.floor(utcMicros / 1000);
    const z = this.at(ms);
    const wall = new Date(ms + z.offsetMinutes * 60_000).toISOString(); // yyyy-mm-ddThh:mm:ss.mmmZ
    const date = wall.slice(0, 10);
    const clock = precision === 'ms' || precision === 'us' ? wall.slice(11, 23) : wall.slice(11, 19);
    const abbrev = z.abbrev ?? utcOffsetLabel(z.offsetMinutes);
    const whole = new Date(ms - (((ms % 1000) + 1000) % 1000)).toISOString();
    return {
      iso: precision === 'ms' || precision === 'us' ? new Date(ms).toISOString() : `${whole.slice(0, 19)}Z`,
      date,
      clock,
      full: `${date} ${clock}`,
      offset: isoOffset(z.offsetMinutes),
      abbrev,
      label: this.label(ms),
      zoned: `${clock} ${abbrev}`,
      wall: `${date} ${wall.slice(11, 19)}`,
      assumed,
    };
  }

  /** Parses an ISO 8601 UTC string from the model (`first`, `last`, evidence `time`); null if empty/invalid. */
  iso(iso: string | undefined, assumed = false): TimeView | null {
    if (!iso) return null;
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return null;
    const frac = /\.(\d+)Z$/.exec(iso)?.[1];
    const micros = ms * 1000 + (frac && frac.length > 3 ? Number(frac.slice(3, 6).padEnd(3, '0')) : 0);
    return this.time(micros, frac ? 'ms' : 's', assumed);
  }
}
