import { isAscii, isUtf8 } from 'node:buffer';

/**
 * Splits a decompressed byte stream into blocks of whole lines.
 *
 * Why not split2 (the design card's line splitter): measured on a 200 MB three-node corpus,
 * split2 delivers 118 MB/s (37 MB/s fed latin1 strings), because every line is pushed through
 * the stream machinery, it re-splits its carried remainder on every chunk, it decodes UTF-8 so
 * byte offsets are lost, and it drops (or errors on) lines longer than `maxLength` without
 * saying which. Blocks of whole lines, decoded as latin1 (one char = one byte, so a string
 * index is a byte offset), let the scanner find candidate lines with one pass over the block;
 * only selected lines become objects. `hows correlate` still uses split2 where it fits: reading
 * JSON-lines hit files.
 *
 * Why 64 KiB blocks cut out of 1 MiB reads (measured on the 100 MB bench corpus, Node 20):
 * decoding 1 MiB chunks to latin1 and walking their lines with indexOf ran at 360 MB/s, 64 KiB
 * slices of the same chunks at 1120 MB/s and 32 KiB at 1800 MB/s. A string over ~1 MB is an
 * external string and one over 128 KiB lives in large-object space; both cost an allocation
 * the size of the block and a slower indexOf. Reads stay at 1 MiB (fewer syscalls, and gunzip
 * output comes in 1 MiB pieces anyway).
 */

/** Lines longer than this are cut (the rest of the line is skipped and reported). */
export const MAX_LINE_BYTES = 1 << 20;
/** Target block size (a block holds whole lines; one longer line is a block of its own). */
export const BLOCK_BYTES = 48 << 10;

export interface LineBlock {
  /**
   * Whole lines decoded as latin1, each ending in '\n' except the last line of the stream when
   * it had no final newline. May contain '\r' before '\n' (CRLF input).
   */
  text: string;
  /** 1-based number of the first line in `text`. */
  firstLine: number;
  /** Byte offset of `text[0]` in the decompressed stream. */
  offset: number;
  /** Every byte is below 0x80 (so no line needs UTF-8 decoding or checking). */
  ascii: boolean;
  /** The bytes are valid UTF-8 (true when ascii): no line in the block needs checking. */
  utf8: boolean;
  /** Set when this block is a single over-long line that was cut: its real length in bytes. */
  cutFrom?: number;
  /** Set by a consumer that walked the block: the number of '\n' in `text`. */
  newlines?: number;
  /**
   * The bytes `text` was decoded from (without the '\n' added to a cut line). A line kept by a
   * parser is decoded from here: a slice of `text` would keep the whole block alive.
   */
  bytes?: Buffer;
}

/**
 * A line of a block (`start` to `end` of its text) as a string of its own. A slice of the
 * block's text would keep the whole block (tens of KiB) alive for as long as anything holds the
 * line (a record's message, a sampled stamp's text): decoded from the bytes, or copied when the
 * block carries none.
 */
export function blockLine(block: LineBlock, start: number, end: number): string {
  return block.bytes ? block.bytes.toString('latin1', start, end) : Buffer.from(block.text.slice(start, end), 'latin1').toString('latin1');
}

export interface CutLine {
  line: number;
  offset: number;
  /** Length of the line in bytes as read (without the newline). */
  bytes: number;
}

const NL = 10;

/**
 * Yields blocks of whole lines from `chunks`. `onCut` is told about every line longer than
 * `maxLine`: its first `maxLine` bytes are delivered, the rest is skipped.
 */
