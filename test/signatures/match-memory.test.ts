import { describe, expect, it } from 'vitest';
import type { SignatureHit } from '../../src/model/index.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { liveHeap } from '../heap.js';
import { loadInline, sig } from './helpers.js';
import { simpleParseLine } from './simple-parse.js';

const N = 20_000;

describe('event matching: memory of hit lists', () => {
  const set = loadInline({
    'pod-ready': sig('pod-ready', `{kind: event, regex: 'probe="readiness" status="ready" pod="(?<pod>[^"]+)"'}`),
    'pod-deleted': sig('pod-deleted', `{kind: event, regex: '"Deleting pod" pod="(?<pod>[^"]+)"'}`),
  });
  const { compiled } = compileSignatures(set);

  it('a hit list is as long as its hits: it lives as long as its record', () => {
    const records = Array.from({ length: N }, (_, i) => simpleParseLine(`Mar 30 20:09:30 k8s01 kubelite[1287]: "SyncLoop (probe)" probe="readiness" status="ready" pod="media/web-${i}"`)!);
    const before = liveHeap();
    const lists: SignatureHit[][] = records.map((r) => compiled.match(r));
    const perList = (liveHeap() - before) / N;
    expect(lists[3]).toEqual([{ id: 'pod-ready', captures: { pod: 'media/web-3' } }]);
    // The list (one element), the hit, its captures and the captured text: 186-196 bytes
    // measured; a list grown by push keeps room for 16 more hits (323 bytes measured).
    expect(perList).toBeLessThan(230);
  });
});
