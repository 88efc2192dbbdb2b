import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sha256Of, textBytes } from './bytes.js';

// A process where no worker thread can be started (a sandbox, a thread limit).
vi.mock('node:worker_threads', () => ({
  Worker: class {
    constructor() {
      throw new Error('ERR_WORKER_INIT_FAILED: no threads here');
    }
  },
}));

const { openInput } = await import('../../src/ingest/index.js');
const { OFF_THREAD_HASH_BYTES } = await import('../../src/ingest/ring-hash.js');

describe('hashing a big file where no thread can be started', () => {
  it('hashes on the reading thread: same digest, no warning', async () => {
    const data = textBytes(OFF_THREAD_HASH_BYTES + 7, 113);
    const p = path.join(mkdtempSync(path.join(tmpdir(), 'hows-nothread-')), 'big.log');
    writeFileSync(p, data);
    for (let round = 0; round < 2; round++) {
      const input = await openInput(p);
      let bytes = 0;
      for await (const c of input.chunks) bytes += c.length;
      const stats = await input.done;
      expect(bytes).toBe(data.length);
      expect(stats.sha256).toBe(sha256Of(data));
      expect(stats.diagnostics).toEqual([]);
    }
  });
});
