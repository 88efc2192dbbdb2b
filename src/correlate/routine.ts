import type { Chain, EntityKind, Evidence, Finding, RoutineTally } from '../model/index.js';

/**
 * Routine context: the readiness probes, restarts and controller stops that a cluster logs all
 * day. A context finding is listed when it helps explain the incident and counted otherwise, so
 * a week of logs gives a timeline of the incident rather than of the week. Listed when:
 *   1. a listed finding or a chain refers to it (cause, member, step, `also`, explained-by,
 *      ruled-out look-alike), directly or through another referred finding;
 *   2. it names an object (pod, volume, device, container, ...) that a problem or contrast
 *      finding names, and the two are within `window` of each other; or
 *   3. it is within `window` of the start or the end of a problem or contrast finding (the
 *      onset and the recovery; not every repeat of a problem that lasts all day).
 * The others are folded into one tally per signature, host and stretch between problems, with
 * its counts, time range, objects named and first and last line: nothing is dropped, it is
 * summarised. A stretch of fewer than ROUTINE_MIN findings is listed anyway (a service restart
 * at night is rare enough to read; a thousand pods becoming ready are not), and with no problem
 * or contrast finding at all nothing is folded (the context is all there is to read).
 */
export interface RoutineFold {
  findings: Finding[];
  routine: RoutineTally[];
  /** `seq` of the events cited only by folded findings (they leave the timeline). */
  foldedEvents: Set<number>;
}

/**
 * What the fold reads of a finding, or of a draft that is not a finding yet: correlation folds
 * its drafts before it makes findings of them, so that the folded ones (thousands of readiness
 * changes on a busy node) never become Findings. Every value is the one the finding has or
 * would have.
 */
export interface Foldable<T> {
  item: T;
  ref: string;
  id: string;
  title: string;
  role: Finding['role'];
  host?: string;
  /** ISO 8601 UTC, as in the finding. */
  first: string;
  last: string;
  entities: Partial<Record<EntityKind, string[]>>;
  /** Refs it refers to: causes, members, explained-by, ruled-out look-alike. */
  referred(): string[];
  /** `seq` of every line it cites. */
  seqs(): Iterable<number>;
  /** The lines it cites (read for folded ones only: the first and last line of a tally). */
  evidence(): readonly Evidence[];
}

/** Entities too broad to relate a context finding to a problem (every line names a host). */
const BROAD: ReadonlySet<EntityKind> = new Set<EntityKind>(['host', 'node', 'namespace', 'ip', 'session', 'connection']);
/** Fewer findings than this in a stretch are listed, not counted. */
export const ROUTINE_MIN = 10;
/** Objects named in a tally's examples. */
const EXAMPLES = 3;

const micros = (iso: string): number => Date.parse(iso) * 1000;
/** A finding's first and last time in epoch micros (NaN when unknown), parsed once. */
const spans = new WeakMap<Foldable<unknown>, readonly [number, number]>();
function span(f: Foldable<unknown>): readonly [number, number] {
  let s = spans.get(f);
  if (!s) spans.set(f, (s = [micros(f.first), micros(f.last)]));
  return s;
}

/** The fold over findings (as `findings.json` has them). */
export function foldRoutine(findings: readonly Finding[], chains: readonly Chain[], window: number): RoutineFold {
  const fold = foldItems(findings.map(findingFoldable), chains, window);
  return { findings: fold.kept, routine: fold.routine, foldedEvents: fold.foldedEvents };
}

function findingFoldable(f: Finding): Foldable<Finding> {
  return {
    item: f,
    ref: f.ref,
    id: f.id,
    title: f.title,
    role: f.role,
    ...(f.host !== undefined ? { host: f.host } : {}),
    first: f.first,
    last: f.last,
    entities: f.entities,
    referred: () => [...f.causes.map((c) => c.ref), ...(f.members ?? []), ...(f.explainedBy ? [f.explainedBy] : []), ...(f.ruledOut ? [f.ruledOut.ref] : [])],
    seqs: () => f.evidence.map((e) => e.seq),
    evidence: () => f.evidence,
  };
}

