import type { InputFile, LineBlock, LineGate } from '../ingest/index.js';
import { SAMPLE_BYTES, binaryVerdict, decodeLine, openInput, readBlocks } from '../ingest/index.js';
import type { Diagnostic, FileContext, FileParser, FileScan, Format, GoroutineBucket, K8sObject, ParseOptions, ParsedRecord, SourceKind } from '../model/index.js';
import { DiagnosticGrouper } from './diag-group.js';
import { gateFor } from './gate-cache.js';
import { LineFeeder } from './line-feeder.js';
import { RAW_MESSAGE_FORMATS, type RawCheck } from './raw-check.js';
import { RecordKeeper, type ContextSource, type RecordMatcher } from './record-keeper.js';
import { StampSampler } from './stamp-sampler.js';
import type { UnfedLine } from './unfed-lines.js';

/** What the scanner needs from the parse stage. */
export interface FormatRegistry {
  /** Best format for a file starting with these (non-empty, decoded) lines, with sniffing notes. */
  sniff(lines: readonly string[], file: string): { format: Format; diagnostics: Diagnostic[] };
  get(id: string): Format | undefined;
  /** The plain-text format used when nothing else fits. */
  fallback(): Format;
}

/** What the scanner needs from the signatures stage. */
export interface ScanMatcher extends RecordMatcher {
  /** Literals of every event signature: a line without any of them can not match. */
  literals(): readonly string[];
  /** Sources whose lines must all be parsed because some signature has no literal. */
  ungated(): { sources: readonly SourceKind[] } | null;
}

export interface EmbeddedDumps {
  ctx: FileContext;
  inDump(): boolean;
  end(): void;
}

export interface ScanDeps {
  formats: FormatRegistry;
  matcher: ScanMatcher;
  /** Second look at gate-selected lines before parsing (raw-check.ts); absent: every one is parsed. */
  rawCheck?: RawCheck;
  /** Decorates a line parser's context so goroutine dumps inside journal/syslog are bucketed. */
  embedDumps?: (ctx: FileContext) => EmbeddedDumps;
}

export interface ScanOptions {
  /** Parse every line and keep every record (timeline --all), not only hits and context. */
  all: boolean;
  context: number;
  as?: string;
  host?: string;
  parse: ParseOptions;
  /** Literals a format needs to see besides the signatures' (e.g. goroutine dump headers). */
  extraLiterals?: readonly string[];
  /** Told the number of bytes read from disk, chunk by chunk (progress). */
  onBytes?: (n: number) => void;
}

const SNIFF_LINES = 40;
/** Always let these through the gate: a goroutine dump inside a journal starts at such a line. */
export const FORMAT_LITERALS: readonly string[] = ['goroutine ', 'SIGQUIT: quit'];

/** Scans one input: open, sniff, gate, parse, match. Never throws for data problems. */
export async function scanFile(file: InputFile, deps: ScanDeps, opts: ScanOptions): Promise<FileScan> {
  const diagnostics = new DiagnosticGrouper();
  let opened: Awaited<ReturnType<typeof openInput>>;
  try {
    opened = await openInput(file.path, opts.onBytes);
  } catch (err) {
    return unreadable(file, err as NodeJS.ErrnoException);
  }
  const cuts: Array<{ line: number; bytes: number; offset: number }> = [];
  const blocks = readBlocks(opened.chunks, (c) => cuts.push(c))[Symbol.asyncIterator]();
  // The first blocks: the first one sniffs the format, all of them are the gate's sample.
  const head: LineBlock[] = [];
  for (let sampled = 0; sampled < SAMPLE_BYTES; ) {
    const b = await blocks.next();
    if (b.done) break;
    head.push(b.value);
    sampled += b.value.text.length;
  }
  const firstBlock: LineBlock | undefined = head[0];

  const objects: K8sObject[] = [];
  const buckets: GoroutineBucket[] = [];
  const samples: FileScan['samples'] = [];
  let format: Format = deps.formats.fallback();
  let skipped: string | undefined;

  const verdict = firstBlock ? binaryVerdict(Buffer.from(firstBlock.text.slice(0, 8192), 'latin1')) : undefined;
  if (verdict) {
    skipped = `binary: ${verdict.what}`;
    diagnostics.add({ severity: 'warning', code: 'ingest/binary-file', reason: `Skipped ${file.path}: it is ${verdict.what}, not a text log`, place: { file: file.path }, ...(verdict.help ? { help: verdict.help } : {}) });
    for (let b = await blocks.next(); !b.done; b = await blocks.next()) void b;
  } else if (firstBlock) {
    format = chooseFormat(firstBlock, deps.formats, opts.as, file.path, diagnostics);
  }

  const host = opts.host ?? file.hostHint;
  const gate = chooseGate(format, deps.matcher, opts, head);
  const source: ContextSource = {
    before: (l) => feeder.unfed.before(l),
    after: (l) => feeder.unfed.after(l),
    release: (l) => feeder.unfed.release(l),
    feedThrough: (l) => feeder.feedThrough(l),
    read: (lines) => readApart(format, base, lines),
  };
  const keeper = new RecordKeeper(deps.matcher, opts.context, gate === 'all', gate === 'all' ? undefined : source);
  const base: FileContext = {
    file: file.path,
    ...(host ? { host } : {}),
    ...(file.mtimeMicros !== undefined ? { mtimeMicros: file.mtimeMicros } : {}),
    options: opts.parse,
    emit: (r) => keeper.add(r),
    object: (o) => objects.push(o),
    bucket: (b) => buckets.push(b),
    diag: (d) => diagnostics.add(d),
  };
  let ctx = base;
  let dumps: EmbeddedDumps | undefined;
  if (deps.embedDumps && (format.meta.source === 'journal' || format.meta.source === 'syslog')) {
    dumps = deps.embedDumps(ctx);
    ctx = dumps.ctx;
  }
  const inner = format.open(ctx);
  const parser: FileParser = dumps
    ? { line: (t, at) => inner.line(t, at) || dumps!.inDump(), end: () => inner.end(), get unparsed() { return inner.unparsed; } }
    : inner;

  const sampler = new StampSampler(format, base, samples);
  const lookahead = dumps ? (t: string): boolean => FORMAT_LITERALS.some((l) => t.includes(l)) : undefined;
  const raw = RAW_MESSAGE_FORMATS.has(format.meta.id) && !opts.extraLiterals?.length ? deps.rawCheck : undefined;
  const feeder = new LineFeeder(parser, file.path, gate, format, opts.context, lookahead, raw);
  if (!skipped && firstBlock) {
    for (const b of head) {
      sampler.block(b);
      feeder.block(b);
    }
    for (let b = await blocks.next(); !b.done; b = await blocks.next()) {
      sampler.block(b.value);
      feeder.block(b.value);
    }
    sampler.end();
  }
  parser.end();
  dumps?.end();

  const stats = await opened.done;
  for (const d of stats.diagnostics) diagnostics.add(d);
  for (const c of cuts) {
    diagnostics.add({ severity: 'warning', code: 'ingest/long-line', reason: `Line of ${c.bytes} bytes cut to 1 MiB`, place: { file: file.path, line: c.line, offset: c.offset }, help: 'The first 1 MiB of the line is kept; the rest is skipped.' });
  }
  if (feeder.stats.invalidUtf8 > 0) {
    diagnostics.add({ severity: 'warning', code: 'ingest/invalid-utf8', reason: `${feeder.stats.invalidUtf8} line(s) hold bytes that are not valid UTF-8; kept with U+FFFD in their place`, place: { file: file.path, line: feeder.stats.invalidUtf8Lines[0]! }, count: feeder.stats.invalidUtf8 });
  }
  return {
    input: {
      path: file.path,
      format: format.meta.id,
      ...(host ? { host, hostSource: opts.host ? 'flag' : 'path' } : {}),
      gzip: opened.gzip,
      bytes: stats.bytes,
      uncompressedBytes: stats.uncompressedBytes,
      lines: feeder.stats.lines,
      unparsedLines: parser.unparsed,
      sha256: stats.sha256,
      ...(skipped ? { skipped } : {}),
    },
    records: keeper.kept,
    samples,
    objects,
    buckets,
    diagnostics: diagnostics.summary(),
    ...(file.mtimeMicros !== undefined ? { mtimeMicros: file.mtimeMicros } : {}),
  };
}

