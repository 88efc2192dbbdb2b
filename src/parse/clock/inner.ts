import type { EventTime, Stamp } from '../../model/index.js';
import { isoFromMicros } from '../../model/index.js';
import { MICROS_PER_HOUR, MICROS_PER_MINUTE, yearOfMicros } from './civil.js';
import type { ClockNotes } from './notes.js';
import type { Place } from './resolve.js';
import { wallInYear } from './year.js';
import type { Zone } from './zone.js';

/**
 * A clock inside the message (klog header, logrus `time=`, klog JSON `ts`) against the envelope's
 * (FORMATS.md 4.4). A klog header has no year and no zone: it takes the envelope's zone and the
 * year that puts it nearest the envelope time (a header of 31 Dec in an envelope of 1 Jan). When
 * the two agree within an hour the inner, more precise clock is the event's time; otherwise the
 * envelope is kept and the disagreement reported.
 */

const MAX_DISAGREEMENT = MICROS_PER_HOUR;

/** The inner time, or null to keep the envelope's. */
export function resolveInner(
  inner: Stamp,
  envelope: EventTime,
  envelopeZone: Zone,
  notes: ClockNotes,
  at: Place,
): EventTime | null {
  const env = envelope.utcMicros;
  if (env === null) return null;
  let time: EventTime | null = null;
  if (inner.kind === 'absolute') {
    time = { utcMicros: inner.utcMicros, text: inner.text, precision: inner.precision };
  } else if (inner.kind === 'wall') {
    const localYear = yearOfMicros(env + envelopeZone.offsetAt(env) * MICROS_PER_MINUTE);
    let best: number | null = null;
    for (const y of inner.year !== undefined ? [inner.year] : [localYear - 1, localYear, localYear + 1]) {
      const wall = wallInYear(inner, y);
      if (Number.isNaN(wall)) continue;
      const utc = envelopeZone.toUtc(wall).utcMicros;
      if (best === null || Math.abs(utc - env) < Math.abs(best - env)) best = utc;
    }
    if (best === null) return null;
    time = { utcMicros: best, text: inner.text, precision: inner.precision };
    if (envelope.yearInferred && inner.year === undefined) time.yearInferred = true;
    if (envelope.zoneAssumed) time.zoneAssumed = true;
  }
  if (!time || time.utcMicros === null) return null;
  if (Math.abs(time.utcMicros - env) > MAX_DISAGREEMENT) {
    notes.diag({
      severity: 'warning',
      code: 'clock/inner-mismatch',
      reason: `Unexpected gap between the line's own time and its envelope (more than an hour); the envelope time ${isoFromMicros(env, envelope.precision)} is kept`,
      place: at,
      snippet: `${inner.kind === 'wall' || inner.kind === 'absolute' ? inner.text : ''} vs ${envelope.text}`,
      help: 'The writer and the collector disagree about the time: a zone difference (--tz) or a buffered log.',
    });
    return null;
  }
  return time;
}
