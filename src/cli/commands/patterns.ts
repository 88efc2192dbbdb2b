/**
 * `hows patterns list | test | lint`: the signature catalogue, its examples (one generic runner,
 * ESLint RuleTester style) and validation of pattern files for users writing their own.
 * Exit codes: 0 ok, 1 failures (invalid patterns, failing examples), 2 usage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { testExamples } from '../../correlate/index.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Format } from '../../model/format.js';
import { withEmbeddedDumps } from '../../parse/embedded-dump.js';
import { k8sFormats } from '../../parse/formats/kubectl-index.js';
import { buildClusterState } from '../../parse/state/index.js';
import type { LoadedSignature } from '../../model/signature.js';
import {
  type ExampleReport,
  type FormatSource,
  type LineParser,
  type PatternSet,
  type StateLoader,
  type TextParser,
  compileSignatures,
  formatLineParser,
  formatStateLoader,
  formatTextParser,
  loadPatterns,
} from '../../signatures/index.js';
import { renderDiagnostics } from '../render-diagnostics.js';

/** The catalogue shipped with hows: <package>/patterns (this file is <package>/{src,dist}/cli/commands/). */
export const BUILTIN_PATTERNS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../patterns');

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function finish(code: number): void {
  process.exitCode = code;
  // main() returns 0 whatever a command decided; leave with the code (writes to files, pipes and
  // terminals are synchronous on Linux, so nothing printed is lost).
  if (code !== 0) process.exit(code);
}

function printDiagnostics(diags: readonly Diagnostic[]): void {
  if (diags.length === 0) return;
  const color = !process.env.NO_COLOR && !!process.stderr.isTTY;
  process.stderr.write(renderDiagnostics(diags, { color, verbose: false }));
}

function load(extra: readonly string[], files: readonly string[] = []): PatternSet {
  return loadPatterns([BUILTIN_PATTERNS, ...extra], { files });
}

const errors = (diags: readonly Diagnostic[]): number => diags.filter((d) => d.severity === 'error').length;

