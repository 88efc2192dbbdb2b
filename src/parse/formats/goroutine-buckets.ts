import type { GoroutineBucket, GoroutineFrame, Provenance, Stamp } from '../../model/index.js';

/**
 * Buckets identical stacks of one dump (panicparse model, FORMATS.md §5.5). Key = state, frames
 * (function + file:line) and the `created by` function; minutes and arguments are not in the key.
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

interface Acc {
  state: string;
  count: number;
  ids: number[];
  minutesMin: number;
  minutesMax: number;
  locked: boolean;
  frames: number[];
  elided: boolean;
  createdBy?: ReadGoroutine['createdBy'];
  headers: Provenance[];
  firstHeaderText: string;
  aggregated: boolean;
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
  private readonly index = new Map<string, number>();
  readonly frames: GoroutineFrame[] = [];

  intern(func: string, file: string, line: number): number {
    const key = `${func}\u0000${file}\u0000${line}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.frames.length;
      this.frames.push({ func, file, line });
      this.index.set(key, id);
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
    const acc = this.accs.get(key);
    if (!acc) {
      this.accs.set(key, {
        state: g.state,
        count: n,
        ids: g.id === undefined ? [] : [g.id],
        minutesMin: g.minutes,
        minutesMax: g.minutes,
        locked: g.locked,
        frames: g.frames,
        elided: g.elided,
        createdBy: g.createdBy,
        headers: [g.header],
        firstHeaderText: g.headerText,
        aggregated,
      });
      return;
    }
    acc.count += n;
    if (g.id !== undefined) acc.ids.push(g.id);
    if (g.minutes < acc.minutesMin) acc.minutesMin = g.minutes;
    if (g.minutes > acc.minutesMax) acc.minutesMax = g.minutes;
    acc.locked ||= g.locked;
    acc.elided ||= g.elided;
    acc.headers.push(g.header);
  }

  get size(): number {
    return this.accs.size;
  }

  /** The buckets in order of first appearance, placed in time by `place`. */
  finish(place: DumpPlace): BucketOut[] {
    const out: BucketOut[] = [];
    for (const a of this.accs.values()) {
      const bucket: GoroutineBucket = {
        state: a.state,
        count: a.count,
        ids: a.ids,
        minutesMin: a.minutesMin,
        minutesMax: a.minutesMax,
        locked: a.locked,
        frames: a.frames.map((i) => this.table.frames[i]!),
        elided: a.elided,
        headers: a.headers,
        dumpTime: place.dumpTime,
        dumpTimeSource: place.dumpTimeSource,
      };
      if (a.createdBy) bucket.createdBy = a.createdBy;
      if (place.host) bucket.host = place.host;
      if (a.aggregated) bucket.aggregated = true;
      out.push({ bucket, headerText: a.firstHeaderText });
    }
    return out;
  }
}
