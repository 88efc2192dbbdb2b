import { compareProvenance, isoFromMicros, type Event } from '../../model/index.js';
import { datetimeOf, timestampDesc } from './event-fields.js';
import { ordered, sortedMap } from './ordered.js';

const KEYS = [
  'message', 'datetime', 'timestamp_desc', 'seq', 'time', 'timeText', 'precision', 'yearInferred', 'zoneAssumed', 'relative',
  'host', 'source', 'format', 'program', 'pid', 'severity', 'fields', 'raw', 'from', 'uptime', 'context',
];

/** One event as a JSON object with fixed keys; Timesketch's three fields come first. */
export function eventRecord(e: Event): Record<string, unknown> {
  return ordered(
    {
      message: e.message,
      datetime: datetimeOf(e),
      timestamp_desc: timestampDesc(e),
      seq: e.seq,
      time: e.time.utcMicros === null ? null : isoFromMicros(e.time.utcMicros),
      timeText: e.time.text,
      precision: e.time.precision,
      yearInferred: e.time.yearInferred === true,
      zoneAssumed: e.time.zoneAssumed === true,
      relative: e.time.relative === true,
      host: e.host ?? null,
      source: e.source,
      format: e.format,
      program: e.program ?? null,
      pid: e.pid ?? null,
      severity: e.severity ?? null,
      fields: sortedMap(e.fields),
      raw: e.raw,
      from: [...e.from].sort(compareProvenance).map((p) => ordered(p, ['file', 'line', 'endLine', 'offset'])),
      uptime: e.uptime ?? null,
      context: e.context === true,
    },
    KEYS,
  );
}

/**
 * Normalised events as JSON Lines, one line (ending in `\n`) per event, produced lazily so a
 * caller can stream any number of events to a file. Each line also carries Timesketch's
 * `message`, `datetime` and `timestamp_desc`, so the file imports as it is.
 */
export function* eventsJsonl(events: Iterable<Event>): Generator<string> {
  for (const e of events) yield `${JSON.stringify(eventRecord(e))}\n`;
}
