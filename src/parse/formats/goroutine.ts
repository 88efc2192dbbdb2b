import {
  isoFromMicros,
  snippetOf,
  type FileContext,
  type FileParser,
  type Format,
  type GoroutineBucket,
  type Provenance,
  type Stamp,
} from '../../model/index.js';
import { GoroutineCollector } from './goroutine-collector.js';
import { publishBuckets } from './goroutine-records.js';
import { dumpSummaryRecord } from './goroutine-summary.js';

/**
 * Raw goroutine dumps: `/debug/pprof/goroutine?debug=2`, SIGQUIT/SIGUSR1 tracebacks, and the
 * `debug=1` aggregated profile (FORMATS.md §5). Dumps inside journal output are handled by
 * `embedded-dump.ts` instead; both share the collector and the record rules of
 * `goroutine-records.ts`.
 *
 * Dump time, best first: `--dump-time` (ctx.options.dumpTime), the file's mtime (an info
 * diagnostic says so), none (a warning: minutes cannot be placed).
 */

export const GOROUTINE_FORMAT_ID = 'goroutine-dump';

const SNIFF_HEADER = /^goroutine \d+ (?:gp=0x[0-9a-f]+ )?(?:m=\S+ )?(?:mp=0x[0-9a-f]+ )?\[[^\]]*\]:\s*$/;

/** Dump time of a raw dump file: --dump-time, else the file's mtime, else none. */
export function dumpTimeOf(ctx: Pick<FileContext, 'options' | 'mtimeMicros'>): { stamp: Stamp; source: GoroutineBucket['dumpTimeSource'] } {
  if (ctx.options.dumpTime !== undefined) {
    const t = ctx.options.dumpTime;
    return { stamp: { kind: 'absolute', utcMicros: t, precision: 's', text: isoFromMicros(t, 's') }, source: 'flag' };
  }
  if (ctx.mtimeMicros !== undefined) {
    const t = ctx.mtimeMicros;
    return { stamp: { kind: 'absolute', utcMicros: t, precision: 's', text: isoFromMicros(t, 's') }, source: 'mtime' };
  }
  return { stamp: { kind: 'none' }, source: 'unknown' };
}

class GoroutineFileParser implements FileParser {
  private readonly collector = new GoroutineCollector();
  private readonly dump: ReturnType<typeof dumpTimeOf>;
  private firstLine: Provenance | undefined;
  private firstUnparsed: { at: Provenance; text: string } | undefined;
  unparsed = 0;

  constructor(private readonly ctx: FileContext) {
    this.dump = dumpTimeOf(ctx);
  }

  line(text: string, at: Provenance): boolean {
    this.firstLine ??= at;
    if (this.collector.accept(text, at)) return true;
    this.unparsed++;
    this.firstUnparsed ??= { at, text };
    const rec = {
      stamp: this.dump.stamp,
      source: 'goroutine' as const,
      format: GOROUTINE_FORMAT_ID,
      message: text,
      fields: { unparsed: 'true' },
      raw: text,
      at,
    };
    this.ctx.emit(this.ctx.host ? { ...rec, host: this.ctx.host } : rec);
    return true;
  }

  end(): void {
    const { ctx, dump } = this;
    const bucketer = this.collector.finish();
    const place = { file: ctx.file, line: this.firstLine?.line ?? 1, offset: this.firstLine?.offset ?? 0 };
    if (bucketer.size === 0 && this.collector.lines === 0) return;
    if (dump.source === 'mtime') {
      ctx.diag({
        severity: 'info',
        code: 'parse/goroutine-dump-time-from-mtime',
        reason: `Dump time taken from the file's modification time (${dump.stamp.kind === 'absolute' ? dump.stamp.text : '?'}); blocked-since times depend on it`,
        place,
        help: 'Pass --dump-time when the file was copied or touched after the dump was taken.',
      });
    } else if (dump.source === 'unknown') {
      ctx.diag({
        severity: 'warning',
        code: 'parse/goroutine-dump-time-unknown',
        reason: 'Unexpected dump without a time, expected --dump-time or a file modification time',
        place,
        help: 'Pass --dump-time so goroutine waits can be placed on the timeline.',
      });
    }
    const outs = bucketer.finish({ dumpTime: dump.stamp, dumpTimeSource: dump.source, ...(ctx.host ? { host: ctx.host } : {}) });
    const records = publishBuckets(outs, { format: GOROUTINE_FORMAT_ID }, ctx);
    const summary = dumpSummaryRecord(outs, { format: GOROUTINE_FORMAT_ID }, bucketer.goroutines);
    if (summary) ctx.emit(summary);
    ctx.diag({
      severity: 'info',
      code: 'parse/goroutine-dump',
      reason: `Read ${bucketer.goroutines} goroutines into ${outs.length} buckets; ${records} became timeline records`,
      place,
    });
    reportDumpDamage(ctx, this.collector, this.unparsed, this.firstUnparsed);
  }
}

/** Diagnostics for lost headers and lines that are not dump lines (shared with the journal case). */
export function reportDumpDamage(
  ctx: Pick<FileContext, 'diag' | 'file'>,
  collector: GoroutineCollector,
  unparsed = 0,
  firstUnparsed?: { at: Provenance; text: string },
): void {
  if (collector.orphans > 0 && collector.firstOrphan) {
    ctx.diag({
      severity: 'warning',
      code: 'parse/goroutine-orphan-lines',
      reason: `Unexpected ${collector.orphans} stack lines outside any goroutine, expected a "goroutine N [...]:" header first (lines lost?)`,
      place: collector.firstOrphan,
      count: collector.orphans,
      help: 'These frames are not in any bucket. Journald rate limiting or a cut paste can drop header lines.',
    });
  }
  if (unparsed > 0 && firstUnparsed) {
    ctx.diag({
      severity: 'warning',
      code: 'parse/unparsed-line',
      reason: `Unexpected ${unparsed} lines that are not goroutine dump lines, kept as text records`,
      place: firstUnparsed.at,
      snippet: snippetOf(firstUnparsed.text),
      count: unparsed,
    });
  }
}

export const goroutineFormat: Format = {
  meta: {
    id: GOROUTINE_FORMAT_ID,
    title: 'Go goroutine dump (debug=2 / SIGQUIT traceback, debug=1 profile)',
    source: 'goroutine',
    docs: 'FORMATS.md#5-go-goroutine-dumps',
    samples: [
      'goroutine 8812 [select, 33 minutes]:',
      'goroutine 1 gp=0xc000002380 m=nil [semacquire, 4 minutes, locked to thread]:',
      'goroutine profile: total 1843',
    ],
  },
  sniff(lines) {
    for (const raw of lines) {
      const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (SNIFF_HEADER.test(l) || /^goroutine profile: total \d+$/.test(l)) return 0.95;
      if (l === 'SIGQUIT: quit') return 0.9;
    }
    return 0;
  },
  open(ctx) {
    return new GoroutineFileParser(ctx);
  },
  gateable: false,
};
