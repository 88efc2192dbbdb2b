import type { Event, Finding } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { evidenceEvents } from './findings-view.js';
import { displayMessage } from './message-shape.js';
import { naturalCompare } from './natural.js';
import { refOf, type PathShower } from './paths.js';
import type { TimelineRowView } from './view-model.js';

/**
 * The PIR's timeline: one row per reported finding, at its first evidence line, naming the
 * signature and quoting the line's message, with its `file:line`.
 */
export function keyEventRows(findings: readonly Finding[], events: ReadonlyMap<number, Event>, clock: DisplayClock, show: PathShower): TimelineRowView[] {
  const rows = findings.map((f) => {
    const first = evidenceEvents(f)[0]?.[0];
    const event = first ? events.get(first.seq) : undefined;
    const text = event ? displayMessage(event.message).text : displayMessage(first?.text ?? '').text;
    const time = clock.iso(first?.time || f.first, f.assumptions.length > 0);
    return {
      row: {
        kind: 'event' as const,
        time,
        until: f.count > 1 ? clock.iso(f.last) : null,
        showDate: false,
        host: f.host ?? event?.host ?? '',
        source: event ? (event.program ?? event.source) : '',
        what: `${f.title}${text ? `: ${text}` : ''}${f.count > 1 ? ` (${f.count} events)` : ''}`,
        count: f.count,
        objects: [],
        refs: first ? [refOf(first, show)] : [],
        tags: [f.id],
        context: false,
      },
      key: time ? Date.parse(time.iso) : Number.POSITIVE_INFINITY,
      ref: f.ref,
    };
  });
  rows.sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : naturalCompare(a.ref, b.ref)));
  let day = '';
  for (const { row } of rows) {
    if (!row.time) continue;
    row.showDate = row.time.date !== day;
    day = row.time.date;
  }
  return rows.map((r) => r.row);
}
