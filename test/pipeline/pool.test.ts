import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCost, type InputFile } from '../../src/ingest/index.js';
import { prepareSignatures, scanConfig, scanInputs } from '../../src/pipeline/index.js';
import { realLog } from './real-logs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hows-pool-'));

describe('scanning on two threads (this one and a worker)', () => {
  it('gives the scans of one thread, in input order', async () => {
    const files: InputFile[] = [];
    // Over the 4 MB below which one thread reads everything: mostly lines the gate skips.
    const noise = (n: number): string => 'May 28 20:21:04 k8s02 systemd[1]: Started Session 42 of User root.\n'.repeat(n);
    const sizes = [200, 3000, 50, 1200];
    sizes.forEach((n, i) => {
      const p = path.join(dir, `k8s0${i}`, 'syslog');
      mkdirSync(path.dirname(p), { recursive: true });
      const data = Buffer.concat([Buffer.from(noise(n * 6)), realLog('syslog-rfc3164', n, i + 1), Buffer.from(noise(n * 6))]);
      writeFileSync(p, data);
      files.push({ path: p, size: data.length, hostHint: `k8s0${i}` });
    });
    const prepared = prepareSignatures([], []);
    const config = scanConfig({ all: false, context: 2, tz: 'UTC', displayTz: 'UTC', patterns: [], params: {}, paramArgs: [], builtin: true, jobs: 2, routineWindow: 0 });
    const done: string[] = [];
    const two = await scanInputs(files, prepared.payload, prepared.compiled, config, { jobs: 2, onFile: () => done.push('x') });
    const one = await scanInputs(files, prepared.payload, prepared.compiled, config, { jobs: 1 });
    expect(two.map((s) => s.input.path)).toEqual(files.map((f) => f.path));
    expect(two.map((s) => s.records.length)).toEqual(one.map((s) => s.records.length));
    expect(JSON.parse(JSON.stringify(two))).toEqual(JSON.parse(JSON.stringify(one)));
    expect(done).toHaveLength(files.length);
    expect(files.reduce((a, f) => a + f.size, 0)).toBeGreaterThan(4 << 20);
  });

  it('weighs a gzip file by its uncompressed size', async () => {
    const text = realLog('syslog-rfc3164', 3000, 9);
    const gz = gzipSync(text);
    const p = path.join(dir, 'syslog.2.gz');
    writeFileSync(p, gz);
    expect(await readCost(p, gz.length)).toBeCloseTo(1.3 * text.length, 0);
    const plain = path.join(dir, 'plain.log');
    writeFileSync(plain, text);
    expect(await readCost(plain, text.length)).toBe(text.length);
  });
});
