import { compareProvenance, type Event, type RoutineTally } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import { formatDuration } from './display-time.js';
import { diffPositions, displayMessage, objectOf, oneObjectVaries, skeleton, tokens } from './message-shape.js';
import { refOf, type PathShower } from './paths.js';
import type { TimelineRowView, TimeView } from './view-model.js';

/** Same-shape lines at most this far apart (ms) collapse into one burst row. */
export const BURST_GAP_MS = 2_000;
/** The same line again at most this far apart (ms) collapses into one repeat row. */
export const REPEAT_GAP_MS = 5 * 60_000;
/** A silence this long (minutes) between shown events gets a gap row. */
export const GAP_MINUTES = 10;
/** Objects named in a collapsed row's text (all are in `objects`). */
const OBJECTS_SHOWN = 8;

export interface TimelineInput {
  events: readonly Event[];
  /** seq -> signature ids of the findings that cite the event as evidence. */
  evidence: ReadonlyMap<number, ReadonlySet<string>>;
  all: boolean;
  clock: DisplayClock;
  show: PathShower;
  /** Context counted, not listed: one row each, at its first time. */
  routine?: readonly RoutineTally[];
}

/** Evidence, context lines, kubectl state records and goroutine buckets (everything with --all). */
export function isNotable(e: Event, evidence: ReadonlyMap<number, ReadonlySet<string>>, all: boolean): boolean {
  return all || evidence.has(e.seq) || e.context === true || e.source === 'kubectl' || e.source === 'goroutine';
}

interface Run {
  row: TimelineRowView;
  toks: string[];
  members: string[][];
  varying: Set<number>;
  lastMs: number;
  last: Event;
}

/** Precision an ISO time of the model was written with (as DisplayClock.iso reads it). */
const isoPrecision = (iso: string): Event['time']['precision'] => (/\.\d+Z$/.test(iso) ? 'ms' : 's');

const assumedTime = (e: Event): boolean => e.time.yearInferred === true || e.time.zoneAssumed === true;

function timeOf(e: Event, clock: DisplayClock): TimeView | null {
  if (e.time.utcMicros === null) return null;
  return clock.time(e.time.utcMicros, e.time.precision, assumedTime(e));
}

/** One row for a tally of routine context: counts, objects, first and last line. */
function routineRow(t: RoutineTally, input: TimelineInput): TimelineRowView {
  const kind = t.objectKind ?? 'object';
  const objects = t.objects === 0 ? '' : `, ${t.objects} ${t.objects === 1 ? kind : `${kind}s`} (${t.examples.join(', ')}${t.objects > t.examples.length ? ', …' : ''})`;
  return {
    kind: 'routine',
    time: input.clock.iso(t.first),
    until: input.clock.iso(t.last),
    showDate: false,
    host: t.host ?? '',
    source: 'routine',
    what: `${t.findings}x ${t.title}: ${t.events} line${t.events === 1 ? '' : 's'}${objects}; unrelated to any problem, counted, not listed`,
    count: t.events,
    objects: t.examples,
    refs: t.evidence.map((e) => refOf(e, input.show)),
    tags: [t.id],
    context: true,
  };
}

function rowOf(e: Event, tags: string[], input: TimelineInput): TimelineRowView {
  const { text, extraLines } = displayMessage(e.message);
  const first = [...e.from].sort(compareProvenance)[0];
  const what = (text || '(empty message)') + (extraLines ? ` (+${extraLines} more lines)` : '');
  return {
    kind: 'event',
    time: timeOf(e, input.clock),
    until: null,
    showDate: false,
    host: e.host ?? '',
    source: e.program ?? e.source,
    what,
    count: 1,
    objects: [],
    refs: first ? [refOf(first, input.show)] : [],
    tags,
    context: e.context === true && tags.length === 0,
  };
}

function finish(run: Run, input: TimelineInput): void {
  const n = run.members.length;
  if (n === 1) return;
  const row = run.row;
  const positions = [...run.varying].sort((a, b) => a - b);
  const objects: string[] = [];
  const seen = new Set<string>();
  for (const toks of run.members) {
    const o = positions.map((i) => objectOf(toks[i] ?? '')).join(' ');
    if (o !== '' && !seen.has(o)) {
      seen.add(o);
      objects.push(o);
    }
  }
  const shown = objects.slice(0, OBJECTS_SHOWN).join(', ') + (objects.length > OBJECTS_SHOWN ? `, … (+${objects.length - OBJECTS_SHOWN} more)` : '');
  row.kind = positions.length ? 'burst' : 'repeat';
  row.count = n;
  row.objects = objects;
  row.what = `${n}x ${skeleton(run.toks, run.varying) || displayMessage(run.last.message).text}${shown ? `: ${shown}` : ''}`;
  row.until = timeOf(run.last, input.clock);
  const last = [...run.last.from].sort(compareProvenance)[0];
  if (last) row.refs = [row.refs[0] ?? '', refOf(last, input.show)].filter((r) => r !== '');
}

