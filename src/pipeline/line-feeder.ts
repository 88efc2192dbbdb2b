import type { LineBlock, LineGate } from '../ingest/index.js';
import { decodeLine } from '../ingest/index.js';
import type { FileParser, Format } from '../model/index.js';

/** Counters the feeder keeps for the file's input summary. */
export interface FeedStats {
  /** Lines in the file. */
  lines: number;
  /** Lines handed to the parser. */
  fed: number;
  crlf: number;
  invalidUtf8: number;
  /** First line numbers with invalid UTF-8 (at most 3, for the warning). */
  invalidUtf8Lines: number[];
}

const HIGH_BYTES = /[\x80-\xff]/g;

interface Pending {
  text: string;
  line: number;
  offset: number;
}

/**
 * Walks blocks of whole lines and decides, line by line and without allocating for skipped
 * lines, which lines the parser sees: lines the gate selected, `context` lines before and after
 * each of them (grep -C), lines the parser claims as continuations of a record in progress, and
 * lines whose shape the format does not recognise (so unparsed lines are counted exactly).
 * Each line is fed at most once, in file order.
 */
export class LineFeeder {
  readonly stats: FeedStats = { lines: 0, fed: 0, crlf: 0, invalidUtf8: 0, invalidUtf8Lines: [] };
  private nextUnfed = 1;
  private claiming = false;
  private afterContext = 0;
  /** Last `context` unfed lines of the previous block, for before-context across blocks. */
  private carry: Pending[] = [];

  constructor(
    private readonly parser: FileParser,
    private readonly file: string,
    private readonly gate: LineGate | 'all',
    private readonly format: Pick<Format, 'shapeOk' | 'isContinuation'>,
    private readonly context: number,
    /** Called before each line is fed (the scanner uses it to sample stamps). */
    private readonly onFeed?: (line: number) => void,
  ) {}

  /** True while the parser asked for more lines (a dump or multi-line record is open). */
  get wantsMore(): boolean {
    return this.claiming;
  }

  block(block: LineBlock): void {
    const text = block.text;
    if (this.gate === 'all') {
      this.everyLine(block);
      return;
    }
    const hits: number[] = [];
    this.gate.scan(text, (start) => {
      hits.push(start);
    });
    // Lines with a byte >= 0x80 are always fed: that is where invalid UTF-8 can hide, and it is
    // counted exactly only when the line is decoded. They are rare in logs.
    const high: number[] = [];
    HIGH_BYTES.lastIndex = 0;
    for (let m = HIGH_BYTES.exec(text); m !== null; m = HIGH_BYTES.exec(text)) {
      const start = text.lastIndexOf('\n', m.index) + 1;
      let end = text.indexOf('\n', m.index);
      if (end === -1) end = text.length;
      high.push(start);
      HIGH_BYTES.lastIndex = end + 1;
    }
    let hi = 0;
    let nextHigh = high.length > 0 ? high[0]! : -1;
    const shapeOk = this.format.shapeOk;
    const ctx = this.context;
    // Ring of the last `ctx` line starts/ends/numbers not fed (before-context candidates).
    const ringStart = new Int32Array(Math.max(ctx, 1));
    const ringEnd = new Int32Array(Math.max(ctx, 1));
    const ringLine = new Float64Array(Math.max(ctx, 1));
    let ringLen = 0;
    let ringHead = 0;
    let h = 0;
    let nextHit = hits.length > 0 ? hits[0]! : -1;
    let pos = 0;
    let line = block.firstLine;
    const n = text.length;
    while (pos < n) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = n;
      const isHit = pos === nextHit;
      if (isHit) {
        h += 1;
        nextHit = h < hits.length ? hits[h]! : -1;
      }
      const isHigh = pos === nextHigh;
      if (isHigh) {
        hi += 1;
        nextHigh = hi < high.length ? high[hi]! : -1;
      }
      if (isHit || isHigh || this.claiming || this.afterContext > 0 || shapeOk === undefined || !shapeOk(text, pos, end)) {
        if (isHit && ctx > 0) {
          // Before-context: carried lines from the previous block, then the ring, oldest first.
          for (const c of this.carry) if (c.line >= line - ctx && c.line >= this.nextUnfed) this.feed(c.text, c.line, c.offset);
          this.carry = [];
          for (let k = 0; k < ringLen; k++) {
            const i = (ringHead - ringLen + k + ctx) % ctx;
            const ln = ringLine[i]!;
            if (ln >= line - ctx && ln >= this.nextUnfed) this.feed(text.slice(ringStart[i]!, ringEnd[i]!), ln, block.offset + ringStart[i]!);
          }
          ringLen = 0;
        }
        const wasContext = !isHit && !this.claiming && this.afterContext > 0;
        if (line > this.nextUnfed) this.feedHead(block, pos, line);
        this.feed(text.slice(pos, end), line, block.offset + pos);
        if (isHit) this.afterContext = ctx;
        else if (wasContext) this.afterContext -= 1;
      } else if (ctx > 0) {
        ringStart[ringHead] = pos;
        ringEnd[ringHead] = end;
        ringLine[ringHead] = line;
        ringHead = (ringHead + 1) % ctx;
        if (ringLen < ctx) ringLen += 1;
      }
      pos = end + 1;
      line += 1;
    }
    this.stats.lines = line - 1;
    // Keep the unfed tail of this block as possible before-context of the next block's first hit.
    this.carry = [];
    for (let k = 0; k < ringLen; k++) {
      const i = (ringHead - ringLen + k + ctx) % ctx;
      this.carry.push({ text: text.slice(ringStart[i]!, ringEnd[i]!), line: ringLine[i]!, offset: block.offset + ringStart[i]! });
    }
  }

  /**
   * A line selected after a gap may continue a record whose head was not selected (an indented
   * journal line, a klog `key=<` block): walk back to the head so the parser sees the record
   * whole. Bounded to 200 lines and to this block.
   */
  private feedHead(block: LineBlock, pos: number, line: number): void {
    const isCont = this.format.isContinuation;
    if (!isCont) return;
    const text = block.text;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    if (!isCont(decodeLine(text.slice(pos, end)).text)) return;
    const starts: number[] = [];
    let p = pos;
    let ln = line;
    while (p > 0 && ln > this.nextUnfed && starts.length < 200) {
      const prevEnd = p - 1;
      const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
      starts.push(prevStart);
      ln -= 1;
      p = prevStart;
      if (!isCont(decodeLine(text.slice(prevStart, prevEnd)).text)) break;
    }
    for (let k = starts.length - 1; k >= 0; k--) {
      const s0 = starts[k]!;
      const e0 = text.indexOf('\n', s0);
      this.feed(text.slice(s0, e0), line - 1 - k, block.offset + s0);
    }
  }

  private everyLine(block: LineBlock): void {
    const text = block.text;
    let pos = 0;
    let line = block.firstLine;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      this.feed(text.slice(pos, end), line, block.offset + pos);
      pos = end + 1;
      line += 1;
    }
    this.stats.lines = line - 1;
  }

  private feed(latin1: string, line: number, offset: number): void {
    this.onFeed?.(line);
    const d = decodeLine(latin1);
    if (d.crlf) this.stats.crlf += 1;
    if (d.invalidUtf8) {
      this.stats.invalidUtf8 += 1;
      if (this.stats.invalidUtf8Lines.length < 3) this.stats.invalidUtf8Lines.push(line);
    }
    this.stats.fed += 1;
    this.claiming = this.parser.line(d.text, { file: this.file, line, offset });
    this.nextUnfed = line + 1;
  }
}
