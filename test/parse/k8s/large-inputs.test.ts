import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { FileContext, Format, GoroutineBucket } from '../../../src/model/index.js';
import { goroutineFormat } from '../../../src/parse/formats/goroutine.js';
import { kubectlJsonFormat } from '../../../src/parse/formats/kubectl-json.js';
import { bigDump, bigPodList } from './generators.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

/**
 * Streams generated lines into a parser, sampling the heap after a full GC every `every` lines.
 * Returns input MB, CPU-time MB/s (wall time is noisy on a shared 2-core machine) and the
 * largest retained heap growth over the starting heap.
 */
function stream(format: Format, lines: Iterable<string>, ctx: FileContext, every = 250_000) {
  const base = heapMB();
  let peak = 0;
  const parser = format.open(ctx);
  let line = 0;
  let offset = 0;
  let cpu = 0;
  let mark = process.cpuUsage();
  for (const l of lines) {
    line++;
    parser.line(l, { file: ctx.file, line, offset });
    offset += l.length + 1;
    if (line % every === 0) {
      const d = process.cpuUsage(mark);
      cpu += d.user + d.system;
      peak = Math.max(peak, heapMB() - base);
      mark = process.cpuUsage();
    }
  }
  parser.end();
  const d = process.cpuUsage(mark);
  cpu += d.user + d.system;
  peak = Math.max(peak, heapMB() - base);
  const mb = offset / 1e6;
  return { mb, mbPerSecond: mb / (cpu / 1e6), peakHeapGrowthMB: peak, lines: line };
}

function counting(file: string, keep: { buckets?: GoroutineBucket[] } = {}) {
  const n = { records: 0, objects: 0, buckets: 0, errors: 0 };
  const ctx: FileContext = {
    file,
    mtimeMicros: Date.UTC(2026, 4, 28, 11, 20) * 1000,
    options: {},
    emit: () => void n.records++,
    object: () => void n.objects++,
    bucket: (b) => {
      n.buckets++;
      keep.buckets?.push(b);
    },
    diag: (d) => void (d.severity === 'error' && n.errors++),
  };
  return { ctx, n };
}

describe('large inputs stream in bounded memory', () => {
  it('reads a 100 MB goroutine dump keeping buckets, not goroutines', () => {
    const buckets: GoroutineBucket[] = [];
    const { ctx, n } = counting('big-dump.txt', { buckets });
    const r = stream(goroutineFormat, bigDump(100e6, 300), ctx);
    const goroutines = buckets.reduce((s, b) => s + b.count, 0);
    console.log(`goroutine dump: ${r.mb.toFixed(0)} MB, ${goroutines} goroutines, ${buckets.length} buckets, ${r.mbPerSecond.toFixed(1)} MB/s CPU, peak retained heap +${r.peakHeapGrowthMB.toFixed(1)} MB`);
    expect(r.mb).toBeGreaterThanOrEqual(100);
    // 300 stacks, each waited on for two times 20 minutes apart (1 + id % 40): two buckets each
    expect(buckets).toHaveLength(600);
    expect(n.records).toBe(600 + 1); // and the dump's summary
    expect(buckets.every((b) => b.minutesMin === b.minutesMax)).toBe(true);
    expect(goroutines).toBeGreaterThan(50_000);
    expect(buckets.every((b) => b.headers.length === b.count && b.minutesMax >= b.minutesMin)).toBe(true);
    // what is kept is one header provenance and id per goroutine plus 300 stacks, not the text
    expect(r.peakHeapGrowthMB).toBeLessThan(40);
  }, 120_000);

  it('streams a ~60 MB kubectl List item by item', () => {
    const { ctx, n } = counting('big-list.json');
    const r = stream(kubectlJsonFormat, bigPodList(60e6), ctx);
    console.log(`kubectl List: ${r.mb.toFixed(0)} MB, ${n.objects} pods, ${n.records} records, ${r.mbPerSecond.toFixed(1)} MB/s CPU, peak retained heap +${r.peakHeapGrowthMB.toFixed(1)} MB`);
    expect(n.errors).toBe(0);
    expect(n.objects).toBeGreaterThan(15_000);
    expect(n.records).toBe(n.objects * 4); // created, condition, container started, phase
    // the reader holds one item at a time: the heap does not grow with the List
    expect(r.peakHeapGrowthMB).toBeLessThan(16);
  }, 120_000);
});
