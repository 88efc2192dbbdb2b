/**
 * The lines around each fed line that the parser did not see, kept so that the context of a
 * signature hit (grep -C) can be read afterwards without feeding context lines around every
 * prefilter candidate.
 *
 * Why (measured on the 100 MB bench corpus, default --context 2): the prefilter selects 8,800
 * lines of which 900 are signature evidence; feeding two lines either side of every candidate
 * made 44,000 parses at ~10 us each (0.44 s of CPU per 100 MB), feeding context only around
 * real hits makes 12,400.
 */

import { blockLine, type LineBlock } from '../ingest/index.js';

/** A line not fed to the parser: its latin1 text (without '\n') and place. */
export interface UnfedLine {
  line: number;
  offset: number;
  text: string;
  /** Set when the line was fed after all (walking back to a record's head). */
  fed: boolean;
}

interface Entry {
  /** A fed line. */
  line: number;
  /** Unfed lines just before it (at most `context`, nearest last). */
  before: UnfedLine[];
  /** Unfed lines after it, up to `context` lines away, then continuations of the last one. */
  after: UnfedLine[];
  /** Still collecting continuation lines past the context. */
  open: boolean;
}

/** Entries kept at most (a dump or a long claimed region feeds many lines without a record). */
const MAX_ENTRIES = 4096;
/** Continuation lines followed after the last context line (the parser's own bound). */
export const MAX_CONTINUATION = 200;

export class UnfedLines {
  /** Entries from `first` on; the slots before it are emptied as they are released. */
  private entries: Array<Entry | undefined> = [];
  private first = 0;
  /** Entries before this index are closed (no more after lines). */
  private open = 0;

  constructor(
    private readonly context: number,
    /** True when a line continues the record before it (decoded text). */
    private readonly isContinuation?: (latin1: string) => boolean,
  ) {}

  /** A line is fed: remember the unfed lines before it. */
  fed(line: number, before: UnfedLine[]): void {
    this.entries.push({ line, before, after: [], open: true });
    if (this.entries.length - this.first > MAX_ENTRIES) this.drop();
    if (this.first > 1024 && this.first * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.first);
      this.open = Math.max(0, this.open - this.first);
      this.first = 0;
    }
  }

  /**
   * A line is skipped (`block.text` from `start` to `end`): it may be after-context of the last
   * fed lines. Called for most lines of a file (134,000 of 145,000 lines of a 38 MB syslog with
   * 2,000 fed lines), so it allocates nothing unless it keeps the line: a closure per call to
   * make the line was 7.6 of the 115 MB the scan of that file allocated.
   */
  skipped(line: number, block: LineBlock, start: number, end: number): void {
    let u: UnfedLine | undefined;
    if (this.open < this.first) this.open = this.first;
    while (this.open < this.entries.length && !this.entries[this.open]!.open) this.open += 1;
    for (let i = this.entries.length - 1; i >= Math.max(this.first, this.open); i--) {
      const e = this.entries[i]!;
      if (line - e.line <= this.context) {
        u ??= unfedLine(line, block, start, end);
        e.after.push(u);
        continue;
      }
      if (!e.open) continue;
      if (line - e.line > this.context + MAX_CONTINUATION) {
        e.open = false;
        continue;
      }
      // Past the context: only continuations of the last context line are still wanted.
      const last = e.after.length > 0 ? e.after[e.after.length - 1]! : undefined;
      if (last === undefined || last.line !== line - 1) {
        e.open = false;
        continue;
      }
      u ??= unfedLine(line, block, start, end);
      if (this.isContinuation?.(u.text)) e.after.push(u);
      else e.open = false;
    }
  }

  /** Unfed lines within `context` before `line` (which was fed). */
  before(line: number): UnfedLine[] {
    const e = this.find(line);
    return e ? e.before.filter((u) => !u.fed && u.line >= line - this.context) : [];
  }

  /** Unfed lines after `line` (which was fed), with the continuations of the last one. */
  after(line: number): UnfedLine[] {
    const e = this.find(line);
    return e ? e.after.filter((u) => !u.fed) : [];
  }

  /** Lines before `line` will not be asked about again. */
  release(line: number): void {
    while (this.first < this.entries.length && this.entries[this.first]!.line < line) this.drop();
  }

  /**
   * Lets go of the oldest entry now, not at the next compaction: an entry (its context lines)
   * left in the array until then (a thousand fed lines later) outlived young-generation
   * collections and was promoted. Measured on the 1 GB bench corpus with one thread: heap at
   * the end of the scan 171 -> 120 MiB (103 MiB live either way), scavenges during the scan
   * 133 -> 124 taking 0.73 -> 0.49-0.56 s.
   */
  private drop(): void {
    this.entries[this.first] = undefined;
    this.first += 1;
  }

  /** Marks lines fed after they were skipped (`from`..`to`), wherever they were kept. */
  markFed(from: number, to: number): void {
    for (let i = this.entries.length - 1; i >= this.first; i--) {
      const e = this.entries[i]!;
      if (e.line < from - this.context - MAX_CONTINUATION) break;
      for (const u of e.after) if (u.line >= from && u.line <= to) u.fed = true;
    }
  }

  private find(line: number): Entry | undefined {
    for (let i = this.entries.length - 1; i >= this.first; i--) {
      const e = this.entries[i]!;
      if (e.line === line) return e;
      if (e.line < line) return undefined;
    }
    return undefined;
  }
}

function unfedLine(line: number, block: LineBlock, start: number, end: number): UnfedLine {
  return { line, offset: block.offset + start, text: blockLine(block, start, end), fed: false };
}
