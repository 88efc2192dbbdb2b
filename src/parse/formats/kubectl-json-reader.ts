import type { Provenance } from '../../model/index.js';
import { Expect, EXPECTED, JsonFault, LINES, readNumber, readString, tokenEnd, TOP_LEVEL_ARRAY, type JsonSink, type Unit } from './kubectl-json-tokens.js';

export { LINES, TOP_LEVEL_ARRAY, lineOf, type JsonFaultReport, type JsonSink, type Unit } from './kubectl-json-tokens.js';

/**
 * A streaming JSON reader fed one line at a time, for `kubectl get -o json` output.
 *
 * Why not stream-json: its tokens carry no positions (only its Verifier reports where an error
 * is) and it cannot resume after a syntax error, while hows must cite the line of every
 * notable field and keep what was read before a fault. JSON strings cannot hold a raw line
 * feed, so no token spans lines and a per-line scanner is enough.
 *
 * - Several documents in one file, with non-JSON text lines between them (kubectl warnings,
 *   `Error from server ...`), which go to `sink.text`.
 * - The elements of a top-level document's `items` array (and of a top-level array) are built
 *   and handed over one by one (`sink.item`) and never kept: a List of any size streams.
 * - Every built object/array carries, under the LINES symbol, the 1-based input line where
 *   each member's value starts; `lineOf(value, path)` reads it.
 * - Each unit (item, or document that is not a List) comes with the text and byte offset of
 *   its lines, so records can quote the exact input line.
 * - On a syntax error the unit being built is dropped, the fault is reported, and reading
 *   resumes at the next List item at the same indentation (pretty-printed Lists), or at the
 *   next line starting with `{` or `[` in column 0 (a new document).
 */

interface Frame {
  obj: boolean;
  value: Record<string, unknown> | unknown[];
  lines: Record<string, number> | number[];
  key: string;
  expect: Expect;
  line: number;
  stream: boolean;
  itemRoot: boolean;
  docRoot: boolean;
  /** For stream arrays: column where items open, and how many were handed over. */
  itemColumn: number;
  count: number;
}

/** The lines of the unit being read (a Unit without its value). */
type LineBuf = Omit<Unit, 'value'>;

export class JsonLineReader {
  private readonly stack: Frame[] = [];
  private docBuf: LineBuf | undefined;
  private itemBuf: LineBuf | undefined;
  private resync: { mode: 'item' | 'doc'; from: number } | undefined;
  private text = '';
  private streamed = 0;
  private at: Provenance = { file: '', line: 0, offset: 0 };

  constructor(private readonly sink: JsonSink) {}

