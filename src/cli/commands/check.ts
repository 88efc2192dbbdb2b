import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { analyze, compareWithExpected, parseTolerance, type Analysis, type CheckProblem, type Expected } from '../../pipeline/index.js';
import { buildReportModel, renderMarkdown } from '../../report/index.js';
import { EXIT, setExitCode } from '../exit.js';
import { addEvidenceOptions, toAnalyzeOptions, type EvidenceFlags } from '../options.js';
import { UsageError } from '../time-arg.js';

const EXAMPLES = `
Examples:
  hows check samples/*                      # every bundled sample (non-folders are skipped)
  hows check my-incident/ --update          # rewrite its expectations from the current output
  hows check samples/* --update-golden      # (re)write expected/pir.md and timeline.md, expected.json untouched

A sample is a folder of evidence plus expected.json (see docs/check.md): finding ids with
counts, causal chains in order, contrasts, ids that must not appear, timeline events; and
optionally expected/pir.md and expected/timeline.md compared byte for byte.
Exit status: 0 all match, 1 any regression, 2 usage error.`;

/** Reads and validates a sample's expected.json (UsageError when missing or malformed). */
export function readExpected(dir: string): Expected {
  const file = path.join(dir, 'expected.json');
  if (!existsSync(file)) throw new UsageError(`${dir}: no expected.json (see docs/check.md)`);
  let e: Expected;
  try {
    e = JSON.parse(readFileSync(file, 'utf8')) as Expected;
  } catch (err) {
    throw new UsageError(`${file}: invalid JSON: ${(err as Error).message}`);
  }
  const known = new Set(['description', 'source', 'args', 'findings', 'chains', 'contrasts', 'absent', 'timeline']);
  for (const k of Object.keys(e)) if (!known.has(k)) throw new UsageError(`${file}: unknown key "${k}", expected one of ${[...known].join(', ')}`);
  for (const t of e.timeline ?? []) {
    if (Number.isNaN(Date.parse(t.at))) throw new UsageError(`${file}: timeline entry "${t.contains}" has an invalid time "${t.at}"`);
    try {
      parseTolerance(t.tolerance ?? '1s');
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}`);
    }
  }
  return e;
}

/** The analysis options a sample's `args` describe (the same flags as `hows analyze`). */
function optionsFromArgs(args: readonly string[], patterns: { patterns: string[]; builtin: boolean }): ReturnType<typeof toAnalyzeOptions> {
  const cmd = addEvidenceOptions(new Command('check-args').exitOverride().allowExcessArguments(false));
  cmd.parse([...args], { from: 'user' });
  const opts = toAnalyzeOptions(cmd.opts() as EvidenceFlags, false);
  return { ...opts, jobs: 1, patterns: [...patterns.patterns, ...opts.patterns], builtin: patterns.builtin && opts.builtin };
}

function golden(dir: string, analysis: Analysis, opts: ReturnType<typeof toAnalyzeOptions>, update: boolean): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const model = buildReportModel({ result: analysis.result, timeline: analysis.timeline, signatures: analysis.signatures, displayTz: opts.displayTz, all: false, sampleRoot: dir });
  for (const name of ['pir', 'timeline'] as const) {
    const file = path.join(dir, 'expected', `${name}.md`);
    if (!existsSync(file) && !update) continue;
    const got = renderMarkdown(model, name);
    if (update) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, got);
      continue;
    }
    const want = readFileSync(file, 'utf8');
    if (want !== got) {
      const a = want.split('\n');
      const b = got.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      problems.push({ kind: 'golden', message: `expected/${name}.md differs from line ${i + 1}:\n      - ${a[i] ?? '(end)'}\n      + ${b[i] ?? '(end)'}` });
    }
  }
  return problems;
}

function updateExpected(dir: string, expected: Expected, analysis: Analysis): void {
  const { findings, chains } = analysis.result;
  const next: Expected = { ...expected, findings: {} };
  for (const [id, spec] of Object.entries(expected.findings ?? {})) {
    const fs = findings.filter((f) => f.id === id);
    const events = new Set(fs.flatMap((f) => f.evidence.map((e) => e.seq))).size;
    next.findings![id] = Object.fromEntries(Object.keys(spec).map((k) => [k, k.endsWith('events') ? events : fs.length]));
  }
  const idOf = new Map(findings.map((f) => [f.ref, f.id]));
  next.chains = chains.map((c) => ({ steps: c.steps.map((s) => idOf.get(s.ref) ?? '?'), match: 'exact', open: c.open !== undefined }));
  writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify(next, null, 2)}\n`);
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('run the analysis on sample folders and compare with their expected.json (CI regression)')
    .argument('<samples...>', 'sample folders holding evidence and expected.json')
    .option('--update', 'rewrite expected.json counts/chains and expected/*.md from the current output (deliberately!)')
    .option('--update-golden', 'write expected/pir.md and expected/timeline.md from the current output, leaving expected.json as written')
    .option('--patterns <dir>', 'add a folder of signature files (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--no-builtin', 'leave out the signatures shipped with hows')
    .option('-q, --quiet', 'print failures only')
    .addHelpText('after', EXAMPLES)
    .action(async (samples: string[], flags: { update?: boolean; updateGolden?: boolean; quiet?: boolean; patterns: string[]; builtin: boolean }) => {
      const dirs = samples.filter((s) => existsSync(s) && statSync(s).isDirectory());
      for (const s of samples) if (!dirs.includes(s) && !flags.quiet) process.stderr.write(`hows check: skipping ${s} (not a folder)\n`);
      if (dirs.length === 0) throw new UsageError('no sample folder given');
      let failed = 0;
      for (const dir of dirs) {
        const expected = readExpected(dir);
        const opts = optionsFromArgs(expected.args ?? [], flags);
        const t0 = Date.now();
        const analysis = await analyze([dir], opts);
        if (flags.update) updateExpected(dir, expected, analysis);
        const problems = [...compareWithExpected(flags.update ? readExpected(dir) : expected, analysis.result, analysis.timeline), ...golden(dir, analysis, opts, (flags.update ?? false) || (flags.updateGolden ?? false))];
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        if (problems.length === 0) {
          if (!flags.quiet) process.stdout.write(`ok    ${dir} (${analysis.result.findings.length} findings, ${analysis.result.chains.length} chains, ${secs} s)\n`);
          continue;
        }
        failed += 1;
        process.stdout.write(`FAIL  ${dir}\n${problems.map((p) => `      ${p.kind}: ${p.message}`).join('\n')}\n`);
      }
      process.stdout.write(`\n${dirs.length} sample(s): ${dirs.length - failed} passed, ${failed} failed${flags.update ? ' (expectations updated)' : flags.updateGolden ? ' (golden Markdown written)' : ''}\n`);
      setExitCode(failed > 0 ? EXIT.failed : EXIT.ok);
    });
}
