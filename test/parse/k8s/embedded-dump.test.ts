import { describe, expect, it } from 'vitest';
import { withEmbeddedDumps } from '../../../src/parse/embedded-dump.js';
import { OLD_SEMACQUIRE, processorListener, RUNTIME_ONLY, waitForAttach } from './dump-fixtures.js';
import { fakeJournalLine } from './fake-journal.js';
import { capture } from './helpers.js';

/** Runs lines through the fake parser behind the decorator, as the scanner will. */
function scan(lines: string[], file = 'k8s03/kubelite.journal') {
  const cap = capture(file);
  const embedded = withEmbeddedDumps(cap.ctx);
  const inDump: boolean[] = [];
  let offset = 0;
  lines.forEach((text, i) => {
    fakeJournalLine(embedded.ctx, text, { file, line: i + 1, offset });
    inDump.push(embedded.inDump());
    offset += Buffer.byteLength(text) + 1;
  });
  embedded.end();
  return { ...cap, inDump, stillOpen: embedded.inDump() };
}

const PREFIX = 'k8s03 microk8s.daemon-kubelite[2122770]:';
/** Records without the summary record of each dump (goroutine-summary.ts). */
const noSummary = <T extends { fields: Record<string, string> }>(rs: T[]) => rs.filter((r) => r.fields.what !== 'dump');
/** `journalctl -o short`: TAB became 8 spaces; an empty message keeps the prefix. */
function short(time: string, dump: string[]): string[] {
  return dump.map((l) => `May 28 ${time} ${PREFIX} ${l.replace(/^\t/, '        ')}`.trimEnd());
}

const KLOG = (time: string, what: string) =>
  `May 28 ${time} ${PREFIX} I0528 ${time}.104822 2122770 ${what}`;

