// Correlation cost grows with what is found, not quadratically: 60k matched events (an I/O
// error storm over 50 devices on 20 hosts, connection errors, timeouts) correlate in seconds.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { compileSignatures, loadPatterns } from '../../src/signatures/index.js';
import { buildEvidence } from './evidence.js';

const ROOT = path.resolve(__dirname, '../..');
const set = loadPatterns([path.join(ROOT, 'test/fixtures/patterns/cascade')], { files: [path.join(ROOT, 'patterns/entities.yml')] });
const { compiled } = compileSignatures(set);

describe('scale', () => {
  it('correlates 60k matched events in a few seconds', () => {
    const kern: Record<string, string[]> = {};
    const dev = (i: number): string => `sd${String.fromCharCode(97 + (i % 26))}${i >= 26 ? String.fromCharCode(97 + Math.floor(i / 26)) : ''}`;
    for (let h = 0; h < 20; h++) {
      const lines: string[] = [];
      const host = `node${h}`;
      for (let s = 0; s < 3000; s++) {
        const t = new Date(Date.UTC(2026, 4, 28, 10, 0, 0) + s * 1000).toISOString().slice(11, 19);
        const d = s % 50;
        if (s % 100 === 0) lines.push(`May 28 ${t} ${host} kernel: connection${d}:0: detected conn error (1020)`);
        else if (s % 100 === 1) lines.push(`May 28 ${t} ${host} kernel: session${d}: session recovery timed out after 120 secs`);
        else lines.push(`May 28 ${t} ${host} kernel: blk_update_request: I/O error, dev ${dev(d)}, sector ${s} op 0x1:(WRITE) flags 0x800`);
      }
      kern[`${host}/kern.log`] = lines;
    }
    const ev = buildEvidence(compiled, kern, { year: 2026, offsetHours: 0 });
    expect(ev.hits.size).toBe(60_000);
    const t0 = performance.now();
    const out = correlate({ ...ev, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' });
    const ms = performance.now() - t0;
    console.log(`correlate: ${ev.hits.size} hits -> ${out.findings.length} findings, ${out.chains.length} chains in ${ms.toFixed(0)} ms`);
    expect(out.findings.filter((f) => f.id === 'scsi-offline-io-error')).toHaveLength(20 * 50);
    expect(ms).toBeLessThan(10_000);
  });
});
