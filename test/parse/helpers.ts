import type { Diagnostic, FileContext, Format, ParsedRecord } from '../../src/model/index.js';

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
