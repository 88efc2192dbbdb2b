import { compareProvenance, isoFromMicros, type Event, type Precision } from '../../model/index.js';

/** ISO 8601 UTC with `+00:00` (the form Timesketch documents), to the precision the source had. */
export function datetimeOf(e: Event): string {
  if (e.time.utcMicros === null) return '';
  const p: Precision = e.time.precision === 'us' || e.time.precision === 'ms' ? e.time.precision : 's';
  return isoFromMicros(e.time.utcMicros, p).replace(/Z$/, '+00:00');
}

/**
 * What the datetime of an event means (Timesketch `timestamp_desc`): `Log time` for a line's
 * own stamp, `Blocked since` for a goroutine bucket (dump time minus its wait), `Object time`
 * for a kubectl record; then every clock assumption behind it: `Log time (year inferred, zone
 * assumed)`. An event with no resolved time says so: `Time unresolved: <the text>`.
 */
export function timestampDesc(e: Event): string {
  if (e.time.utcMicros === null) return `Time unresolved: ${e.time.text}`;
  const base = e.source === 'goroutine' ? 'Blocked since' : e.source === 'kubectl' ? 'Object time' : 'Log time';
  const notes: string[] = [];
  if (e.time.yearInferred) notes.push('year inferred');
  if (e.time.zoneAssumed) notes.push('zone assumed');
  if (e.time.relative) notes.push('boot-relative');
  if (e.time.precision === 'min' || e.time.precision === 'age') notes.push(`approximate (${e.time.precision})`);
  return notes.length ? `${base} (${notes.join(', ')})` : base;
}

/** The first place an event was read (file order), or undefined for a synthetic event. */
export function firstPlace(e: Event): Event['from'][number] | undefined {
  return [...e.from].sort(compareProvenance)[0];
}
