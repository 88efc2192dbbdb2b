// The benchmark's recall check, on a small generated corpus: every non-context signature line
// that gen-corpus.mjs lists in MANIFEST.json (log lines, every header of the stalled goroutine
// buckets, the JSON lines of the stuck pods' fields) is cited by some finding, file:line and
// text exactly as in the input. The generator lives outside the repo (shared/bench, or
// HOWS_BENCH_SHARED); without it the test is skipped, saying so.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, hows } from './run-bin.js';

const GEN = [process.env.HOWS_BENCH_SHARED, path.resolve(ROOT, '../shared/bench'), path.resolve(ROOT, '../../shared/bench')]
  .filter((d): d is string => !!d)
  .map((d) => path.join(d, 'gen-corpus.mjs'))
  .find((f) => existsSync(f));

interface ManifestLine {
  signature: string | null;
  role: string;
  file: string;
  line: number;
  text: string;
}

describe.skipIf(!GEN)(`MANIFEST recall (${GEN ?? 'gen-corpus.mjs not found: set HOWS_BENCH_SHARED'})`, () => {
  it('cites every non-context MANIFEST line with its exact text', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hows-manifest-'));
    const gen = spawnSync(process.execPath, [GEN!, '--out', dir, '--mb', '1'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    const r = hows(['analyze', dir, '--tz', 'Australia/Brisbane', '--dump-time', '2026-05-28T21:20:11+10:00', '--format', 'json'], { timeout: 120_000 });
    expect(r.code, r.stderr).toBeLessThan(2);
    const cited = new Map<string, string>();
    for (const f of JSON.parse(r.stdout).findings as Array<{ evidence: Array<{ file: string; line: number; text: string }> }>) {
      for (const e of f.evidence) cited.set(`${path.relative(dir, path.resolve(ROOT, e.file))}:${e.line}`, e.text);
    }
    const manifest = JSON.parse(readFileSync(path.join(dir, 'MANIFEST.json'), 'utf8')) as { signatures: ManifestLine[] };
    const wanted = manifest.signatures.filter((s) => s.role !== 'context');
    expect(wanted.length).toBeGreaterThan(800);
    const missing = wanted.filter((s) => cited.get(`${s.file}:${s.line}`) !== s.text).map((s) => `${s.signature} ${s.file}:${s.line}`);
    expect(missing).toEqual([]);
  });
});
