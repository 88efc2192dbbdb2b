import type { Event, Finding } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { evidenceEvents } from './findings-view.js';
import { collapseMessages, displayMessage } from './message-shape.js';
import { naturalCompare } from './natural.js';
import { refOf, type PathShower } from './paths.js';
import { shortId } from './short-ids.js';
import type { TimelineRowView } from './view-model.js';

/**
 * The PIR's timeline: one row per reported finding, at its first evidence line, naming the
 * signature and quoting the line's message, with its `file:line`. A burst (six "Deleting pod"
 * lines) is one row with the count and the objects, as in the timeline, and the findings it is
 * made of get no row of their own.
 */
export function keyEventRows(findings: readonly Finding[], events: ReadonlyMap<number, Event>, clock: DisplayClock, show: PathShower): TimelineRowView[] {
  const folded = new Set(findings.filter((f) => f.kind === 'burst').flatMap((f) => f.members ?? []));
  const rows = findings.filter((f) => !folded.has(f.ref)).map((f) => {
    const groups = evidenceEvents(f);
    const first = groups[0]?.[0];
    const event = first ? events.get(first.seq) : undefined;
    const messageOf = (g: (typeof groups)[number]): string => events.get(g[0]!.seq)?.message ?? g[0]!.text;
    // Objects of a burst in their short form: the reference cell points at the full lines.
    const burst = f.kind === 'burst' ? collapseMessages(groups.map(messageOf), 8, shortId) : null;
    const text = burst ? burst.text : event ? displayMessage(event.message).text : displayMessage(first?.text ?? '').text;
    const time = clock.iso(first?.time || f.first, f.assumptions.length > 0);
    const last = groups[groups.length - 1]?.[0];
    return {
      row: {
        kind: burst ? ('burst' as const) : ('event' as const),
        time,
        until: f.count > 1 ? clock.iso(f.last) : null,
        showDate: false,
        host: f.host ?? event?.host ?? '',
        source: event ? (event.program ?? event.source) : '',
        what: `${f.title}${text ? `: ${text}` : ''}${f.count > 1 && !burst ? ` (${f.count} events)` : ''}`,
        count: f.count,
        objects: burst?.objects ?? [],
        refs: first ? [refOf(first, show), ...(burst && last && last !== first ? [refOf(last, show)] : [])] : [],
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
