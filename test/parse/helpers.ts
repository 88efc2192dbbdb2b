import type { Diagnostic, Event, FileContext, FileScan, Format, InputInfo, ParsedRecord } from '../../src/model/index.js';
import { isoFromMicros } from '../../src/model/index.js';

export interface Run {
  records: ParsedRecord[];
  diags: Diagnostic[];
  unparsed: number;
  /** What `line()` returned for each line fed. */
  wants: boolean[];
}

/** Feeds `lines` (1-based line numbers, offsets counted as bytes + LF) to a fresh parser. */
export function run(format: Format, lines: readonly string[], ctxExtra: Partial<FileContext> = {}): Run {
  const records: ParsedRecord[] = [];
  const diags: Diagnostic[] = [];
  const ctx: FileContext = {
    file: 'f.log',
    options: {},
    emit: (r) => records.push(r),
    object: () => undefined,
    bucket: () => undefined,
    diag: (d) => diags.push(d),
    ...ctxExtra,
  };
  const parser = format.open(ctx);
  const wants: boolean[] = [];
  let offset = 0;
  lines.forEach((text, i) => {
    wants.push(parser.line(text, { file: ctx.file, line: i + 1, offset }));
    offset += Buffer.byteLength(text) + 1;
  });
  parser.end();
  return { records, diags, unparsed: parser.unparsed, wants };
}

/** The one record a single line produces. */
export function one(format: Format, line: string, ctxExtra: Partial<FileContext> = {}): ParsedRecord {
  const r = run(format, [line], ctxExtra);
  if (r.records.length !== 1) throw new Error(`expected one record, got ${r.records.length}`);
  return r.records[0]!;
}

/** A FileScan holding every record the format reads from `lines` (as the scanner would with --all). */
export function scanOf(
  path: string,
  format: Format,
  lines: readonly string[],
  extra: { host?: string; mtimeMicros?: number; samples?: FileScan['samples'] } = {},
): FileScan {
  const r = run(format, lines, { file: path, ...(extra.host !== undefined ? { host: extra.host } : {}) });
  const input: InputInfo = {
    path,
    format: format.meta.id,
    gzip: false,
    bytes: 0,
    uncompressedBytes: 0,
    lines: lines.length,
    unparsedLines: r.unparsed,
    sha256: '',
  };
  if (extra.host !== undefined) input.host = extra.host;
  const scan: FileScan = { input, records: r.records, samples: extra.samples ?? [], objects: [], buckets: [], diagnostics: r.diags };
  if (extra.mtimeMicros !== undefined) scan.mtimeMicros = extra.mtimeMicros;
  return scan;
}

/** ISO time of an event (or null). */
export function iso(e: Event): string | null {
  return e.time.utcMicros === null ? null : isoFromMicros(e.time.utcMicros, e.time.precision === 'us' ? 'us' : 'ms');
}