/**
 * Timeline rows for the display clock: notable events (or every event with `all`) in time
 * order, bursts and repeats collapsed, silences of GAP_MINUTES or more stated as gap rows.
 * Events without a resolved time come back separately, in input order.
 */
export function timelineRows(input: TimelineInput): { rows: TimelineRowView[]; unplaced: TimelineRowView[]; eventCount: number } {
  const shown = input.events.filter((e) => isNotable(e, input.evidence, input.all));
  const timed = shown.filter((e) => e.time.utcMicros !== null).sort((a, b) => a.time.utcMicros! - b.time.utcMicros! || a.seq - b.seq);
  const unplacedEvents = shown.filter((e) => e.time.utcMicros === null).sort((a, b) => a.seq - b.seq);
  const tagsOf = (e: Event): string[] => [...(input.evidence.get(e.seq) ?? [])].sort();

  const rows: TimelineRowView[] = [];
  // Runs that may still grow, by key. A run is finished (its row written) as soon as it can not
  // grow, and its lines' tokens become garbage: a gap ends every run, a new run of its key ends
  // one. Why (57 MB kubectl List, 58,000 rows, byte-identical output): keeping every run to the
  // end held 20-26 MiB more at the peak (RSS 316-323 -> 296-300 MiB; 114 MB: 543 -> 478 MiB).
  let open = new Map<string, Run>();
  // End of the last row shown (ms, and its precision for display), for gap rows.
  let prev: { ms: number; precision: Event['time']['precision']; assumed: boolean } | undefined;
  const gapMs = GAP_MINUTES * 60_000;
  const routine = [...(input.routine ?? [])].sort((a, b) => Date.parse(a.first) - Date.parse(b.first));
  let r = 0;
  const gap = (ms: number, precision: Event['time']['precision'], assumed: boolean): void => {
    if (prev && ms - prev.ms >= gapMs) {
      const silence = formatDuration(ms - prev.ms);
      rows.push({
        kind: 'gap',
        time: input.clock.time(prev.ms * 1000, prev.precision, prev.assumed),
        until: input.clock.time(ms * 1000, precision, assumed),
        showDate: false,
        host: '',
        source: '',
        what: input.all ? `no events in any input for ${silence}` : `no notable events for ${silence}`,
        count: 0,
        objects: [],
        refs: [],
        tags: [],
        context: false,
      });
      for (const run of open.values()) finish(run, input);
      open = new Map();
    }
  };
  const routineUntil = (ms: number): void => {
    for (; r < routine.length && Date.parse(routine[r]!.first) <= ms; r++) {
      const t = routine[r]!;
      const first = Date.parse(t.first);
      gap(first, isoPrecision(t.first), false);
      rows.push(routineRow(t, input));
      const last = Date.parse(t.last);
      if (!prev || last > prev.ms) prev = { ms: last, precision: isoPrecision(t.last), assumed: false };
    }
  };

  for (const e of timed) {
    const ms = e.time.utcMicros! / 1000;
    routineUntil(ms);
    gap(ms, e.time.precision, assumedTime(e));
    if (!prev || ms >= prev.ms) prev = { ms, precision: e.time.precision, assumed: assumedTime(e) };
    const tags = tagsOf(e);
    const key = `${e.host ?? ''}\u0000${e.program ?? e.source}\u0000${tags.join(',')}`;
    const toks = tokens(displayMessage(e.message).text);
    const run = open.get(key);
    if (run) {
      const d = diffPositions(run.toks, toks);
      if (d !== null) {
        const union = new Set([...run.varying, ...d]);
        const window = union.size === 0 ? REPEAT_GAP_MS : BURST_GAP_MS;
        if (oneObjectVaries(union, toks.length) && ms - run.lastMs <= window) {
          run.varying = union;
          // A line identical to the first shares its tokens: long repeats cost no memory per line.
          run.members.push(d.length === 0 ? run.toks : toks);
          run.lastMs = ms;
          run.last = e;
          continue;
        }
      }
    }
    const row = rowOf(e, tags, input);
    rows.push(row);
    if (run) finish(run, input);
    open.set(key, { row, toks, members: [toks], varying: new Set(), lastMs: ms, last: e });
  }
  routineUntil(Infinity);
  for (const run of open.values()) finish(run, input);

  let day = '';
  for (const row of rows) {
    if (row.kind === 'gap' || !row.time) continue;
    row.showDate = row.time.date !== day;
    day = row.time.date;
  }
  const unplaced = unplacedEvents.map((e) => rowOf(e, tagsOf(e), input));
  return { rows, unplaced, eventCount: shown.length };
}