  feed(raw: string, at: Provenance): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    this.text = text;
    this.at = at;
    let start = 0;
    if (this.resync) {
      start = this.tryResync(text);
      if (start < 0) return;
    }
    if (this.itemBuf) this.push(this.itemBuf);
    else if (this.docBuf) this.push(this.docBuf);
    try {
      this.scan(text, start);
    } catch (e) {
      if (!(e instanceof JsonFault)) throw e;
      this.fault(e);
    }
  }

  end(): void {
    const last = this.at.line;
    if (this.resync) {
      if (last >= this.resync.from) this.sink.skipped(this.resync.from, last, undefined);
      this.resync = undefined;
    }
    const root = this.stack[0];
    if (!root) return;
    const inItem = this.stack.some((f) => f.itemRoot);
    this.sink.fault({
      reason: `Unexpected end of input inside ${inItem ? 'a List item' : 'a JSON document'}, expected ${EXPECTED[this.stack[this.stack.length - 1]!.expect]}`,
      at: this.at,
      column: this.text.length + 1,
      snippet: this.text,
    });
    this.sink.document(root.value, undefined, this.streamed, false);
    this.stack.length = 0;
  }

  private push(b: LineBuf): void {
    b.texts.push(this.text);
    b.offsets.push(this.at.offset);
  }

  private newBuffer(): LineBuf {
    return { at: { ...this.at }, texts: [this.text], offsets: [this.at.offset] };
  }

  private scan(t: string, from: number): void {
    const n = t.length;
    let i = from;
    let sawToken = from > 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        if (c === 123 || c === 91) {
          this.docBuf = this.newBuffer();
          i = this.open(c === 123, i, undefined);
        } else if (!sawToken) {
          this.sink.text(t, this.at);
          return;
        } else {
          throw new JsonFault(i + 1, `Unexpected ${JSON.stringify(t[i])} after the end of a JSON document, expected a new document or the end of the line`);
        }
        sawToken = true;
        continue;
      }
      sawToken = true;
      switch (top.expect) {
        case Expect.KeyOrEnd:
        case Expect.Key:
          if (c === 34) {
            top.key = readString(t, i);
            top.expect = Expect.Colon;
            i = tokenEnd.at;
          } else if (c === 125 && top.expect === Expect.KeyOrEnd) {
            i = this.close(i);
          } else throw this.unexpected(t, i, top.expect);
          break;
        case Expect.Colon:
          if (c !== 58) throw this.unexpected(t, i, top.expect);
          top.expect = Expect.Value;
          i++;
          break;
        case Expect.CommaOrEnd:
          if (c === 44) {
            top.expect = top.obj ? Expect.Key : Expect.Value;
            i++;
          } else if ((c === 125 && top.obj) || (c === 93 && !top.obj)) {
            i = this.close(i);
          } else throw this.unexpected(t, i, top.expect);
          break;
        case Expect.ValueOrEnd:
          i = c === 93 ? this.close(i) : this.value(t, i, top);
          break;
        case Expect.Value:
          i = this.value(t, i, top);
          break;
      }
    }
  }

  private unexpected(t: string, i: number, expect: Expect): JsonFault {
    return new JsonFault(i + 1, `Unexpected ${JSON.stringify(t[i])}, expected ${EXPECTED[expect]}`);
  }

  private value(t: string, i: number, top: Frame): number {
    const c = t.charCodeAt(i);
    if (c === 123 || c === 91) return this.open(c === 123, i, top);
    let v: unknown;
    let next: number;
    if (c === 34) {
      v = readString(t, i);
      next = tokenEnd.at;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      v = readNumber(t, i);
      if (v === undefined) throw this.unexpected(t, i, Expect.Value);
      next = tokenEnd.at;
    } else if (t.startsWith('true', i)) {
      v = true;
      next = i + 4;
    } else if (t.startsWith('false', i)) {
      v = false;
      next = i + 5;
    } else if (t.startsWith('null', i)) {
      v = null;
      next = i + 4;
    } else throw this.unexpected(t, i, top.expect);
    this.complete(top, v, this.at.line);
    return next;
  }

  private open(obj: boolean, i: number, parent: Frame | undefined): number {
    const frame: Frame = {
      obj,
      value: obj ? {} : [],
      lines: obj ? {} : [],
      key: '',
      expect: obj ? Expect.KeyOrEnd : Expect.ValueOrEnd,
      line: this.at.line,
      stream: false,
      itemRoot: false,
      docRoot: parent === undefined,
      itemColumn: -1,
      count: 0,
    };
    if (!parent) {
      this.streamed = 0;
      frame.stream = !obj; // a top-level array streams its elements
    } else if (parent.stream) {
      frame.itemRoot = true;
      if (parent.itemColumn < 0) parent.itemColumn = i;
      this.itemBuf = this.newBuffer();
    } else if (!obj && parent.docRoot && parent.obj && parent.key === 'items') {
      frame.stream = true;
      this.docBuf = undefined; // a List: its items are units, the wrapper is not
    }
    this.stack.push(frame);
    return i + 1;
  }

  private close(i: number): number {
    const f = this.stack.pop()!;
    (f.value as { [LINES]?: unknown })[LINES] = f.lines;
    const parent = this.stack[this.stack.length - 1];
    if (f.itemRoot && parent) {
      const b = this.itemBuf!;
      this.itemBuf = undefined;
      parent.count++;
      this.streamed++;
      parent.expect = Expect.CommaOrEnd;
      const wrapper = this.stack[0]!.obj ? (this.stack[0]!.value as Record<string, unknown>) : (TOP_LEVEL_ARRAY as Record<string, unknown>);
      this.sink.item({ value: f.value, at: b.at, texts: b.texts, offsets: b.offsets }, wrapper);
    } else if (f.docRoot) {
      const b = this.docBuf;
      this.docBuf = undefined;
      const unit = b ? { value: f.value, at: b.at, texts: b.texts, offsets: b.offsets } : undefined;
      this.sink.document(f.value, unit, this.streamed, true);
    } else if (parent) {
      this.complete(parent, f.value, f.line);
    }
    return i + 1;
  }

  private complete(top: Frame, v: unknown, line: number): void {
    if (top.obj) {
      if (top.key === '__proto__') {
        // data, not a prototype (JSON.parse semantics)
        Object.defineProperty(top.value, top.key, { value: v, enumerable: true, writable: true, configurable: true });
        Object.defineProperty(top.lines, top.key, { value: line, enumerable: true, writable: true, configurable: true });
      } else {
        (top.value as Record<string, unknown>)[top.key] = v;
        (top.lines as Record<string, number>)[top.key] = line;
      }
    } else if (top.stream) {
      top.count++; // a scalar in a List's items: nothing to build
      this.streamed++;
    } else {
      (top.value as unknown[]).push(v);
      (top.lines as number[]).push(line);
    }
    top.expect = Expect.CommaOrEnd;
  }

  private fault(e: JsonFault): void {
    this.sink.fault({ reason: e.reason, at: { ...this.at }, column: e.column, snippet: this.text });
    const si = this.stack.findIndex((f) => f.stream);
    this.itemBuf = undefined;
    if (si >= 0 && this.stack[si]!.itemColumn >= 0) {
      this.stack.length = si + 1;
      this.resync = { mode: 'item', from: this.at.line + 1 };
    } else {
      this.stack.length = 0;
      this.docBuf = undefined;
      this.resync = { mode: 'doc', from: this.at.line + 1 };
    }
  }

  /** -1 to skip the line; else the column to resume scanning from. */
  private tryResync(text: string): number {
    const r = this.resync!;
    const m = /\S/.exec(text);
    if (!m) return -1;
    const col = m.index;
    const ch = text[col];
    const stream = this.stack[this.stack.length - 1];
    let resume = -1;
    if ((ch === '{' || ch === '[') && col === 0 && !(r.mode === 'item' && stream?.itemColumn === 0)) {
      this.stack.length = 0;
      resume = 0;
    } else if (r.mode === 'item' && stream) {
      if (ch === '{' && col === stream.itemColumn) {
        stream.expect = Expect.Value;
        resume = col;
      } else if (ch === ']' && col < stream.itemColumn) {
        stream.expect = Expect.CommaOrEnd;
        resume = col;
      }
    }
    if (resume < 0) return -1;
    if (this.at.line > r.from) this.sink.skipped(r.from, this.at.line - 1, this.at.line);
    this.resync = undefined;
    return resume;
  }
}
