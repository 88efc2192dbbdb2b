import type { Diagnostic, FileContext, Format, GoroutineBucket, K8sObject, ParsedRecord, ParseOptions } from '../../../src/model/index.js';

/** A FileContext that keeps everything a parser writes. */
export interface Capture {
  ctx: FileContext;
  records: ParsedRecord[];
  objects: K8sObject[];
  buckets: GoroutineBucket[];
  diags: Diagnostic[];
}

export function capture(file = 'input.txt', extra: Partial<FileContext> = {}, options: ParseOptions = {}): Capture {
  const out: Omit<Capture, 'ctx'> = { records: [], objects: [], buckets: [], diags: [] };
  const ctx: FileContext = {
    file,
    options,
    emit: (r) => out.records.push(r),
    object: (o) => out.objects.push(o),
    bucket: (b) => out.buckets.push(b),
    diag: (d) => out.diags.push(d),
    ...extra,
  };
  return { ctx, ...out };
}

/** Feeds text (split on LF, CR stripped by the parser) with 1-based lines and byte offsets. */
export function feed(format: Format, text: string, cap: Capture): void {
  const parser = format.open(cap.ctx);
  let offset = 0;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    parser.line(line, { file: cap.ctx.file, line: i + 1, offset });
    offset += Buffer.byteLength(line) + 1;
  });
  parser.end();
}

export function run(format: Format, text: string, file = 'input.txt', extra: Partial<FileContext> = {}, options: ParseOptions = {}): Capture {
  const cap = capture(file, extra, options);
  feed(format, text, cap);
  return cap;
}

export const MAY_28_2120_AEST_AS_UTC_MICROS = Date.UTC(2026, 4, 28, 11, 20, 14) * 1000;
