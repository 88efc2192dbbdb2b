import type { LineBlock, LineGate } from '../ingest/index.js';
import { decodeLine, blockLine } from '../ingest/index.js';
import type { FileParser, Format } from '../model/index.js';
import type { RawCheck } from './raw-check.js';
import { MAX_CONTINUATION, UnfedLines, type UnfedLine } from './unfed-lines.js';

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
/** How far back a selected continuation line is walked to find its record's head. */
const MAX_HEAD_WALK = 200;

/**
 * Walks blocks of whole lines and decides, line by line and without allocating for skipped
 * lines, which lines the parser sees: lines the gate selected; lines that continue a record the
 * parser is reading (its claimed regions, the format's continuation lines after a fed line);
 * lines after a signature hit (`feedThrough`, for its context); lines whose shape the format
 * can not confirm (so unparsed lines are counted exactly); and, in blocks that are not valid
 * UTF-8, lines with a byte >= 0x80 (so invalid UTF-8 is counted exactly). A selected line that
 * continues a record whose head was skipped is fed from that head. Each line is fed at most
 * once, in file order. Skipped lines near fed lines are kept in `unfed` for context.
 */
export class LineFeeder {
  readonly stats: FeedStats = { lines: 0, fed: 0, crlf: 0, invalidUtf8: 0, invalidUtf8Lines: [] };
  readonly unfed: UnfedLines;
  private nextUnfed = 1;
  private lastFed = 0;
  private claiming = false;
  private feedUntil = 0;
  /** Last `context` skipped lines of the previous block, for before-context across blocks. */
  private carry: UnfedLine[] = [];
  private readonly isCont: ((text: string) => boolean) | undefined;
  /** The block read before the current one (a record's head may be there). */
  private prev: LineBlock | undefined;

  constructor(
    private readonly parser: FileParser,
    private readonly file: string,
    private readonly gate: LineGate | 'all',
    private readonly format: Pick<Format, 'shapeOk' | 'isContinuation'>,
    private readonly context: number,
    /**
     * True for a fed line whose record is only decided on once it is emitted, which a parser
     * does when it reads the next line (a goroutine dump header in a journal: the dump reader
     * looks at emitted records): the next line is fed too.
     */
    private readonly lookahead?: (latin1: string) => boolean,
    /** Second look at a line the gate alone selected, in formats where it is valid (raw-check.ts). */
    private readonly rawCheck?: RawCheck,
  ) {
    const cont = format.isContinuation;
    this.isCont = cont ? (latin1) => cont(decodeLine(latin1).text) : undefined;
    this.unfed = new UnfedLines(context, this.isCont);
  }

  /** True while the parser asked for more lines (a dump or multi-line record is open). */
  get wantsMore(): boolean {
    return this.claiming;
  }

  /** Feeds every line up to `line` (the after-context of a hit), from the next one read. */
  feedThrough(line: number): void {
    if (line > this.feedUntil) this.feedUntil = line;
  }