/** A file that could not be opened or read at all (permissions changed, EIO, /proc files): skipped. */
function unreadable(file: InputFile, err: NodeJS.ErrnoException): FileScan {
  const why = err.code ?? err.message;
  return {
    input: { path: file.path, format: 'text', gzip: false, bytes: 0, uncompressedBytes: 0, lines: 0, unparsedLines: 0, sha256: '', skipped: `unreadable: ${why}` },
    records: [],
    samples: [],
    objects: [],
    buckets: [],
    diagnostics: [{ severity: 'warning', code: 'ingest/unreadable', reason: `Cannot read ${file.path} (${err.message}), skipped`, place: { file: file.path }, help: 'Run hows as a user that can read it, or copy the file.' }],
  };
}

function chooseFormat(block: LineBlock, formats: FormatRegistry, as: string | undefined, path: string, diagnostics: DiagnosticGrouper): Format {
  if (as) {
    const forced = formats.get(as);
    if (forced) return forced;
    diagnostics.add({ severity: 'error', code: 'parse/unknown-format', reason: `Unknown format "${as}" given with --as`, place: { file: path }, help: 'hows --help lists the format ids.' });
  }
  const lines: string[] = [];
  let pos = 0;
  const text = block.text;
  while (pos < text.length && lines.length < SNIFF_LINES) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = decodeLine(text.slice(pos, end)).text;
    if (line.trim().length > 0) lines.push(line);
    pos = end + 1;
  }
  if (lines.length === 0) return formats.fallback();
  const found = formats.sniff(lines, path);
  for (const d of found.diagnostics) diagnostics.add(d);
  return found.format;
}

function chooseGate(format: Format, matcher: ScanMatcher, opts: ScanOptions, head: readonly LineBlock[]): LineGate | 'all' {
  if (opts.all || !format.gateable) return 'all';
  const ungated = matcher.ungated();
  if (ungated && ungated.sources.includes(format.meta.source)) return 'all';
  return gateFor(format.meta.id, matcher.literals(), opts.extraLiterals?.length ? [...FORMAT_LITERALS, ...opts.extraLiterals] : FORMAT_LITERALS, head.map((b) => b.text));
}

/**
 * Context lines the parser skipped, read by a parser of their own. A leading line that
 * continues a record whose head is not in the list belongs to that record, which starts
 * outside the context: it is left out, as a full parse would not give it a record of its own.
 */
function readApart(format: Format, base: FileContext, lines: UnfedLine[]): ParsedRecord[] {
  const got: ParsedRecord[] = [];
  const p = format.open({ ...base, emit: (r) => got.push(r), object: () => {}, bucket: () => {}, diag: () => {} });
  const isCont = format.isContinuation;
  let prev = -1;
  for (const u of lines) {
    const text = decodeLine(u.text).text;
    if (u.line !== prev + 1 && isCont?.(text)) continue;
    prev = u.line;
    p.line(text, { file: base.file, line: u.line, offset: u.offset });
  }
  p.end();
  return got;
}
