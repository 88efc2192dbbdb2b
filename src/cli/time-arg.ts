import type * as Chrono from 'chrono-node';
import { createRequire } from 'node:module';
import { isValidTimeZone, zoneOf } from '../parse/index.js';

// chrono-node is loaded on first use: importing it cost 0.3-1.1 s of every run's start-up on the
// 2-core box (measured with the bench's one-line corpus), and most runs give no time phrase.
let chrono: typeof Chrono | undefined;
const load = (): typeof Chrono => (chrono ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono);

export class UsageError extends Error {}

const ZONED_ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})$/i;

/**
 * Reads a time given on the command line (--since, --until, --boot-time, --dump-time,
 * --snapshot-time): ISO 8601 with a zone is exact; anything else ("2026-05-28 20:00",
 * "yesterday 8pm", "May 28 20:21") goes through chrono-node and is read as wall time in `tz`.
 * Returns epoch microseconds.
 */
export function parseTimeArg(flag: string, text: string, tz: string, nowMs: number = Date.now()): number {
  const t = text.trim();
  if (ZONED_ISO.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T').replace(/([+-][0-9]{2})([0-9]{2})$/, '$1:$2'));
    if (!Number.isNaN(ms)) return ms * 1000;
  }
  const zone = zoneOf(tz);
  const offset = zone.offsetAt(nowMs * 1000);
  const results = load().parse(t, { instant: new Date(nowMs), timezone: offset });
  const r = results[0];
  // The whole argument must be understood: "the day after never" must not quietly become tomorrow.
  if (!r || r.text.trim().replace(/\s+/g, ' ').toLowerCase() !== t.replace(/\s+/g, ' ').toLowerCase()) {
    throw new UsageError(`Invalid ${flag} value "${text}": expected an ISO 8601 time (2026-05-28T20:00:00+10:00), a local time (2026-05-28 20:00) or a phrase such as "yesterday 8pm"`);
  }
  const s = r.start;
  if (s.isCertain('timezoneOffset')) return s.date().getTime() * 1000;
  const wall = Date.UTC(s.get('year')!, s.get('month')! - 1, s.get('day')!, s.get('hour') ?? 0, s.get('minute') ?? 0, s.get('second') ?? 0, s.get('millisecond') ?? 0) * 1000;
  return zone.toUtc(wall).utcMicros;
}

/** Validates an IANA zone name given with --tz / --display-tz. */
export function checkZone(flag: string, tz: string): string {
  if (!isValidTimeZone(tz)) throw new UsageError(`Unknown time zone "${tz}" given with ${flag}: expected an IANA zone such as UTC, Australia/Brisbane or Europe/Berlin`);
  return tz;
}