/** The fold over anything that can say what a finding says: the items kept, in input order. */
export function foldItems<T>(items: readonly Foldable<T>[], chains: readonly Chain[], window: number): { kept: T[]; routine: RoutineTally[]; foldedEvents: Set<number> } {
  const anchors = items.filter((f) => f.role !== 'context');
  // With no problem at all there is nothing to be far from: the context is all there is to read.
  if (!(window > 0) || anchors.length === 0 || anchors.length === items.length) return { kept: items.map((f) => f.item), routine: [], foldedEvents: new Set() };
  const byRef = new Map(items.map((f) => [f.ref, f]));
  const listed = new Set<string>(anchors.map((f) => f.ref));
  for (const c of chains) {
    for (const r of c.symptoms) listed.add(r);
    for (const s of c.steps) {
      listed.add(s.ref);
      if (s.link) listed.add(s.link.ref);
      for (const a of s.also ?? []) listed.add(a);
    }
  }
  const points = onsetsAndEnds(anchors);
  const objects = objectIndex(anchors);
  for (const f of items) {
    // A finding without a resolved time can not be said to be far from anything: listed.
    if (f.role === 'context' && !listed.has(f.ref) && (untimed(f) || nearPoint(f, points, window) || sharesObject(f, objects, window))) listed.add(f.ref);
  }
  for (const run of stretches(items.filter((f) => !listed.has(f.ref)), points)) {
    if (run.length < ROUTINE_MIN) for (const f of run) listed.add(f.ref);
  }
  // What a listed finding refers to is listed too (to a fixpoint: a referred context finding
  // may refer on).
  const queue = [...listed];
  while (queue.length > 0) {
    const f = byRef.get(queue.pop()!);
    if (!f) continue;
    for (const r of f.referred()) {
      if (!listed.has(r)) {
        listed.add(r);
        queue.push(r);
      }
    }
  }
  const kept = items.filter((f) => listed.has(f.ref));
  const folded = items.filter((f) => !listed.has(f.ref));
  const keptEvents = new Set<number>();
  for (const f of kept) for (const seq of f.seqs()) keptEvents.add(seq);
  const foldedEvents = new Set<number>();
  for (const f of folded) for (const seq of f.seqs()) if (!keptEvents.has(seq)) foldedEvents.add(seq);
  return { kept: kept.map((f) => f.item), routine: tallies(folded, points), foldedEvents };
}

type AnyFoldable = Foldable<unknown>;

function untimed(f: AnyFoldable): boolean {
  return !Number.isFinite(span(f)[0]) || !Number.isFinite(span(f)[1]);
}

/** Sorted start and end times of the anchors. */
function onsetsAndEnds(anchors: readonly AnyFoldable[]): Float64Array {
  const out = new Float64Array(anchors.length * 2);
  anchors.forEach((f, i) => {
    [out[2 * i], out[2 * i + 1]] = span(f);
  });
  return out.sort();
}

/** True when some point lies in [first - window, last + window] of `f`. */
function nearPoint(f: AnyFoldable, points: Float64Array, window: number): boolean {
  const a = firstAbove(points, span(f)[0] - window, false);
  return a < points.length && points[a]! <= span(f)[1] + window;
}

/** Index of the first point >= x (> x when `strict`), points.length when none: binary search. */
function firstAbove(points: Float64Array, x: number, strict: boolean): number {
  let a = 0;
  let b = points.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (points[m]! < x || (strict && points[m] === x)) a = m + 1;
    else b = m;
  }
  return a;
}

/** `kind=value` -> spans of the anchors naming it. */
function objectIndex(anchors: readonly AnyFoldable[]): Map<string, Array<readonly [number, number]>> {
  const out = new Map<string, Array<readonly [number, number]>>();
  for (const f of anchors) {
    for (const key of objectKeys(f)) {
      const spans = out.get(key) ?? [];
      spans.push(span(f));
      out.set(key, spans);
    }
  }
  return out;
}

