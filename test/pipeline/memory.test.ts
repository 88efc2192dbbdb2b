import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/memory.js';

describe('collectGarbage', () => {
  it('frees what died since the last collection, without making gc a global', () => {
    const before = process.memoryUsage().heapUsed;
    let junk: Array<{ i: number; s: string }> | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `line ${i}` }));
    const grown = process.memoryUsage().heapUsed;
    expect(grown - before).toBeGreaterThan(10 << 20);
    expect(junk.length).toBe(300_000);
    junk = null;
    collectGarbage();
    expect(process.memoryUsage().heapUsed).toBeLessThan(grown - (10 << 20));
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
