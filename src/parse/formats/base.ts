import type { FileContext, FileParser, ParsedRecord, Provenance, SourceKind } from '../../model/index.js';
import { snippetOf } from '../../model/index.js';

/**
 * What every line parser shares: one pending record (a record is emitted only once the next line
 * proves it is not continued), adjacency checks, and the handling of lines that fit nothing.
 */

/** A copy of the provenance the scanner handed in (parsers never keep the caller's object). */
export function provenance(at: Provenance): Provenance {
  return { file: at.file, line: at.line, offset: at.offset };
}

/** A record with no stamp of its own for text kept as-is. */
export function textRecord(
  text: string,
  at: Provenance,
  source: SourceKind,
  format: string,
  fields: Record<string, string>,
  host?: string,
): ParsedRecord {
  const rec: ParsedRecord = { stamp: { kind: 'none' }, source, format, message: text, fields, raw: text, at: provenance(at) };
  if (host !== undefined) rec.host = host;
  return rec;
}

export abstract class BufferedParser implements FileParser {
  protected pending: ParsedRecord | null = null;
  /** Last input line held in `pending`. */
  protected pendingEnd = 0;
  protected unparsedCount = 0;

  protected constructor(
    protected readonly ctx: FileContext,
    /** Format id stamped on unparsed records and named in diagnostics. */
    protected readonly formatId: string,
    /** What a line was expected to look like, for the diagnostic's reason. */
    protected readonly expected: string,
  ) {}

  get unparsed(): number {
    return this.unparsedCount;
  }

  abstract line(text: string, at: Provenance): boolean;

  end(): void {
    this.flush();
  }

  /** Last chance to complete a record before it is emitted (inner clocks, fields). */
  protected finish(_rec: ParsedRecord): void {}

  protected flush(): void {
    const rec = this.pending;
    if (!rec) return;
    this.pending = null;
    this.finish(rec);
    this.ctx.emit(rec);
  }

  /** Makes `rec` the pending record (emitting the previous one). */
  protected hold(rec: ParsedRecord): void {
    this.flush();
    this.pending = rec;
    this.pendingEnd = rec.at.line;
  }

  /** True when `at` directly follows the pending record (a continuation may only attach there). */
  protected adjacent(at: Provenance): boolean {
    return this.pending !== null && at.line === this.pendingEnd + 1;
  }

  /** Appends a continuation line to the pending record. */
  protected append(text: string, at: Provenance, messagePart: string): void {
    const rec = this.pending!;
    rec.raw += `\n${text}`;
    rec.message += `\n${messagePart}`;
    this.pendingEnd = at.line;
    rec.at = { ...rec.at, endLine: at.line };
  }

  /**
   * A continuation line whose record is not adjacent (the scanner did not feed its head line):
   * kept as its own untimed record, placed by its neighbours on the timeline.
   */
  protected orphan(text: string, at: Provenance, source: SourceKind, messagePart: string): void {
    this.flush();
    const rec = textRecord(messagePart, at, source, this.formatId, { continuation: 'true' }, this.ctx.host);
    rec.raw = text;
    this.ctx.emit(rec);
  }

  /** A line that fits neither the format nor a continuation: kept as text, counted, reported. */
  protected unparsedLine(text: string, at: Provenance, help?: string): void {
    this.flush();
    this.unparsedCount++;
    this.ctx.emit(textRecord(text, at, 'text', this.formatId, { unparsed: 'true' }, this.ctx.host));
    this.ctx.diag({
      severity: 'warning',
      code: 'parse/unparsed-line',
      reason: `Unexpected line shape, expected ${this.expected}`,
      place: provenance(at),
      snippet: snippetOf(text),
      help:
        help ??
        `The line is kept as text. Force another parser with --as <format> if the file was sniffed wrongly (read as ${this.formatId}).`,
    });
  }
}
