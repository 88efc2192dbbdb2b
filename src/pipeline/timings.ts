/**
 * Opt-in phase timings for profiling (`HOWS_TIMINGS=1`): one stderr line per phase with its wall
 * time and the heap in use after it. Silent otherwise; the cost when off is one boolean test.
 */
const ON = process.env.HOWS_TIMINGS === '1';
let last = performance.now();

/** Ends the phase that started at the previous mark (or at module load) and names it. */
export function phase(label: string): void {
  if (!ON) return;
  const now = performance.now();
  const heap = process.memoryUsage();
  process.stderr.write(
    `hows: timing ${label.padEnd(14)} ${((now - last) / 1000).toFixed(3)} s  heap ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB  rss ${(heap.rss / 2 ** 20).toFixed(0)} MiB\n`,
  );
  last = now;
}