  block(block: LineBlock): void {
    const text = block.text;
    if (this.gate === 'all') {
      this.everyLine(block);
      return;
    }
    const hits: number[] = [];
    this.gate.scan(
      text,
      (start) => {
        hits.push(start);
      },
      block.bytes,
    );
    const high = block.utf8 ? [] : highLines(text);
    let hi = 0;
    let nextHigh = high.length > 0 ? high[0]! : -1;
    const shapeOk = this.format.shapeOk;
    const isCont = this.isCont;
    const ctx = this.context;
    const keep = ctx > 0;
    // Ring of the last `ctx` skipped lines (start, end, number): no allocation per line.
    const size = Math.max(ctx, 1);
    const ringStart = new Int32Array(size);
    const ringEnd = new Int32Array(size);
    const ringLine = new Float64Array(size);
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
      let feed = false;
      let hit = false;
      if (pos === nextHit) {
        h += 1;
        nextHit = h < hits.length ? hits[h]! : -1;
        hit = true;
      }
      if (pos === nextHigh) {
        hi += 1;
        nextHigh = hi < high.length ? high[hi]! : -1;
        feed = true;
      }
      if (!feed) {
        feed =
          this.claiming ||
          line <= this.feedUntil ||
          (this.lastFed === line - 1 && isCont !== undefined && isCont(text.slice(pos, end))) ||
          shapeOk === undefined ||
          !shapeOk(text, pos, end);
      }
      if (!feed && hit) feed = this.rawCheck === undefined || this.mayBeEvidence(text, pos, end, isCont, block.ascii);
      if (feed) {
        // A fed continuation line whose head was skipped: feed the record from its head.
        const heads = line > this.nextUnfed && isCont !== undefined ? this.headLines(block, pos, end, line, isCont) : [];
        const first = line - heads.length;
        if (heads.length > 0) {
          while (ringLen > 0 && ringLine[(ringHead - 1 + size) % size]! >= first) {
            ringHead = (ringHead - 1 + size) % size;
            ringLen -= 1;
          }
          for (const c of this.carry) if (c.line >= first) c.fed = true;
          this.unfed.markFed(first, line - 1);
        }
        if (keep) {
          const before: UnfedLine[] = [];
          for (const c of this.carry) if (c.line >= first - ctx && !c.fed) before.push(c);
          for (let k = 0; k < ringLen; k++) {
            const i = (ringHead - ringLen + k + size) % size;
            const ln = ringLine[i]!;
            if (ln >= first - ctx) before.push({ line: ln, offset: block.offset + ringStart[i]!, text: blockLine(block, ringStart[i]!, ringEnd[i]!), fed: false });
          }
          this.unfed.fed(first, before);
        }
        for (let k = heads.length - 1; k >= 0; k--) {
          if (keep && k < heads.length - 1) this.unfed.fed(line - 1 - k, []);
          this.feed(heads[k]!.text, line - 1 - k, heads[k]!.offset);
        }
        if (keep && heads.length > 0) this.unfed.fed(line, []);
        this.feed(blockLine(block, pos, end), line, block.offset + pos, block.ascii);
      } else if (keep) {
        ringStart[ringHead] = pos;
        ringEnd[ringHead] = end;
        ringLine[ringHead] = line;
        ringHead = (ringHead + 1) % size;
        if (ringLen < size) ringLen += 1;
        if (line - this.lastFed <= ctx + MAX_CONTINUATION) this.unfed.skipped(line, block, pos, end);
      }
      pos = end + 1;
      line += 1;
    }
    this.stats.lines = line - 1;
    block.newlines = line - block.firstLine - (n > 0 && text.charCodeAt(n - 1) !== 10 ? 1 : 0);
    this.prev = block;
    // Keep the skipped tail of this block as possible before-context of the next block's lines.
    if (keep) {
      const carry: UnfedLine[] = [];
      for (let k = 0; k < ringLen; k++) {
        const i = (ringHead - ringLen + k + size) % size;
        carry.push({ line: ringLine[i]!, offset: block.offset + ringStart[i]!, text: blockLine(block, ringStart[i]!, ringEnd[i]!), fed: false });
      }
      this.carry = carry.length < ctx ? [...this.carry.slice(carry.length - ctx), ...carry] : carry;
      if (this.carry.length > ctx) this.carry = this.carry.slice(-ctx);
    }
  }

  /**
   * For a line only the gate selected: false when it is a record of its own (not continued
   * and not continuing) that no signature's regex matches (raw-check.ts). Unknown next line
   * (end of block): true.
   */
  private mayBeEvidence(text: string, pos: number, end: number, isCont: ((latin1: string) => boolean) | undefined, ascii: boolean): boolean {
    if (end + 1 >= text.length) return true;
    const last = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (text.charCodeAt(last - 1) === 60 && text.charCodeAt(last - 2) === 61) return true; // `=<` opens a klog block
    if (isCont !== undefined) {
      let next = text.indexOf('\n', end + 1);
      if (next === -1) next = text.length;
      if (isCont(text.slice(pos, end)) || isCont(text.slice(end + 1, next))) return true;
    }
    return this.rawCheck!.mayMatch(text, pos, end, ascii);
  }

  /**
   * A fed line after a gap may continue a record whose head was skipped (an indented journal
   * line, a klog `key=<` block): the lines back to that head (nearest first, into the previous
   * block if need be), so the parser sees the record whole. At most MAX_HEAD_WALK lines.
   */
  private headLines(block: LineBlock, pos: number, end: number, line: number, isCont: (latin1: string) => boolean): Array<{ text: string; offset: number }> {
    const out: Array<{ text: string; offset: number }> = [];
    if (!isCont(block.text.slice(pos, end))) return out;
    let b = block;
    let p = pos;
    let ln = line;
    while (ln > this.nextUnfed && out.length < MAX_HEAD_WALK) {
      if (p === 0) {
        if (!this.prev || b === this.prev) break;
        b = this.prev;
        p = b.text.length;
      }
      const prevEnd = b.text.charCodeAt(p - 1) === 10 ? p - 1 : p;
      const prevStart = b.text.lastIndexOf('\n', prevEnd - 1) + 1;
      out.push({ text: blockLine(b, prevStart, prevEnd), offset: b.offset + prevStart });
      ln -= 1;
      p = prevStart;
      if (!isCont(b.text.slice(prevStart, prevEnd))) break;
    }
    return out;
  }

  private everyLine(block: LineBlock): void {
    const text = block.text;
    let pos = 0;
    let line = block.firstLine;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      this.feed(blockLine(block, pos, end), line, block.offset + pos, block.ascii);
      pos = end + 1;
      line += 1;
    }
    this.stats.lines = line - 1;
    block.newlines = line - block.firstLine - (text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? 1 : 0);
  }

  private feed(latin1: string, line: number, offset: number, ascii = false): void {
    if (this.lookahead?.(latin1)) this.feedThrough(line + 1);
    const d = decodeLine(latin1, ascii);
    if (d.crlf) this.stats.crlf += 1;
    if (d.invalidUtf8) {
      this.stats.invalidUtf8 += 1;
      if (this.stats.invalidUtf8Lines.length < 3) this.stats.invalidUtf8Lines.push(line);
    }
    this.stats.fed += 1;
    this.nextUnfed = line + 1;
    this.lastFed = line;
    this.claiming = this.parser.line(d.text, { file: this.file, line, offset });
  }
}

/** Starts of the lines of `text` holding a byte >= 0x80. */
function highLines(text: string): number[] {
  const out: number[] = [];
  HIGH_BYTES.lastIndex = 0;
  for (let m = HIGH_BYTES.exec(text); m !== null; m = HIGH_BYTES.exec(text)) {
    out.push(text.lastIndexOf('\n', m.index) + 1);
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    HIGH_BYTES.lastIndex = end + 1;
  }
  return out;
}
