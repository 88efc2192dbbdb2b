import type { LineBlock } from '../ingest/index.js';
import { decodeLine, blockLine } from '../ingest/index.js';
import type { FileContext, Format, ParsedRecord, Stamp } from '../model/index.js';

/** Bytes between two sampled stamps. */
export const SAMPLE_EVERY = 1 << 20;

/**
 * Samples the stamp of the first line of a block every SAMPLE_EVERY bytes and of the file's
 * last line with a separate parser instance, so the clock can resolve years and rollovers
 * along the whole file (and knows its time range) without every line being parsed.
 */
export class StampSampler {
  private next = 0;
  private last: LineBlock | undefined;

  constructor(
    private readonly format: Format,
    private readonly base: FileContext,
    private readonly out: Array<{ line: number; stamp: Stamp; uptime?: number }>,
  ) {}

  block(block: LineBlock): void {
    this.last = block;
    if (block.offset < this.next) return;
    this.next = block.offset + SAMPLE_EVERY;
    const end = block.text.indexOf('\n');
    this.sample(blockLine(block, 0, end === -1 ? block.text.length : end), block.firstLine, block.offset);
  }

  /** The file's last line (call once, after the last block). */
  end(): void {
    const block = this.last;
    if (!block) return;
    const text = block.text.endsWith('\n') ? block.text.slice(0, -1) : block.text;
    const start = text.lastIndexOf('\n') + 1;
    let line = block.firstLine;
    for (let p = text.indexOf('\n'); p !== -1 && p < start; p = text.indexOf('\n', p + 1)) line += 1;
    if (line === this.out[this.out.length - 1]?.line) return;
    this.sample(blockLine(block, start, text.length), line, block.offset + start);
  }

  private sample(latin1: string, line: number, offset: number): void {
    if (!this.format.gateable) return;
    let got: ParsedRecord | undefined;
    const ctx: FileContext = { ...this.base, emit: (r) => (got ??= r), object: () => {}, bucket: () => {}, diag: () => {} };
    const p = this.format.open(ctx);
    p.line(decodeLine(latin1).text, { file: this.base.file, line, offset });
    p.end();
    if (got && got.stamp.kind !== 'none') this.out.push({ line, stamp: got.stamp, ...(got.uptime !== undefined ? { uptime: got.uptime } : {}) });
  }
}
