import type { GoroutineBucket, GoroutineFrame, Provenance, Stamp } from '../../model/index.js';

/**
 * Buckets identical stacks of one dump (panicparse model, FORMATS.md §5.5). Key = state, wait
 * minutes, frames (function + file:line) and the `created by` function; arguments are not in the
 * key. Unlike panicparse, the minutes are: seven listeners blocked 33 minutes and fifteen of the
 * same stack waiting 0-9 minutes are a stall and normal churn, and a finding about the stall
 * must cite exactly its seven header lines (`headers`) and count seven.
 * Only buckets are kept, never goroutines: frames are interned (one object per distinct
 * func+file:line), so memory grows with the number of distinct stacks, not with dump size.
 */

/** One goroutine as read, before bucketing. */
export interface ReadGoroutine {
  id?: number;
  state: string;
  minutes: number;
  locked: boolean;
  frames: number[];
  elided: boolean;
  createdBy?: { func: string; file: string; line: number; goroutine?: number };
  header: Provenance;
  headerText: string;
  /** debug=1 record: the goroutine count of this stack. */
  aggregatedCount?: number;
}

/** One stack of a dump and the goroutines that share it (parallel arrays, one entry each). */
interface Acc {
  state: string;
  count: number;
  frames: number[];
  createdBy?: ReadGoroutine['createdBy'];
  aggregated: boolean;
  headers: Provenance[];
  headerTexts: string[];
  /** Goroutine id, -1 when the dump has none (debug=1). */
  ids: number[];
  minutes: number[];
  /** bit 0: locked to thread, bit 1: frames elided. */
  flags: number[];
}

/**
 * Goroutines of one stack that started waiting at clearly different times are different
 * evidence (seven listeners blocked 33 minutes by a stall, fifteen of the same stack waiting
 * 0-9 minutes in normal churn). Sorted by minutes, a new group starts where the wait jumps by
 * more than max(2 minutes, half the shorter wait): 31, 32, 33 stay one group, and so do 1..40 in
 * steps of one; 3 and 9, 9 and 31, 33 and 156 do not.
 */
function splitByWait(minutes: readonly number[]): number[][] {
  const order = minutes.map((_, i) => i).sort((a, b) => minutes[a]! - minutes[b]! || a - b);
  const groups: number[][] = [];
  let prev = Number.NaN;
  for (const i of order) {
    const m = minutes[i]!;
    if (groups.length === 0 || m - prev > Math.max(2, prev / 2)) groups.push([]);
    groups[groups.length - 1]!.push(i);
    prev = m;
  }
  for (const g of groups) g.sort((a, b) => a - b);
  return groups.sort((a, b) => a[0]! - b[0]!);
}

/** What the dump's context says about where and when it was taken. */
export interface DumpPlace {
  dumpTime: Stamp;
  dumpTimeSource: GoroutineBucket['dumpTimeSource'];
  host?: string;
}

/** A finished bucket plus the first header's text (the raw line of its record). */
export interface BucketOut {
  bucket: GoroutineBucket;
  headerText: string;
}

export class FrameTable {
  /**
   * file -> line -> func -> id. Nested rather than one `func file:line` key: a joined key was a
   * new ~150-char string for every frame line of the dump, allocated and hashed whole.
   */
  private readonly index = new Map<string, Map<number, Map<string, number>>>();
  readonly frames: GoroutineFrame[] = [];

  intern(func: string, file: string, line: number): number {
    let byLine = this.index.get(file);
    if (byLine === undefined) this.index.set(file, (byLine = new Map()));
    let byFunc = byLine.get(line);
    if (byFunc === undefined) byLine.set(line, (byFunc = new Map()));
    let id = byFunc.get(func);
    if (id === undefined) {
      id = this.frames.length;
      this.frames.push({ func, file, line });
      byFunc.set(func, id);
    }
    return id;
  }
}

export class Bucketer {
  private readonly accs = new Map<string, Acc>();
  goroutines = 0;

  constructor(readonly table: FrameTable) {}

  add(g: ReadGoroutine): void {
    const aggregated = g.aggregatedCount !== undefined;
    const n = g.aggregatedCount ?? 1;
    this.goroutines += n;
    const key = `${aggregated ? 'A' : 'G'}\u0001${g.state}\u0001${g.frames.join(',')}\u0001${g.createdBy?.func ?? ''}`;
    let acc = this.accs.get(key);
    if (!acc) {
      acc = { state: g.state, count: 0, frames: g.frames, createdBy: g.createdBy, aggregated, headers: [], headerTexts: [], ids: [], minutes: [], flags: [] };
      this.accs.set(key, acc);
    }
    acc.count += n;
    acc.headers.push(g.header);
    acc.headerTexts.push(g.headerText);
    acc.ids.push(g.id ?? -1);
    acc.minutes.push(g.minutes);
    acc.flags.push((g.locked ? 1 : 0) | (g.elided ? 2 : 0));
  }

  get size(): number {
    return this.accs.size;
  }

  /**
   * The buckets in order of first appearance, placed in time by `place`: one per stack, split
   * where the waits of its goroutines jump (splitByWait; debug=1 profile stacks are never split).
   */
  finish(place: DumpPlace): BucketOut[] {
    const out: Array<BucketOut & { first: number }> = [];
    for (const a of this.accs.values()) {
      const frames = a.frames.map((i) => this.table.frames[i]!);
      const groups = a.aggregated ? [a.headers.map((_, i) => i)] : splitByWait(a.minutes);
      for (const idx of groups) {
        const mins = idx.map((i) => a.minutes[i]!);
        const bucket: GoroutineBucket = {
          state: a.state,
          count: a.aggregated ? a.count : idx.length,
          ids: idx.map((i) => a.ids[i]!).filter((id) => id >= 0),
          minutesMin: mins.reduce((x, y) => Math.min(x, y)),
          minutesMax: mins.reduce((x, y) => Math.max(x, y)),
          locked: idx.some((i) => (a.flags[i]! & 1) !== 0),
          frames,
          elided: idx.some((i) => (a.flags[i]! & 2) !== 0),
          headers: idx.map((i) => a.headers[i]!),
          headerTexts: idx.map((i) => a.headerTexts[i]!),
          dumpTime: place.dumpTime,
          dumpTimeSource: place.dumpTimeSource,
        };
        if (a.createdBy) bucket.createdBy = a.createdBy;
        if (place.host) bucket.host = place.host;
        if (a.aggregated) bucket.aggregated = true;
        out.push({ bucket, headerText: a.headerTexts[idx[0]!]!, first: a.headers[idx[0]!]!.line });
      }
    }
    return out.sort((x, y) => x.first - y.first).map(({ bucket, headerText }) => ({ bucket, headerText }));
  }
}