describe('goroutine dumps inside journal output', () => {
  it('turns a kubelite dump into one bucketed record on the journal clock (issue 4 acceptance)', () => {
    const dump: string[] = [];
    for (let i = 0; i < 17; i++) dump.push(...processorListener(8812 + i, 33));
    const lines = [
      KLOG('21:20:13', 'reconciler_common.go:218] "operationExecutor.MountVolume started"'),
      ...short('21:20:14', dump.slice(0, 60)),
      KLOG('21:20:14', 'kubelet_volumes.go:163] "Cleaned up orphaned pod volumes dir"'),
      'May 28 21:20:14 k8s03 microk8s.daemon-kubelite[3311]: + local service_name=kube-apiserver',
      ...short('21:20:15', dump.slice(60)),
      ...short('21:20:15', waitForAttach(9100)),
      KLOG('21:20:31', 'dns.go:153] "Nameserver limits exceeded"'),
    ];
    const out = scan(lines);
    const recs = out.records.filter((r) => r.source === 'goroutine');
    expect(recs.map((r) => r.message)).toEqual([
      '17 goroutines in k8s.io/client-go/tools/cache.(*processorListener).pop blocked [select] for 33 minutes (since about 20:47)',
      '1 goroutine in k8s.io/apimachinery/pkg/util/wait.waitForWithContext blocked [select]',
      'goroutine dump of microk8s.daemon-kubelite on k8s03: 18 goroutines in 2 buckets; longest waits: 17x k8s.io/client-go/tools/cache.(*processorListener).pop [select, 33 minutes]',
    ]);
    // the summary sits at the dump time (the journal stamp of its first header), unshifted
    const summary = recs[2]!;
    expect(summary.stamp).toMatchObject({ kind: 'wall', hour: 21, minute: 20, second: 14, precision: 's' });
    expect(summary.shiftSeconds).toBeUndefined();
    expect(summary).toMatchObject({ host: 'k8s03', program: 'microk8s.daemon-kubelite', pid: 2122770, at: { line: 2 }, fields: { what: 'dump', goroutines: '18', buckets: '2' } });
    const pl = recs[0]!;
    expect(pl.stamp).toMatchObject({ kind: 'wall', month: 5, day: 28, hour: 21, minute: 20, second: 14, precision: 'min' });
    expect(pl.shiftSeconds).toBe(-33 * 60);
    expect(pl).toMatchObject({ host: 'k8s03', program: 'microk8s.daemon-kubelite', pid: 2122770, at: { line: 2 } });
    expect(pl.fields).toMatchObject({ count: '17', state: 'select', minutes: '33', dump_time_source: 'journal' });
    expect(pl.raw).toBe(`May 28 21:20:14 ${PREFIX} goroutine 8812 [select, 33 minutes]:`);
    const b = out.buckets[0]!;
    expect(b.headers.map((h) => h.line)).toEqual([2, 14, 26, 38, 50, 64, 76, 88, 100, 112, 124, 136, 148, 160, 172, 184, 196]);
    expect(b.dumpTimeSource).toBe('journal');
    expect(b.host).toBe('k8s03');
    // the interleaved klog lines and the other pid's bash trace are ordinary records
    const journal = out.records.filter((r) => r.source === 'journal').map((r) => r.at.line);
    expect(journal).toEqual([1, 62, 63, lines.length]);
    expect(out.inDump.slice(0, 3)).toEqual([false, true, true]);
    expect(out.inDump[lines.length - 1]).toBe(false);
    expect(out.diags.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads JSON (raw TAB) and syslog (#011) transports the same way', () => {
    const dump = [...processorListener(1, 33), ...processorListener(2, 33)];
    const base = Date.UTC(2026, 4, 28, 11, 20, 14) * 1000;
    const json = dump.map((l, i) =>
      JSON.stringify({
        __REALTIME_TIMESTAMP: String(base + i),
        _HOSTNAME: 'k8s03',
        SYSLOG_IDENTIFIER: 'microk8s.daemon-kubelite',
        _PID: '2122770',
        MESSAGE: l,
      }),
    );
    const syslog = dump.map((l) => `May 28 21:20:14 ${PREFIX} ${l.replace(/^\t/, '#011')}`.trimEnd());
    for (const lines of [json, syslog]) {
      const out = scan(lines);
      expect(out.buckets.map((b) => [b.count, b.frames.length, b.createdBy?.line])).toEqual([[2, 4, 70]]);
      expect(noSummary(out.records)).toHaveLength(1);
    }
    const j = scan(json).records[0]!;
    expect(j.stamp).toMatchObject({ kind: 'absolute', utcMicros: base, precision: 'min' });
    expect(j.message).toMatch(/since about 10:47 UTC\)$/);
  });

  it('closes a dump after a quiet gap and opens the next one at its own time', () => {
    const lines = [
      ...short('21:20:14', OLD_SEMACQUIRE),
      KLOG('21:20:30', 'kubelet.go:2453] "SyncLoop (PLEG): event for pod"'),
      ...short('21:25:02', processorListener(10, 38)),
    ];
    const out = scan(lines);
    expect(out.buckets).toHaveLength(2);
    expect(out.buckets[0]!.dumpTime).toMatchObject({ minute: 20 });
    expect(out.buckets[1]!.dumpTime).toMatchObject({ minute: 25 });
    expect(noSummary(out.records).map((r) => r.message)).toEqual([
      '1 goroutine in main.init.0.func1.1 blocked [semacquire] for 4 minutes (since about 21:16)',
      'I0528 21:20:30.104822 2122770 kubelet.go:2453] "SyncLoop (PLEG): event for pod"',
      '1 goroutine in k8s.io/client-go/tools/cache.(*processorListener).pop blocked [select] for 38 minutes (since about 20:47)',
    ]);
    // one summary per dump, each at its own time
    expect(out.records.filter((r) => r.fields.what === 'dump').map((r) => (r.stamp.kind === 'wall' ? r.stamp.minute : -1))).toEqual([20, 25]);
    expect(out.inDump[OLD_SEMACQUIRE.length]).toBe(false);
    expect(out.diags.filter((d) => d.code === 'parse/goroutine-dump-embedded')).toHaveLength(2);
  });

  it('leaves frame-like lines of ordinary logs alone and keeps runtime buckets out of the timeline', () => {
    const lines = [
      KLOG('09:00:00', 'server.go:100] "Started kubelet"'),
      `May 28 09:00:01 ${PREFIX} main.main()`,
      ...short('09:00:02', RUNTIME_ONLY),
    ];
    const out = scan(lines);
    expect(noSummary(out.records).map((r) => r.at.line)).toEqual([1, 2]);
    expect(out.records.find((r) => r.fields.what === 'dump')!.message).toBe('goroutine dump of microk8s.daemon-kubelite on k8s03: 2 goroutines in 2 buckets; nothing blocked a minute or more outside the runtime');
    expect(out.buckets.map((b) => b.state)).toEqual(['force gc (idle)', 'GC worker (idle)']);
    expect(out.stillOpen).toBe(false);
  });

  it('reports dump lines whose header journald dropped', () => {
    const dump = processorListener(1, 33);
    const lines = [...short('21:20:14', dump), ...short('21:20:14', processorListener(2, 33).slice(1))];
    const out = scan(lines);
    expect(out.buckets[0]!.count).toBe(1);
    // the blank after goroutine 1 closed it; the frames of goroutine 2 have no header
    expect(out.diags.find((d) => d.code === 'parse/goroutine-orphan-lines')).toMatchObject({ severity: 'warning', count: 10, place: { line: 13 } });
  });
});
