/**
 * `hows patterns list | test | lint`: the signature catalogue, its examples (one generic runner,
 * ESLint RuleTester style) and validation of pattern files for users writing their own.
 * Exit codes: 0 ok, 1 failures (invalid patterns, failing examples), 2 usage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { testExamples } from '../../correlate/index.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { withEmbeddedDumps } from '../../parse/embedded-dump.js';
import { getFormat, sniffFormat } from '../../parse/index.js';
import { buildClusterState } from '../../parse/state/index.js';
import type { LoadedSignature } from '../../model/signature.js';
import {
  type ExampleReport,
  type FormatSource,
  type LineParser,
  type StateLoader,
  type TextParser,
  compileSignatures,
  formatLineParser,
  formatStateLoader,
  formatTextParser,
  literalCostDiagnostics,
} from '../../signatures/index.js';
import { renderDiagnostics } from '../render-diagnostics.js';
import { setExitCode } from '../exit.js';
import { loadSignatureSet } from '../../pipeline/index.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function finish(code: number): void {
  setExitCode(code);
}

function printDiagnostics(diags: readonly Diagnostic[]): void {
  if (diags.length === 0) return;
  const color = !process.env.NO_COLOR && !!process.stderr.isTTY;
  process.stderr.write(renderDiagnostics(diags, { color, verbose: false }));
}

const load = loadSignatureSet;

type Common = { patterns: string[]; builtin: boolean };

function common(c: Command, dirHelp = 'add a pattern folder (repeatable)'): Command {
  return c.option('--patterns <dir>', dirHelp, collect, []).option('--no-builtin', 'leave out the signatures shipped with hows (their entities.yml still applies)');
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

/**
 * The parse stage's formats (every registered one: syslog, journal, klog, kubectl, goroutine
 * dumps...), dumps embedded in journal/syslog bucketed as the scanner does, and the cluster state
 * model for state examples.
 */
export function exampleParsers(): { parseLine: LineParser; parseText: TextParser; loadState: StateLoader } {
  const formats: FormatSource = {
    sniff: (lines) => sniffFormat(lines).format,
    get: (id) => getFormat(id),
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
    .description('list, test and lint signature files (patterns/<family>/<id>.yml)');

  common(cmd.command('list').description('the catalogue by family: id, level, kind, title').option('--format <format>', 'md or json', 'md')).action(
    (opts: Common & { format: string }) => {
      if (!['md', 'json'].includes(opts.format)) {
        process.stderr.write(`error: --format must be md or json, got "${opts.format}"\n`);
        return finish(2);
      }
      const set = load(opts.patterns, opts.builtin);
      printDiagnostics(set.diagnostics);
      process.stdout.write(opts.format === 'json' ? catalogueJson(set.signatures) : catalogueMarkdown(set.signatures));
      finish(errors(set.diagnostics) ? 1 : 0);
    },
  );

  common(cmd.command('test [ids...]').description("run every pattern's examples (or those of the given ids), reported by id")).action(
    (ids: string[], opts: Common) => {
      const set = load(opts.patterns, opts.builtin);
      printDiagnostics(set.diagnostics);
      const unknown = ids.filter((id) => !set.signatures.some((s) => s.id === id));
      if (unknown.length) {
        process.stderr.write(`error: unknown signature id ${unknown.map((u) => `"${u}"`).join(', ')} (hows patterns list shows them)\n`);
        return finish(2);
      }
      const parsers = exampleParsers();
      const { compiled, diagnostics } = compileSignatures(set);
      printDiagnostics(diagnostics);
      const reports = testExamples(compiled, parsers.parseLine, { ...(ids.length ? { ids } : {}), loadState: parsers.loadState, parseText: parsers.parseText });
      const { text, failed } = formatReports(reports);
      process.stdout.write(text);
      finish(failed || errors(set.diagnostics) ? 1 : 0);
    },
  );

  common(cmd.command('lint <files...>').description('validate pattern files: schema, ids, references, regex safety, placeholders'), 'add a pattern folder the files may refer to (repeatable)').action(
    (files: string[], opts: Common) => {
      const missing = files.filter((f) => !existsSync(f));
      if (missing.length) {
        process.stderr.write(`error: no such file: ${missing.join(', ')}\n`);
        return finish(2);
      }
      const wanted = new Set(files.map((f) => path.resolve(f)));
      const set = load(opts.patterns, opts.builtin, files);
      const loaded = set.diagnostics.filter((d) => d.place?.file !== undefined && wanted.has(path.resolve(d.place.file)));
      // What the files cost the scanner (literal gate), once they load without errors.
      const cost = errors(loaded) ? [] : literalCostDiagnostics(compileSignatures(set).compiled, (f) => wanted.has(path.resolve(f)));
      const mine = [...loaded, ...cost];
      printDiagnostics(mine);
      const n = errors(mine);
      process.stdout.write(`${files.length} file(s): ${n === 0 ? 'ok' : `${n} error(s)`}\n`);
      finish(n ? 1 : 0);
    },
  );
}
