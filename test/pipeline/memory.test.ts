import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/memory.js';

const MiB = 1 << 20;

/** Heap in use after building (and dropping) ~15 MiB of objects, then calling `collect`. */
function afterGarbage(collect: () => void): { grown: number; after: number } {
  let junk: Array<{ i: number; s: string }> | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `line ${i}` }));
  const grown = process.memoryUsage().heapUsed;
  expect(junk.length).toBe(300_000);
  junk = null;
  collect();
  return { grown, after: process.memoryUsage().heapUsed };
}

describe('collectGarbage', () => {
  it('frees what died since the last collection, without making gc a global', () => {
    const { grown, after } = afterGarbage(() => collectGarbage(0));
    expect(after).toBeLessThan(grown - 10 * MiB);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it('does nothing while the heap in use is under the threshold (small inputs pay no collection)', () => {
    const { grown, after } = afterGarbage(() => collectGarbage(64 * 1024 * MiB));
    expect(after).toBeGreaterThan(grown - 2 * MiB);
  });
});
