import type { FileContext, ParsedRecord, Provenance } from '../../model/index.js';
import { isBlank, SPACE } from '../text/chars.js';
import { BufferedParser } from './base.js';
import { finishEnvelope, KlogJoin, sameWriter } from './envelope.js';

/**
 * The parser shared by the syslog and journal text families: a line is tried against the
 * family's layouts (the last one that matched first, lnav-style, so rotations written with
 * different templates still parse), klog continuation entries are joined to their klog record,
 * and (journal) space-indented lines continue the previous entry and marker lines are handled.
 */

/** Reads one layout; null when the line is not in it. */
export type LineLayout = (text: string, at: Provenance, fallbackHost: string | undefined) => ParsedRecord | null;

/** What a marker line means for the lines after it. */
export interface Marker {
  /** The boot the following entries belong to (`-- Boot <id> --`, `-- Reboot --`). */
  bootId?: string;
  /** A record to keep for the marker itself (a reboot on the timeline). */
  record?: ParsedRecord;
}

export interface EnvelopeOptions {
  formatId: string;
  expected: string;
  /** The family's layouts; the format's own layout first. */
  layouts: LineLayout[];
  /** Lines starting with a space continue the previous entry (journalctl multi-line MESSAGE). */
  indentedContinuations?: boolean;
  /** Recognises marker lines (journal `-- Boot ... --`); null for an ordinary line. */
  marker?: (text: string, at: Provenance, host: string | undefined) => Marker | null;
}

export class EnvelopeParser extends BufferedParser {
  private current = 0;
  private readonly join = new KlogJoin();
  private messageColumn = 0;
  private bootId: string | undefined;

  constructor(
    ctx: FileContext,
    private readonly opts: EnvelopeOptions,
  ) {
    super(ctx, opts.formatId, opts.expected);
  }

  line(text: string, at: Provenance): boolean {
    if (isBlank(text)) return this.join.open;
    if (this.opts.indentedContinuations && text.charCodeAt(0) === SPACE) {
      const part = this.stripIndent(text);
      if (this.adjacent(at)) this.append(text, at, part);
      else this.orphan(text, at, this.pending?.source ?? 'journal', part);
      return this.join.open;
    }
    if (this.opts.marker) {
      const m = this.opts.marker(text, at, this.ctx.host);
      if (m) {
        this.flush();
        if (m.bootId !== undefined) this.bootId = m.bootId;
        if (m.record) this.ctx.emit(m.record);
        return false;
      }
    }
    const rec = this.parseLayouts(text, at);
    if (!rec) {
      this.unparsedLine(text, at);
      return false;
    }
    if (this.bootId !== undefined) rec.bootId = this.bootId;
    if (this.pending && this.adjacent(at) && sameWriter(this.pending, rec) && this.join.continues(rec.message)) {
      this.append(text, at, rec.message);
      return this.join.open;
    }
    this.hold(rec);
    this.join.start(rec.message);
    this.messageColumn = text.length - rec.message.length;
    return this.join.open;
  }

  protected override finish(rec: ParsedRecord): void {
    finishEnvelope(rec);
  }

  private parseLayouts(text: string, at: Provenance): ParsedRecord | null {
    const layouts = this.opts.layouts;
    const first = layouts[this.current]!(text, at, this.ctx.host);
    if (first) return first;
    for (let k = 0; k < layouts.length; k++) {
      if (k === this.current) continue;
      const rec = layouts[k]!(text, at, this.ctx.host);
      if (rec) {
        this.current = k;
        return rec;
      }
    }
    return null;
  }

  /** Removes the indentation journalctl adds to align continuation lines with the message. */
  private stripIndent(text: string): string {
    let n = 0;
    while (text.charCodeAt(n) === SPACE) n++;
    return text.slice(Math.min(n, this.messageColumn || n));
  }
}