function objectKeys(f: AnyFoldable): string[] {
  const keys: string[] = [];
  for (const [kind, values] of Object.entries(f.entities) as Array<[EntityKind, string[] | undefined]>) {
    if (BROAD.has(kind)) continue;
    for (const v of values ?? []) keys.push(`${kind}=${v}`);
  }
  return keys;
}

function sharesObject(f: AnyFoldable, objects: ReadonlyMap<string, Array<readonly [number, number]>>, window: number): boolean {
  const lo = span(f)[0] - window;
  const hi = span(f)[1] + window;
  for (const key of objectKeys(f)) for (const [first, last] of objects.get(key) ?? []) if (first <= hi && last >= lo) return true;
  return false;
}

/**
 * One tally per signature, host and stretch between problems (a problem's start or end between
 * two folded findings starts a new tally), in order of first time.
 */
function tallies(folded: readonly AnyFoldable[], points: Float64Array): RoutineTally[] {
  return stretches(folded, points)
    .map(tally)
    .sort((a, b) => order(a.first, b.first) || order(a.id, b.id) || order(a.host ?? '', b.host ?? ''));
}

/** Findings by signature, host and stretch between problems, each in time order. */
function stretches<F extends AnyFoldable>(folded: readonly F[], points: Float64Array): F[][] {
  const groups = new Map<string, F[][]>();
  for (const f of [...folded].sort((a, b) => span(a)[0] - span(b)[0])) {
    const key = `${f.id}\u0000${f.host ?? ''}`;
    const runs = groups.get(key) ?? [];
    groups.set(key, runs);
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && !pointBetween(points, span(prev)[1], span(f)[0])) run.push(f);
    else runs.push([f]);
  }
  return [...groups.values()].flat();
}

/** True when some point lies strictly between lo and hi. */
function pointBetween(points: Float64Array, lo: number, hi: number): boolean {
  const a = firstAbove(points, lo, true);
  return a < points.length && points[a]! < hi;
}

function tally(list: readonly AnyFoldable[]): RoutineTally {
  // The first and last line in (time, place) order, found in one pass (sorting every line of
  // thousands of folded findings took 0.12 of the fold's 0.30 s at 1 GB): the earliest of equal
  // first lines and the latest of equal last lines, as a stable sort would put them.
  const seqs = new Set<number>();
  let first: Evidence | undefined;
  let last: Evidence | undefined;
  for (const f of list) {
    for (const e of f.evidence()) {
      seqs.add(e.seq);
      if (first === undefined || byTimeThenPlace(e, first) < 0) first = e;
      if (last === undefined || byTimeThenPlace(e, last) >= 0) last = e;
    }
  }
  // Insertion-ordered sets: the first names seen are the examples.
  const byKind = new Map<string, Set<string>>();
  for (const f of list) {
    for (const [kind, values] of Object.entries(f.entities) as Array<[EntityKind, string[] | undefined]>) {
      if (BROAD.has(kind)) continue;
      const names = byKind.get(kind) ?? new Set<string>();
      byKind.set(kind, names);
      for (const v of values ?? []) names.add(v);
    }
  }
  const [kind, nameSet] = [...byKind].sort((a, b) => b[1].size - a[1].size || order(a[0], b[0]))[0] ?? [undefined, new Set<string>()];
  const names = [...nameSet];
  const f0 = list[0]!;
  return {
    id: f0.id,
    title: f0.title,
    ...(f0.host !== undefined ? { host: f0.host } : {}),
    findings: list.length,
    events: seqs.size,
    first: list.reduce((a, f) => (f.first < a ? f.first : a), f0.first),
    last: list.reduce((a, f) => (f.last > a ? f.last : a), f0.last),
    ...(kind !== undefined ? { objectKind: kind } : {}),
    objects: names.length,
    examples: names.slice(0, EXAMPLES),
    evidence: first === undefined || last === undefined ? [] : first === last ? [first] : [first, last],
  };
}

/** Plain code-unit order: ISO times and paths compare correctly so, and fast. */
const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byTimeThenPlace(a: Evidence, b: Evidence): number {
  return order(a.time, b.time) || a.seq - b.seq || order(a.file, b.file) || a.line - b.line;
}
