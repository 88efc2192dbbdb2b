import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Command } from 'commander';
import split2 from 'split2';
import { discoverInputs } from '../../ingest/index.js';
import type { Diagnostic, FileScan } from '../../model/index.js';
import { PatternLoadError, VERSION, finishAnalysis, prepareSignatures, scanConfig, scanInputs, shareReceived, type SignaturePayload } from '../../pipeline/index.js';
import { checkTemplates } from '../../report/index.js';
import { EXIT, setExitCode } from '../exit.js';
import { addEvidenceOptions, addRedactOptions, addReportOptions, toAnalyzeOptions, type EvidenceFlags, type RedactFlags, type ReportFlags } from '../options.js';
import { UsageError } from '../time-arg.js';
import { redactIfAsked, report, writeReports } from './analyze.js';

/**
 * `hows scan` and `hows correlate`: the pipeline split at its narrowest point. `scan` reads
 * inputs (anywhere the files are: one node, one shard) and writes only what matched, with
 * provenance and per-file statistics, as JSON lines; `correlate` merges any number of those
 * files, puts them on one clock, correlates and renders - the same result as `analyze`.
 *
 * File format (one JSON object a line): a header {type:"hows-scan", version, patterns}, then per
 * input an {type:"input", scan} line followed by its {type:"record"|"object"|"bucket", file, v}
 * lines; discovery problems as {type:"diagnostics", v}.
 */

function fingerprint(p: SignaturePayload): string {
  return createHash('sha256').update(JSON.stringify(p)).digest('hex').slice(0, 16);
}

async function writeLines(out: NodeJS.WritableStream, values: Iterable<unknown>): Promise<void> {
  for (const v of values) if (!out.write(`${JSON.stringify(v)}\n`)) await once(out, 'drain');
}

function* scanLines(s: FileScan): Generator<unknown> {
  const { records, objects, buckets, ...rest } = s;
  yield { type: 'input', scan: rest };
  for (const v of records) yield { type: 'record', file: s.input.path, v };
  for (const v of objects) yield { type: 'object', file: s.input.path, v };
  for (const v of buckets) yield { type: 'bucket', file: s.input.path, v };
}

export function registerScan(program: Command): void {
  addEvidenceOptions(
    program
      .command('scan')
      .description('scan inputs and write only matched events + per-file stats as JSON lines (for hows correlate)')
      .argument('<paths...>', 'log files or folders to scan'),
  )
    .option('-o, --out <file>', 'write the hits file here instead of stdout')
    .option('--all', 'keep every parsed event, not only hits and context')
    .addHelpText('after', '\nExample (one shard per node, anywhere the logs are):\n  hows scan /var/log --host $(hostname) -o hits/$(hostname).jsonl\n  hows correlate hits/*.jsonl --tz UTC -o out/')
    .action(async (paths: string[], flags: EvidenceFlags & { out?: string; all?: boolean }) => {
      const opts = toAnalyzeOptions(flags, flags.all ?? false);
      const prepared = prepareSignatures(opts.patterns, opts.paramArgs, opts.builtin);
      if (prepared.diagnostics.some((d) => d.severity === 'error')) throw new PatternLoadError(prepared.diagnostics);
      const discovered = await discoverInputs(paths);
      const scans = await scanInputs(discovered.files, prepared.payload, prepared.compiled, scanConfig(opts), opts);
      let out: NodeJS.WritableStream = process.stdout;
      if (flags.out) {
        mkdirSync(path.dirname(path.resolve(flags.out)), { recursive: true });
        out = createWriteStream(flags.out);
      }
      await writeLines(out, [{ type: 'hows-scan', version: VERSION, patterns: fingerprint(prepared.payload) }, { type: 'diagnostics', v: discovered.diagnostics }]);
      for (const s of scans) await writeLines(out, scanLines(s));
      if (out !== process.stdout) {
        (out as NodeJS.WritableStream & { end(): void }).end();
        await once(out, 'finish');
      }
      if (!flags.quiet) {
        const hits = scans.reduce((a, s) => a + s.records.filter((r) => r.hits).length, 0);
        process.stderr.write(`hows scan: ${scans.length} file(s), ${hits} matched event(s)${flags.out ? ` -> ${flags.out}` : ''}\n`);
      }
      if (scans.length > 0 && scans.every((s) => s.input.skipped)) setExitCode(EXIT.usage);
    });
}

/** Reads hits files back into scans (split2 streams them line by line). */
async function readHits(files: readonly string[], expected: string): Promise<{ scans: FileScan[]; diagnostics: Diagnostic[] }> {
  const scans = new Map<string, FileScan>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let n = 0;
    for await (const line of createReadStream(file).pipe(split2())) {
      n += 1;
      if (line.trim() === '') continue;
      let v: { type: string; file?: string; v?: unknown; scan?: Omit<FileScan, 'records' | 'objects' | 'buckets'>; patterns?: string; version?: string };
      try {
        v = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}:${n}: not a hows scan file (invalid JSON)`);
      }
      if (n === 1 && v.type !== 'hows-scan') throw new UsageError(`${file}:1: not a hows scan file (no hows-scan header)`);
      if (v.type === 'hows-scan' && v.patterns !== expected) {
        diagnostics.push({ severity: 'warning', code: 'correlate/pattern-mismatch', reason: `${file} was scanned with other signatures (${v.patterns}, hows ${v.version}) than this run's (${expected}); findings may differ from hows analyze`, place: { file } });
      } else if (v.type === 'diagnostics') diagnostics.push(...(v.v as Diagnostic[]));
      else if (v.type === 'input' && v.scan) scans.set(v.scan.input.path, { ...v.scan, records: [], objects: [], buckets: [] });
      else if (v.type === 'record' || v.type === 'object' || v.type === 'bucket') {
        const s = scans.get(v.file ?? '');
        if (!s) throw new UsageError(`${file}:${n}: ${v.type} for ${v.file} before its input line`);
        (s[`${v.type}s` as 'records' | 'objects' | 'buckets'] as unknown[]).push(v.v);
      }
    }
  }
  // Records read back from JSON hold a copy of every string, as records cloned from a worker do.
  return { scans: [...scans.values()].map(shareReceived), diagnostics };
}

export function registerCorrelate(program: Command): void {
  addReportOptions(addRedactOptions(addEvidenceOptions(
    program
      .command('correlate')
      .description('merge hits files from hows scan, correlate and render (same output as analyze)')
      .argument('<hits...>', 'files written by hows scan'),
  )))
    .action(async (files: string[], flags: EvidenceFlags & RedactFlags & ReportFlags) => {
      const opts = toAnalyzeOptions(flags, false);
      // As analyze: a template folder that will not render is refused before the work is done.
      if (flags.templates) checkTemplates(flags.templates);
      const prepared = prepareSignatures(opts.patterns, opts.paramArgs, opts.builtin);
      if (prepared.diagnostics.some((d) => d.severity === 'error')) throw new PatternLoadError(prepared.diagnostics);
      const t0 = Date.now();
      const { scans, diagnostics } = await readHits(files, fingerprint(prepared.payload));
      const analysis = finishAnalysis(scans, diagnostics, prepared, opts);
      redactIfAsked(analysis, flags);
      report(analysis, (Date.now() - t0) / 1000, flags);
      writeReports(analysis, opts, flags);
    });
}
