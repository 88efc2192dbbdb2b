// Routine context (--routine-window): readiness probes and background errors far from every
// problem are counted in the timeline, not listed, and nothing is lost: every folded finding is
// back with --routine-window 0, and each routine row cites lines that are in the input.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, hows } from './run-bin.js';

const SAMPLE = path.join(ROOT, 'samples/2026-05-28-power-outage');
const ARGS = ['analyze', SAMPLE, '--tz', 'Australia/Brisbane', '--year', '2026', '--format', 'json', '--quiet'];

interface Doc {
  options: { routineWindow: string };
  findings: Array<{ ref: string; id: string; role: string }>;
  routine: Array<{ id: string; host: string | null; findings: number; events: number; evidence: Array<{ file: string; line: number; text: string }> }>;
}
const run = (extra: string[]): Doc => {
  const r = hows([...ARGS, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
};

describe('--routine-window', () => {
  const folded = run([]);
  const all = run(['--routine-window', '0']);

  it('counts routine context instead of listing it, and lists every finding with 0', () => {
    expect(folded.options.routineWindow).toBe('1h');
    expect(all.options.routineWindow).toBe('0');
    expect(all.routine).toEqual([]);
    expect(folded.routine.length).toBeGreaterThan(0);
    const counted = folded.routine.reduce((a, t) => a + t.findings, 0);
    expect(folded.findings.length + counted).toBe(all.findings.length);
    // Only context is ever counted; every problem is listed either way.
    const problems = (d: Doc): string[] => d.findings.filter((f) => f.role !== 'context').map((f) => f.ref);
    expect(problems(folded)).toEqual(problems(all));
    const ids = new Set(all.findings.filter((f) => f.role === 'context').map((f) => f.id));
    for (const t of folded.routine) expect(ids.has(t.id)).toBe(true);
  });

  it('cites the first and last line of each routine stretch as they are in the input', () => {
    for (const t of folded.routine) {
      expect(t.findings).toBeGreaterThanOrEqual(10);
      for (const e of t.evidence) {
        const bytes = readFileSync(e.file);
        const lines = (e.file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').split('\n');
        expect(lines[e.line - 1]).toBe(e.text);
      }
    }
  });

  it('a wider window lists more, and --all lists every one', () => {
    const wide = run(['--routine-window', '1d']);
    expect(wide.findings.length).toBeGreaterThan(folded.findings.length);
    expect(run(['--all']).routine).toEqual([]);
  });

  it('hows timeline --format jsonl exports every notable event: only the Markdown counts routine rows', () => {
    const base = ['timeline', SAMPLE, '--tz', 'Australia/Brisbane', '--year', '2026', '--notable', '--quiet'];
    const lines = (extra: string[]): number => {
      const r = hows([...base, ...extra]);
      expect(r.code).toBe(0);
      return r.stdout.trimEnd().split('\n').length;
    };
    const jsonl = lines(['--format', 'jsonl']);
    expect(jsonl).toBe(lines(['--format', 'jsonl', '--routine-window', '0']));
    const md = hows([...base, '--format', 'md']).stdout;
    expect(md).toMatch(/\| routine \| \d+x Pod became ready/);
    expect(hows([...base, '--format', 'md', '--routine-window', '0']).stdout).not.toMatch(/\| routine \|/);
  });

  it('refuses a value that is not a duration, naming the flag', () => {
    const r = hows([...ARGS, '--routine-window', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--routine-window.*"soon".*duration/);
  });
});
