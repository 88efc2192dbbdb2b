import { describe, expect, it } from 'vitest';
import type { Event } from '../../../src/model/index.js';
import { dedupe, type Draft } from '../../../src/parse/clock/dedupe.js';
import { liveHeap } from '../../heap.js';

const N = 20_000;

/** Line i of `file`: one kubelet readiness line with one hit, as the journal and syslog both hold it. */
function draft(file: string, i: number): Draft {
  const message = `"SyncLoop (probe)" probe="readiness" status="ready" pod="media/web-${i}"`;
  const event: Event = {
    seq: 0,
    time: { utcMicros: 1_780_000_000_000_000 + i * 1_000_000, text: 't', precision: 's' },
    source: 'syslog',
    format: 'syslog-rfc3164',
    program: 'kubelite',
    message,
    fields: {},
    raw: message,
    from: [{ file, line: i + 1, offset: i * 200 }],
    hits: [{ id: 'pod-ready', captures: { pod: `media/web-${i}` } }],
  };
  return { event, file, line: i + 1, sortKey: Infinity, keys: [] };
}

/** Heap retained by `make()`'s result, per item, measured between two full collections. */
function retainedPer(make: () => unknown[]): { items: unknown[]; bytes: number } {
  const before = liveHeap();
  const items = make();
  return { items, bytes: (liveHeap() - before) / items.length };
}

describe('dedupe: memory of merged events', () => {
  it('a merged event costs little more than its two records did: provenance and hits are kept in arrays of their own size', () => {
    const journal = retainedPer(() => Array.from({ length: N }, (_, i) => draft('kubelite.journal', i)));
    const syslog = retainedPer(() => Array.from({ length: N }, (_, i) => draft('syslog', i)));
    const merged = retainedPer(() => dedupe([...(journal.items as Draft[]), ...(syslog.items as Draft[])]));
    expect(merged.items).toHaveLength(N);
    for (const d of merged.items as Draft[]) {
      expect(d.event.from.map((p) => p.file)).toEqual(['kubelite.journal', 'syslog']);
      expect(d.event.hits).toHaveLength(1);
    }
    // What merging adds to each event: a two-element provenance list, a new one-element hit
    // list and the draft's list of merged files, ~60 bytes each at their own size (measured: 253
    // bytes in all). Arrays grown by spread or push keep room for 16 more elements, ~140 bytes
    // each (measured: 645).
    expect(merged.bytes).toBeLessThan(320);
  });
});
