import type { Event } from '../../model/index.js';
import { datetimeOf, firstPlace, timestampDesc } from './event-fields.js';

/** Timesketch's required columns first, then where the event was read. */
export const CSV_COLUMNS = ['message', 'datetime', 'timestamp_desc', 'host', 'source', 'file', 'line'] as const;

/** RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Events as CSV for Timesketch: a header, then one record per event, each ending in CRLF, as
 * lines produced lazily. `message` is the message as the program wrote it (multi-line messages
 * stay one quoted field), `datetime` ISO 8601 UTC (`+00:00`; empty when the time could not be
 * resolved), `timestamp_desc` what that time means (see timestampDesc), `source` the source
 * kind and program (`syslog:iscsid`), `file`/`line` the first place the event was read.
 * Text is written as read: a spreadsheet may treat a cell starting with `=` as a formula.
 */
export function* eventsCsv(events: Iterable<Event>): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const e of events) {
    const at = firstPlace(e);
    const fields = [
      e.message,
      datetimeOf(e),
      timestampDesc(e),
      e.host ?? '',
      e.program ? `${e.source}:${e.program}` : e.source,
      at?.file ?? '',
      at ? String(at.line) : '',
    ];
    yield `${fields.map(csvField).join(',')}\r\n`;
  }
}
