import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection at a stage boundary, where the stage's big structures have just
 * died: after the scan (its per-line garbage), once the events are built (the scans' records),
 * once the findings are made (correlation's working sets), once the report model is built (the
 * timeline's collapsing, before rendering).
 *
 * Why (measured with `HOWS_TIMINGS=1` on the bench corpus): V8 sets its next heap limit at up to
 * four times the heap that survived the last full collection, so the garbage of correlation and
 * report rendering piled up to 230 MiB of heap over 60-80 MiB of live data at 500 MB of input,
 * and the peak RSS was that pile. Collecting at the boundaries keeps the limit near what is
 * live. Each collection costs tens of milliseconds with ~100 MiB live; there are four per run.
 * Peak RSS with one scan thread, 500 / 1000 MB: 235-242 / 354-356 MiB with the last two,
 * 226 / 310-312 MiB with the one after the scan added (times unchanged within noise). The one
 * after the report model (1 GB / a 114 MB kubectl pods List): 300-306 -> 293-296 / 487-495 ->
 * 451-453 MiB; 500 MB unchanged.
 *
 * `gc` is reached through a fresh context once `--expose-gc` is set, so it is not a global of
 * this process (a pattern, template helper or plug-in can not see it). Off with
 * `HOWS_NO_GC=1` (to compare).
 */
let gc: (() => void) | undefined;

/**
 * Below this much heap in use nothing is collected: the pile can not grow large, and on a small
 * input the three collections (and the context that reaches `gc`) cost more than the run's
 * memory is worth (the one-line bench corpus: 0.72 s with them, 0.62 s without in a first
 * measurement; within this VM's noise in a later one).
 */
const WORTH_COLLECTING = 64 << 20;

export function collectGarbage(minHeap: number = WORTH_COLLECTING): void {
  if (process.env.HOWS_NO_GC === '1' || v8.getHeapStatistics().used_heap_size < minHeap) return;
  if (gc === undefined) {
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
