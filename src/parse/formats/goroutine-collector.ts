import type { Provenance } from '../../model/index.js';
import { Bucketer, FrameTable, type ReadGoroutine } from './goroutine-buckets.js';
import { classifyDumpLine, type DumpLine } from './goroutine-grammar.js';

/**
 * Reads the lines of one goroutine dump (debug=2 / SIGQUIT traceback or debug=1 profile) and
 * feeds finished goroutines to a Bucketer. Used by the raw-file format and by the journal
 * decorator (`embedded-dump.ts`); it keeps one goroutine at a time.
 *
 * `accept` returns false for a line that is not a dump line in this context, without changing
 * any state, so a caller can hand that line to someone else (interleaved klog lines).
 */

/** Go prints at most 100 frames per goroutine; more means headers were lost. */
const MAX_FRAMES = 1000;

interface Current extends ReadGoroutine {
  pendingFunc?: string;
  expectCreatedLocation: boolean;
  inAncestor: boolean;
}

export class GoroutineCollector {
  readonly frames = new FrameTable();
  readonly bucketer = new Bucketer(this.frames);
  private cur: Current | undefined;
  /** Dump lines that belonged to no goroutine (their header was lost), with the first place. */
  orphans = 0;
  firstOrphan: Provenance | undefined;
  /** `goroutine profile: total N` when the dump is a debug=1 profile. */
  profileTotal: number | undefined;
  lines = 0;

  /**
   * Takes one line; false when it is not a dump line here (nothing changed then). `raw` is the
   * input line as read when `text` is only its message (a journal line).
   */
  accept(text: string, at: Provenance, parsed: DumpLine | undefined = classifyDumpLine(text), raw = text): boolean {
    const l = parsed;
    if (!l) return false;
    const cur = this.cur;
    switch (l.kind) {
      case 'blank':
        this.close();
        break;
      case 'header':
        this.close();
        this.cur = {
          id: l.id,
          state: l.state,
          minutes: l.minutes,
          locked: l.locked,
          frames: [],
          elided: false,
          header: at,
          headerText: raw,
          expectCreatedLocation: false,
          inAncestor: false,
        };
        break;
      case 'profile-total':
        this.close();
        this.profileTotal = l.total;
        break;
      case 'profile-record':
        this.close();
        this.cur = {
          state: 'unknown',
          minutes: 0,
          locked: false,
          frames: [],
          elided: false,
          header: at,
          headerText: raw,
          aggregatedCount: l.count,
          expectCreatedLocation: false,
          inAncestor: false,
        };
        break;
      case 'profile-labels':
        if (cur?.aggregatedCount === undefined) return false;
        break;
      case 'profile-frame':
        if (cur?.aggregatedCount === undefined) return false;
        this.pushFrame(cur, l.func, l.file, l.line);
        break;
      case 'frame':
      case 'nongo': {
        if (!cur) return this.orphan(at);
        if (cur.inAncestor) break;
        this.flushPending(cur);
        cur.pendingFunc = l.kind === 'frame' ? l.func : 'non-Go function';
        break;
      }
      case 'location':
        if (cur && cur.inAncestor) break;
        if (cur?.pendingFunc !== undefined) {
          this.pushFrame(cur, cur.pendingFunc, l.file, l.line);
          cur.pendingFunc = undefined;
        } else if (cur?.expectCreatedLocation && cur.createdBy) {
          cur.createdBy.file = l.file;
          cur.createdBy.line = l.line;
          cur.expectCreatedLocation = false;
        } else if (l.indented) {
          return this.orphan(at);
        } else {
          return false;
        }
        break;
      case 'created':
        if (!cur) return this.orphan(at);
        if (cur.inAncestor) break;
        this.flushPending(cur);
        cur.createdBy = { func: l.func, file: '', line: 0 };
        if (l.goroutine !== undefined) cur.createdBy.goroutine = l.goroutine;
        cur.expectCreatedLocation = true;
        break;
      case 'elided':
        if (!cur) return this.orphan(at);
        cur.elided = true;
        break;
      case 'unavailable':
        if (!cur) return this.orphan(at);
        break;
      case 'ancestor':
        if (!cur) return this.orphan(at);
        this.flushPending(cur);
        cur.inAncestor = true;
        break;
      case 'signal':
        break;
    }
    this.lines++;
    return true;
  }

  /** True while a goroutine is open (its next line may be a location without indentation). */
  get open(): boolean {
    return this.cur !== undefined;
  }

  /** Ends the current goroutine; returns the bucketer with everything read. */
  finish(): Bucketer {
    this.close();
    return this.bucketer;
  }

  private orphan(at: Provenance): boolean {
    this.orphans++;
    this.firstOrphan ??= at;
    this.lines++;
    return true;
  }

  private pushFrame(cur: Current, func: string, file: string, line: number): void {
    if (cur.frames.length >= MAX_FRAMES) {
      cur.elided = true;
      return;
    }
    cur.frames.push(this.frames.intern(func, file, line));
  }

  private flushPending(cur: Current): void {
    if (cur.pendingFunc === undefined) return;
    // A frame whose location line was lost (or `non-Go function` without one).
    this.pushFrame(cur, cur.pendingFunc, cur.pendingFunc === 'non-Go function' ? '?' : '', 0);
    cur.pendingFunc = undefined;
  }

  private close(): void {
    const cur = this.cur;
    if (!cur) return;
    this.flushPending(cur);
    this.cur = undefined;
    const g: ReadGoroutine = {
      state: cur.state,
      minutes: cur.minutes,
      locked: cur.locked,
      frames: cur.frames,
      elided: cur.elided,
      header: cur.header,
      headerText: cur.headerText,
    };
    if (cur.id !== undefined) g.id = cur.id;
    if (cur.createdBy) g.createdBy = cur.createdBy;
    if (cur.aggregatedCount !== undefined) g.aggregatedCount = cur.aggregatedCount;
    this.bucketer.add(g);
  }
}