/** The catalogue as Markdown, by family (pasted into the README). */
export function catalogueMarkdown(signatures: readonly LoadedSignature[]): string {
  const families = [...new Set(signatures.map((s) => s.family))].sort();
  const out: string[] = [];
  for (const fam of families) {
    out.push(`### ${fam}`, '', '| id | level | kind | title |', '|---|---|---|---|');
    for (const s of signatures.filter((x) => x.family === fam).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const role = s.role && s.role !== 'problem' ? ` (${s.role})` : '';
      out.push(`| \`${s.id}\` | ${s.level} | ${s.match.kind}${role} | ${s.title.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function catalogueJson(signatures: readonly LoadedSignature[]): string {
  const rows = [...signatures]
    .sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : a.id < b.id ? -1 : 1))
    .map((s) => ({ id: s.id, family: s.family, level: s.level, kind: s.match.kind, role: s.role ?? 'problem', title: s.title, file: s.source.file }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

type ParseModule = {
  sniffFormat?: (lines: readonly string[], opts?: { formats?: readonly Format[] }) => { format: Format };
  getFormat?: (id: string) => Format | undefined;
  FORMATS?: readonly Format[];
};

/**
 * The parse stage's line formats (loaded lazily: src/parse/index.ts comes with the parsers
 * branch) plus the kubectl and goroutine formats, and the cluster state model for state examples.
 */
async function exampleParsers(): Promise<{ parseLine?: LineParser; parseText?: TextParser; loadState?: StateLoader; missing?: string }> {
  const parseModule = '../../parse/index.js';
  let parse: ParseModule;
  try {
    parse = (await import(parseModule)) as ParseModule;
  } catch (e) {
    return { missing: `the parse stage is not available in this build (${(e as Error).message.split('\n')[0]})` };
  }
  if (!parse.sniffFormat || !parse.getFormat) return { missing: 'the parse stage exports no sniffFormat/getFormat' };
  const base = parse.FORMATS ?? [];
  const all = [...k8sFormats.filter((f) => !base.some((b) => b.meta.id === f.meta.id)), ...base];
  const formats: FormatSource = {
    sniff: (lines) => parse.sniffFormat!(lines, { formats: all }).format,
    get: (id) => parse.getFormat!(id) ?? k8sFormats.find((f) => f.meta.id === id),
    // goroutine dumps written one line per journal/syslog entry, as the scanner reads them
    decorate: (ctx, format) => (format.meta.source === 'journal' || format.meta.source === 'syslog' ? withEmbeddedDumps(ctx) : { ctx, end: () => {} }),
  };
  return {
    parseLine: formatLineParser(formats),
    parseText: formatTextParser(formats),
    loadState: formatStateLoader(formats, (objects, buckets) => buildClusterState(objects, buckets)),
  };
}

export function formatReports(reports: readonly ExampleReport[]): { text: string; failed: number } {
  const lines: string[] = [];
  let failed = 0;
  let examples = 0;
  for (const r of reports) {
    examples += r.examples;
    if (r.passed) {
      lines.push(`ok    ${r.id} (${r.examples} examples)`);
      continue;
    }
    failed++;
    lines.push(`FAIL  ${r.id}  ${r.file}`);
    for (const f of r.failures) {
      lines.push(`      ${f.kind}${f.index === undefined ? '' : `[${f.index}]`}: ${f.message}`);
      for (const l of (f.line ?? '').split('\n').filter(Boolean)) lines.push(`        | ${l}`);
    }
  }
  lines.push('', `${reports.length} signatures, ${examples} examples: ${reports.length - failed} passed, ${failed} failed`);
  return { text: `${lines.join('\n')}\n`, failed };
}

export function registerPatterns(program: Command): void {
  const cmd = program
    .command('patterns')
    .description('list, test and lint signature files (patterns/<family>/<id>.yml)')
    .exitOverride((err) => finish(['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code) ? 0 : 2));

  cmd
    .command('list')
    .description('the catalogue by family: id, level, kind, title')
    .option('--format <format>', 'md or json', 'md')
    .option('--patterns <dir>', 'add a pattern folder (repeatable)', collect, [])
    .action((opts: { format: string; patterns: string[] }) => {
      if (!['md', 'json'].includes(opts.format)) {
        process.stderr.write(`error: --format must be md or json, got "${opts.format}"\n`);
        return finish(2);
      }
      const set = load(opts.patterns);
      printDiagnostics(set.diagnostics);
      process.stdout.write(opts.format === 'json' ? catalogueJson(set.signatures) : catalogueMarkdown(set.signatures));
      finish(errors(set.diagnostics) ? 1 : 0);
    });

  cmd
    .command('test [ids...]')
    .description("run every pattern's examples (or those of the given ids), reported by id")
    .option('--patterns <dir>', 'add a pattern folder (repeatable)', collect, [])
    .action(async (ids: string[], opts: { patterns: string[] }) => {
      const set = load(opts.patterns);
      printDiagnostics(set.diagnostics);
      const unknown = ids.filter((id) => !set.signatures.some((s) => s.id === id));
      if (unknown.length) {
        process.stderr.write(`error: unknown signature id ${unknown.map((u) => `"${u}"`).join(', ')} (hows patterns list shows them)\n`);
        return finish(2);
      }
      const parsers = await exampleParsers();
      if (!parsers.parseLine) {
        process.stderr.write(`error: can not run examples: ${parsers.missing}\n`);
        return finish(2);
      }
      const { compiled, diagnostics } = compileSignatures(set);
      printDiagnostics(diagnostics);
      const reports = testExamples(compiled, parsers.parseLine, {
        ...(ids.length ? { ids } : {}),
        ...(parsers.loadState ? { loadState: parsers.loadState } : {}),
        ...(parsers.parseText ? { parseText: parsers.parseText } : {}),
      });
      const { text, failed } = formatReports(reports);
      process.stdout.write(text);
      finish(failed || errors(set.diagnostics) ? 1 : 0);
    });

  cmd
    .command('lint <files...>')
    .description('validate pattern files: schema, ids, references, regex safety, placeholders')
    .option('--patterns <dir>', 'add a pattern folder the files may refer to (repeatable)', collect, [])
    .action((files: string[], opts: { patterns: string[] }) => {
      const missing = files.filter((f) => !existsSync(f));
      if (missing.length) {
        process.stderr.write(`error: no such file: ${missing.join(', ')}\n`);
        return finish(2);
      }
      const wanted = new Set(files.map((f) => path.resolve(f)));
      const set = load(opts.patterns, files);
      const mine = set.diagnostics.filter((d) => d.place?.file !== undefined && wanted.has(path.resolve(d.place.file)));
      printDiagnostics(mine);
      const n = errors(mine);
      process.stdout.write(`${files.length} file(s): ${n === 0 ? 'ok' : `${n} error(s)`}\n`);
      finish(n ? 1 : 0);
    });
}
