import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Format } from '../../src/model/index.js';
import { buildEvents, getFormat } from '../../src/parse/index.js';
import { scanOf } from './helpers.js';

/**
 * Time parsing round-trips (fast-check): an instant, printed in a zone the way each stamp
 * format prints it, parsed by that format and placed on the run's clock (--tz the zone,
 * --year its local year), comes back as the same instant, to the format's precision.
 */
const ZONES = ['UTC', 'Australia/Brisbane', 'Australia/Sydney', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Chatham', 'Pacific/Kiritimati', 'America/Adak'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  /** Minutes east of UTC at the instant. */
  offset: number;
}

const parts = new Map<string, Intl.DateTimeFormat>();
function wallIn(zone: string, ms: number): Wall {
  let f = parts.get(zone);
  if (!f) parts.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  const w = { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return { ...w, weekday: new Date(asUtc).getUTCDay(), offset: Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000) };
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const frac = (micros: number): string => String(micros % 1_000_000).padStart(6, '0');
const date = (w: Wall): string => `${w.year}-${p2(w.month)}-${p2(w.day)}`;
const clock = (w: Wall): string => `${p2(w.hour)}:${p2(w.minute)}:${p2(w.second)}`;
const offset = (w: Wall, colon: boolean): string => {
  const a = Math.abs(w.offset);
  return `${w.offset < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}${colon ? ':' : ''}${p2(a % 60)}`;
};
const mmmdd = (w: Wall): string => `${MONTHS[w.month - 1]} ${String(w.day).padStart(2, ' ')}`;

interface Case {
  format: string;
  /** The stamp carries its zone (or is UTC/epoch): the run's --tz does not matter. */
  zoned: boolean;
  /** Precision in microseconds the format keeps. */
  unit: number;
  line: (w: Wall, micros: number, epochMicros: number) => string;
}

const CASES: Case[] = [
  { format: 'syslog-rfc3339', zoned: true, unit: 1, line: (w, us) => `${date(w)}T${clock(w)}.${frac(us)}${offset(w, true)} k8s02 kernel: x` },
  { format: 'syslog-rfc3164', zoned: false, unit: 1e6, line: (w) => `${mmmdd(w)} ${clock(w)} k8s02 kernel: x` },
  { format: 'journal-short-precise', zoned: false, unit: 1, line: (w, us) => `${mmmdd(w)} ${clock(w)}.${frac(us)} k8s02 iscsid[912]: x` },
  { format: 'journal-short-iso-precise', zoned: true, unit: 1, line: (w, us) => `${date(w)}T${clock(w)}.${frac(us)}${offset(w, false)} k8s02 iscsid[912]: x` },
  { format: 'journal-short-unix', zoned: true, unit: 1, line: (_w, _us, e) => `${Math.floor(e / 1e6)}.${frac(e)} k8s02 kernel: x` },
  { format: 'journal-json', zoned: true, unit: 1, line: (_w, _us, e) => JSON.stringify({ __REALTIME_TIMESTAMP: String(e), _HOSTNAME: 'k8s02', SYSLOG_IDENTIFIER: 'iscsid', MESSAGE: 'x' }) },
  { format: 'klog', zoned: false, unit: 1, line: (w, us) => `I${p2(w.month)}${p2(w.day)} ${clock(w)}.${frac(us)}    1234 file.go:10] x` },
  { format: 'dmesg', zoned: false, unit: 1e6, line: (w) => `[${DAYS[w.weekday]} ${MONTHS[w.month - 1]} ${String(w.day).padStart(2, ' ')} ${clock(w)} ${w.year}] x` },
  { format: 'container-cri', zoned: true, unit: 1, line: (w, us) => `${date(w)}T${clock(w)}.${frac(us)}123${offset(w, true)} stdout F x` },
  { format: 'logrus', zoned: true, unit: 1, line: (w, us) => `time="${date(w)}T${clock(w)}.${frac(us)}${offset(w, true)}" level=info msg="x"` },
];

// 1970-01-01 (the epoch) .. 2099, to the microsecond: 32-bit time_t ends in 2038.
const EDGES = [0, 1, 86_400, 2 ** 31 - 1, 2 ** 31, 2 ** 32, Date.UTC(2024, 1, 29, 12) / 1000, Date.UTC(2026, 11, 31, 23, 59, 59) / 1000, Date.UTC(2099, 11, 31) / 1000];
const seconds = fc.oneof(fc.integer({ min: 0, max: Date.UTC(2099, 11, 31) / 1000 }), fc.constantFrom(...EDGES).chain((e) => fc.integer({ min: Math.max(0, e - 7200), max: e + 7200 })));
const instant = seconds.chain((s) => fc.integer({ min: 0, max: 999_999 }).map((us) => s * 1_000_000 + us));

/** No offset change within 3 hours: a zone-less wall time there may be ambiguous or skipped (flagged, not exact). */
function awayFromTransitions(zone: string, micros: number): boolean {
  const ms = Math.floor(micros / 1000);
  return wallIn(zone, ms - 3 * 3600_000).offset === wallIn(zone, ms).offset && wallIn(zone, ms + 3 * 3600_000).offset === wallIn(zone, ms).offset;
}

describe('time parsing round-trips (fast-check)', () => {
  for (const c of CASES) {
    it(`${c.format}: an instant printed in a random zone is read back exactly`, () => {
      const format: Format = getFormat(c.format)!;
      expect(format).toBeDefined();
      fc.assert(
        fc.property(instant, fc.constantFrom(...ZONES), (micros, zone) => {
          fc.pre(c.zoned || awayFromTransitions(zone, micros));
          const w = wallIn(zone, Math.floor(micros / 1000));
          const line = c.line(w, micros, micros);
          const built = buildEvents([scanOf('f.log', format, [line])], { tz: c.zoned ? 'UTC' : zone, year: w.year });
          expect(built.events, line).toHaveLength(1);
          const expected = Math.floor(micros / c.unit) * c.unit;
          expect(built.events[0]!.time.utcMicros, `${line} in ${zone}`).toBe(expected);
        }),
        { numRuns: 150, seed: 7 },
      );
    });
  }
});
