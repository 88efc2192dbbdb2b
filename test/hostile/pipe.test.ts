import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectNoCrash, kernLines, scratch, writeTree } from './harness.js';

/** Runs hows with stdout read by a reader that closes it after the first chunk (`| head -c 1`). */
function readFirstChunkThenClose(args: string[]): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let first = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, first });
    });
  });
}

describe('a reader that stops early (hows ... | head)', () => {
  const dir = scratch('pipe');
  const d = writeTree(path.join(dir, 'ev'), { 'kern.log': kernLines(5_000) });
  for (const args of [
    ['timeline', d, '--format', 'jsonl', '--year', '2026'],
    ['analyze', d, '--year', '2026', '--all'],
  ]) {
    it(`hows ${args.map((a) => (a === d ? '<dir>' : a)).join(' ')}: stops quietly with status 0, no EPIPE stack trace`, async () => {
      const r = await readFirstChunkThenClose(args);
      expect(r.first.length).toBeGreaterThan(0);
      expectNoCrash({ code: r.code ?? -1, stdout: '', stderr: r.stderr });
      expect(r.stderr).not.toContain('EPIPE');
      expect(r.code).toBe(0);
    });
  }
});
