import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Format, ParsedRecord } from '../../../src/model/index.js';
import { buildClusterState, k8sFormats, withEmbeddedDumps } from '../../../src/parse/formats/kubectl-index.js';
import { scanFile, type ScanDeps } from '../../../src/pipeline/scan-file.js';
import { processorListener, waitForAttach } from './dump-fixtures.js';
import { fakeJournalFormat } from './fake-journal.js';
import { asList, pod, replicaSet } from './k8s-fixtures.js';

/**
 * The issue-4 formats behind the real scanner (src/pipeline/scan-file.ts): sniffing, gating
 * (non-gateable formats see every line), the embedded-dump decorator on a journal-source
 * format, and the state model over what the scans collected.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'hows-k8s-'));
function write(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const formats: Format[] = [fakeJournalFormat, ...k8sFormats];
const deps: ScanDeps = {
  formats: {
    sniff: (lines) => ({ format: formats.map((f) => [f, f.sniff(lines)] as const).sort((a, b) => b[1] - a[1]).find(([, s]) => s > 0.5)?.[0] ?? fakeJournalFormat, diagnostics: [] }),
    get: (id) => formats.find((f) => f.meta.id === id),
    fallback: () => fakeJournalFormat,
  },
  matcher: {
    literals: () => ['processorListener', 'terminatingReplicas'],
    ungated: () => null,
    match: (r: ParsedRecord) => (/processorListener|terminatingReplicas [1-9]/.test(r.message) ? [{ id: 'hit', captures: {} }] : []),
  },
  embedDumps: withEmbeddedDumps,
};
const opts = { all: false, context: 0, parse: {} };

describe('issue-4 formats through the scanner', () => {
  it('buckets a dump inside kubelite journal lines and keeps the bucket record as a hit', async () => {
    const dump: string[] = [];
    for (let i = 0; i < 17; i++) dump.push(...processorListener(8812 + i, 33));
    dump.push(...waitForAttach(9100));
    const prefix = 'May 28 21:20:14 k8s03 microk8s.daemon-kubelite[2122770]:';
    const lines = [
      'May 28 21:20:13 k8s03 microk8s.daemon-kubelite[2122770]: I0528 21:20:13.000001 2122770 reconciler_common.go:218] "operationExecutor.MountVolume started"',
      ...dump.map((l) => `${prefix} ${l.replace(/^\t/, '        ')}`.trimEnd()),
      'May 28 21:20:40 k8s03 microk8s.daemon-kubelite[2122770]: I0528 21:20:40.000001 2122770 kubelet.go:2453] "SyncLoop"',
    ];
    const scan = await scanFile({ path: write('kubelite.journal', lines.join('\n') + '\n'), size: 0 }, deps, opts);
    expect(scan.input.format).toBe('fake-journal-short');
    expect(scan.buckets.map((b) => [b.count, b.state, b.minutesMax])).toEqual([
      [17, 'select', 33],
      [1, 'select', 0],
    ]);
    const hit = scan.records.find((r) => r.hits)!;
    expect(hit.message).toBe('17 goroutines in k8s.io/client-go/tools/cache.(*processorListener).pop blocked [select] for 33 minutes (since about 20:47)');
    expect(hit.shiftSeconds).toBe(-1980);
    expect(scan.buckets[0]!.headers).toHaveLength(17);
  });

  it('sniffs and scans kubectl JSON, and the state model joins what two scans found', async () => {
    const rs = write('rs.json', asList([replicaSet('radarr-5d8f7c9b6', 'media', { matchLabels: { app: 'radarr' } }, { replicas: 1, terminatingReplicas: 1 })]));
    const pods = write('pods.json', asList([pod('sonarr-1', 'media', { labels: { app: 'sonarr' } })]));
    const a = await scanFile({ path: rs, size: 0 }, deps, opts);
    const b = await scanFile({ path: pods, size: 0 }, deps, opts);
    expect([a.input.format, b.input.format]).toEqual(['kubectl-json', 'kubectl-json']);
    expect(a.records.filter((r) => r.hits).map((r) => r.message)).toEqual([
      'ReplicaSet media/radarr-5d8f7c9b6 status: replicas 1 (spec 1), ready 0, available 0, terminatingReplicas 1',
    ]);
    const state = buildClusterState([...a.objects, ...b.objects], []);
    const [r] = state.objects('ReplicaSet');
    expect(state.related(r!, 'selected-pods')).toEqual([]);
    expect(a.input.unparsedLines).toBe(0);
  });
});
