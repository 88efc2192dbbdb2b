import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { analyze, collectGarbage, phase, redactAnalysis, type Analysis, type AnalyzeOptions } from '../../pipeline/index.js';
import { buildReportModel, checkTemplates, findingsJson, renderMarkdown } from '../../report/index.js';
import { EXIT, printDiagnostics, setExitCode } from '../exit.js';
import { addEvidenceOptions, addRedactOptions, addReportOptions, toAnalyzeOptions, type EvidenceFlags, type RedactFlags, type ReportFlags } from '../options.js';
import { Progress } from '../progress.js';
import { tally } from '../render-diagnostics.js';

interface AnalyzeFlags extends EvidenceFlags, RedactFlags, ReportFlags {
  all?: boolean;
}

const EXAMPLES = `
Examples:
  # the seed-001 sample: AEST stamps, reports written to out/
  hows analyze samples/2026-05-28-power-outage --tz Australia/Brisbane -o out/

  # nodes that log in UTC, report shown in AEST, PIR printed to stdout
  hows analyze evidence/ --tz UTC --display-tz Australia/Brisbane

  # the JSON contract (findings, causes, evidence, warnings, inputs) for scripts
  hows analyze k8s02/ --year 2026 --format json > findings.json

  # only the night of the outage, and a goroutine dump without time stamps
  hows analyze evidence/ --since "2026-05-28 18:00" --until "2026-05-29 03:00" --dump-time "2026-05-28 21:20"

Outputs (-o): pir.md (the infinite-how's PIR draft), timeline.md, findings.json.
Without -o, the PIR is printed (--format md, the default) or the JSON (--format json).`;

/** Runs an analysis with a progress bar on a terminal; returns it with the elapsed time. */
export async function runAnalysis(paths: readonly string[], opts: AnalyzeOptions, quiet: boolean): Promise<{ analysis: Analysis; seconds: number }> {
  const t0 = Date.now();
  let progress: Progress | undefined;
  const analysis = await analyze(paths, {
    ...opts,
    onInputs: (files) => {
      progress = new Progress(
        files.reduce((a, f) => a + f.size, 0),
        files.length,
        process.stderr,
        !quiet,
      );
    },
    onBytes: (n) => progress?.bytes(n),
    onFile: () => progress?.file(),
  });
  progress?.end();
  return { analysis, seconds: (Date.now() - t0) / 1000 };
}

/** Prints warnings and the one-line summary on stderr (unless quiet: then errors only). */
export function report(analysis: Analysis, seconds: number, flags: { quiet?: boolean; verbose?: boolean }): void {
  const { result } = analysis;
  printDiagnostics(flags.quiet ? result.warnings.filter((d) => d.severity === 'error') : result.warnings, flags.verbose ?? false);
  if (flags.quiet) return;
  const read = result.inputs.filter((i) => !i.skipped);
  const mb = read.reduce((a, i) => a + i.uncompressedBytes, 0) / 1e6;
  const lines = read.reduce((a, i) => a + i.lines, 0);
  const problems = result.findings.filter((f) => f.role === 'problem').length;
  process.stderr.write(
    `hows: ${read.length} file(s), ${lines} lines, ${mb.toFixed(1)} MB in ${seconds.toFixed(1)} s; ` +
      `${problems} finding(s) in ${result.chains.length} chain(s); ${tally(result.warnings)}\n`,
  );
}

export function registerAnalyze(program: Command): void {
  addReportOptions(addRedactOptions(addEvidenceOptions(
    program
      .command('analyze')
      .description('analyse incident evidence: timeline, findings, causal chains and a PIR draft')
      .argument('<paths...>', 'log files, folders (read recursively) or - for stdin'),
  )))
    .option('--all', 'put every event on the timeline, not only notable ones')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      const opts = toAnalyzeOptions(flags, flags.all ?? false);
      if (flags.templates) checkTemplates(flags.templates);
      const analysis = await analyzeAndSummarise(paths, opts, flags);
      if (analysis) writeReports(analysis, opts, flags);
    });
}

/** `--redact`/`--redact-hosts`: redacts the analysis in place and says how much was replaced. */
export function redactIfAsked(analysis: Analysis, flags: { quiet?: boolean } & RedactFlags): void {
  if (!flags.redact && !flags.redactHosts) return;
  const tally = redactAnalysis(analysis, { hosts: flags.redactHosts ?? false }).tally();
  const what = Object.entries(tally).map(([k, n]) => `${n} ${k}`).join(', ');
  if (!flags.quiet) process.stderr.write(`hows: redacted ${what || 'nothing'} (distinct values; pseudonyms are stable for the same input)\n`);
}

/**
 * Runs the analysis, redacts it when asked (after correlation, before anything is printed or
 * rendered), prints warnings and the summary; undefined (exit 2) when nothing could be read.
 */
export async function analyzeAndSummarise(paths: readonly string[], opts: AnalyzeOptions, flags: { quiet?: boolean; verbose?: boolean } & RedactFlags): Promise<Analysis | undefined> {
  const { analysis, seconds } = await runAnalysis(paths, opts, flags.quiet ?? false);
  redactIfAsked(analysis, flags);
  report(analysis, seconds, flags);
  if (!analysis.nothingRead) return analysis;
  process.stderr.write('hows: no input could be read\n');
  setExitCode(EXIT.usage);
  return undefined;
}

/** Writes pir.md, timeline.md and findings.json (-o) and/or prints the PIR or the JSON (--format). */
export function writeReports(analysis: Analysis, opts: Pick<AnalyzeOptions, 'displayTz' | 'all'>, flags: ReportFlags & { quiet?: boolean }): void {
  const model = buildReportModel({ result: analysis.result, timeline: analysis.timeline, signatures: analysis.signatures, displayTz: opts.displayTz, all: opts.all });
  const tpl = flags.templates ? { templatesDir: flags.templates } : {};
  // The model's working garbage (rows being collapsed, their tokens) goes before rendering adds its own.
  collectGarbage();
  phase('report-model');
  if (flags.out) {
    mkdirSync(flags.out, { recursive: true });
    writeFileSync(path.join(flags.out, 'pir.md'), renderMarkdown(model, 'pir', tpl));
    phase('pir.md');
    writeFileSync(path.join(flags.out, 'timeline.md'), renderMarkdown(model, 'timeline', tpl));
    phase('timeline.md');
    writeFileSync(path.join(flags.out, 'findings.json'), findingsJson(analysis.result));
    phase('findings.json');
    if (!flags.quiet) process.stderr.write(`hows: wrote ${['pir.md', 'timeline.md', 'findings.json'].map((f) => path.join(flags.out!, f)).join(', ')}\n`);
  }
  const format = flags.format ?? (flags.out ? undefined : 'md');
  if (format === 'md') process.stdout.write(renderMarkdown(model, 'pir', tpl));
  else if (format === 'json') process.stdout.write(findingsJson(analysis.result));
}
