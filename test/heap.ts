import { collectGarbage } from '../src/pipeline/memory.js';

/** Bytes of heap in use after a full collection (what is live, not what is garbage). */
export function liveHeap(): number {
  collectGarbage(0);
  return process.memoryUsage().heapUsed;
}