export async function* readBlocks(
  chunks: AsyncIterable<Buffer>,
  onCut: (cut: CutLine) => void = () => {},
  maxLine = MAX_LINE_BYTES,
  blockBytes = BLOCK_BYTES,
): AsyncGenerator<LineBlock> {
  // A block never holds more than maxLine bytes unless it is one line: then only that line can
  // be over-long, and it is cut on its own.
  const size = Math.max(1, Math.min(blockBytes, maxLine));
  let carry: Buffer[] = []; // pieces of a partial line carried to the next chunk
  let carryLen = 0;
  let offset = 0; // stream offset of the next byte not yet delivered (or of carry[0])
  let line = 1; // number of the next line to deliver
  let skipping: CutLine | undefined; // inside an over-long line: skip to its newline

  const block = (buf: Buffer, start: number, end: number): LineBlock => {
    const bytes = buf.subarray(start, end);
    const ascii = isAscii(bytes);
    const b: LineBlock = { text: buf.toString('latin1', start, end), firstLine: line, offset, ascii, utf8: ascii || isUtf8(bytes), bytes };
    offset += end - start;
    return b;
  };
  // The consumer walks the block's lines anyway and says how many it ended (`newlines`); a
  // block it did not walk yet (read ahead) is counted here.
  function* emit(b: LineBlock): Generator<LineBlock> {
    yield b;
    line += b.newlines ?? countNewlines(b.text);
  }
  const cut = (head: Buffer, bytes: number, newline: boolean): LineBlock => {
    const text = head.toString('latin1', 0, maxLine) + (newline ? '\n' : '');
    // A cut may split a UTF-8 sequence: the line is checked (and decoded) on its own.
    return { text, firstLine: line, offset, ascii: isAscii(head.subarray(0, maxLine)), utf8: false, cutFrom: bytes, bytes: head.subarray(0, maxLine) };
  };

  for await (const chunk of chunks) {
    let buf = chunk;
    let pos = 0;
    if (skipping) {
      const nl = buf.indexOf(NL);
      if (nl === -1) {
        skipping.bytes += buf.length;
        offset += buf.length;
        continue;
      }
      skipping.bytes += nl;
      onCut(skipping);
      skipping = undefined;
      offset += nl + 1;
      line += 1;
      pos = nl + 1;
    }
    if (carryLen > 0) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1 || carryLen + (nl - pos) > maxLine) {
        carry.push(Buffer.from(buf.subarray(pos, nl === -1 ? buf.length : nl)));
        carryLen += (nl === -1 ? buf.length : nl) - pos;
        if (carryLen > maxLine) {
          // An over-long line: deliver its head now, skip the rest up to its newline.
          yield cut(Buffer.concat(carry, carryLen), carryLen, true);
          skipping = { line, offset, bytes: carryLen };
          offset += carryLen;
          carry = [];
          carryLen = 0;
          if (nl !== -1) {
            onCut(skipping);
            skipping = undefined;
            offset += 1;
            line += 1;
            pos = nl + 1;
          } else continue;
        } else continue;
      } else {
        // The carried line ends in this chunk: it opens the first block of the chunk.
        const first = nextBlockEnd(buf, pos, size);
        const end = first > nl ? first : nl + 1;
        carry.push(buf.subarray(pos, end));
        buf = Buffer.concat(carry, carryLen + end - pos);
        carry = [];
        carryLen = 0;
        yield* emit(block(buf, 0, buf.length));
        buf = chunk;
        pos = end;
      }
    }
    while (pos < buf.length) {
      const end = nextBlockEnd(buf, pos, size);
      if (end === -1) {
        // A partial last line: carry it (copied: the chunk may be reused by its reader).
        carry = [Buffer.from(buf.subarray(pos))];
        carryLen = buf.length - pos;
        if (carryLen > maxLine) {
          yield cut(carry[0]!, carryLen, true);
          skipping = { line, offset, bytes: carryLen };
          offset += carryLen;
          carry = [];
          carryLen = 0;
        }
        break;
      }
      if (end - pos - 1 > maxLine) {
        // One over-long line with its newline in this chunk.
        const bytes = end - pos - 1;
        onCut({ line, offset, bytes });
        yield cut(buf.subarray(pos, end), bytes, true);
        offset += end - pos;
        line += 1;
      } else yield* emit(block(buf, pos, end));
      pos = end;
    }
  }
  if (skipping) {
    onCut(skipping);
    return;
  }
  if (carryLen > 0) {
    const rest = Buffer.concat(carry, carryLen);
    if (carryLen > maxLine) {
      onCut({ line, offset, bytes: carryLen });
      yield cut(rest, carryLen, false);
    } else yield block(rest, 0, rest.length);
  }
}

/**
 * End (exclusive, after a '\n') of the block starting at `pos`: the last newline within `size`
 * bytes, or, when the line at `pos` is longer than that, the end of that line alone. -1 when no
 * newline follows `pos` in `buf`.
 */
function nextBlockEnd(buf: Buffer, pos: number, size: number): number {
  const limit = pos + size;
  if (limit >= buf.length) {
    const last = buf.lastIndexOf(NL, buf.length - 1);
    return last >= pos ? last + 1 : -1;
  }
  const last = buf.lastIndexOf(NL, limit - 1);
  if (last >= pos) return last + 1;
  const nl = buf.indexOf(NL, limit);
  return nl === -1 ? -1 : nl + 1;
}

/** Number of '\n' in `text` (String#indexOf runs at ~5 GB/s on this box; a char loop at ~0.2). */
export function countNewlines(text: string, from = 0, to = text.length): number {
  let n = 0;
  let p = text.indexOf('\n', from);
  while (p !== -1 && p < to) {
    n += 1;
    p = text.indexOf('\n', p + 1);
  }
  return n;
}
