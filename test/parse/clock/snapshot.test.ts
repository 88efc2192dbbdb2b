import { describe, expect, it } from 'vitest';
import type { FileScan, Format } from '../../../src/model/index.js';
import { MTIME_SLACK } from '../../../src/parse/clock/snapshot.js';
import { goroutineFormat } from '../../../src/parse/formats/goroutine.js';
import { kubectlJsonFormat } from '../../../src/parse/formats/kubectl-json.js';
import { kubectlTableFormat } from '../../../src/parse/formats/kubectl-tables.js';
import { buildEvents, syslogRfc3339 } from '../../../src/parse/index.js';
import { run } from '../k8s/helpers.js';
import { processorListener } from '../k8s/dump-fixtures.js';
import { asList, NODE_K8S03, pod, pv, RADARR_WAITING, SEERR_STUCK } from '../k8s/k8s-fixtures.js';
import { scanOf } from '../helpers.js';

/**
 * Per-file snapshot times (clock/snapshot.ts): --snapshot-time, a plausible mtime, the newest
 * time written in the captures of the folder (or anchored by a describe age), the evidence.
 */

const us = (iso: string): number => Date.parse(iso) * 1000;
const CLONE = us('2026-12-01T22:39:12Z');

/** A FileScan of kubectl output as the scanner keeps it (every record of a non-gateable format). */
function capture(format: Format, text: string, file: string, mtime?: number): FileScan {
  const cap = run(format, text, file, mtime !== undefined ? { mtimeMicros: mtime } : {});
  return {
    input: { path: file, format: format.meta.id, gzip: false, bytes: text.length, uncompressedBytes: text.length, lines: text.split('\n').length, unparsedLines: 0, sha256: file },
    records: cap.records,
    samples: [],
    objects: cap.objects,
    buckets: cap.buckets,
    diagnostics: [],
    ...(mtime !== undefined ? { mtimeMicros: mtime } : {}),
  };
}

/** A node whose heartbeat dates the capture. */
function node(name: string, heartbeat: string) {
  return { ...NODE_K8S03, metadata: { ...NODE_K8S03.metadata, name, uid: `uid-${name}` }, spec: {}, status: { ...NODE_K8S03.status, conditions: [{ ...NODE_K8S03.status.conditions[0], lastHeartbeatTime: heartbeat }] } };
}

const snapshotOf = (b: ReturnType<typeof buildEvents>, file: string) => b.snapshots.get(file);
const phaseTime = (b: ReturnType<typeof buildEvents>, file: string) => b.events.find((e) => e.from[0]!.file === file && e.fields.what === 'phase')!.time.utcMicros;

describe('snapshot time of each kubectl capture', () => {
  it('--snapshot-time wins over the mtime and the content, and is what the objects hold', () => {
    const pods = capture(kubectlJsonFormat, asList([RADARR_WAITING]), 'kubectl/pods.json', us('2026-05-28T10:30:00Z'));
    const b = buildEvents([pods], { tz: 'UTC', snapshotTime: us('2026-05-28T11:05:37Z') });
    expect(snapshotOf(b, 'kubectl/pods.json')).toMatchObject({ source: 'flag', utcMicros: us('2026-05-28T11:05:37Z') });
    expect(phaseTime(b, 'kubectl/pods.json')).toBe(us('2026-05-28T11:05:37Z'));
    expect(pods.objects[0]).toMatchObject({ snapshotTime: '2026-05-28T11:05:37Z', snapshotSource: expect.stringContaining('--snapshot-time') });
  });

  it('takes a plausible mtime: not before the content, at most 2 days after the folder', () => {
    const at = us('2026-05-28T11:05:37Z');
    const nodes = capture(kubectlJsonFormat, asList([node('k8s03', '2026-05-28T11:05:25Z')]), 'kubectl/nodes.json', at);
    const pvs = capture(kubectlJsonFormat, asList([pv('pvc-1', { ns: 'media', name: 'c' })]), 'kubectl/pv.json', at + 3_000_000);
    const b = buildEvents([nodes, pvs], { tz: 'UTC' });
    expect(snapshotOf(b, 'kubectl/nodes.json')).toMatchObject({ source: 'mtime', utcMicros: at });
    // pv.json holds nothing newer than January, but its folder does: its mtime is plausible
    expect(snapshotOf(b, 'kubectl/pv.json')).toMatchObject({ source: 'mtime', utcMicros: at + 3_000_000 });
    // the edge: 2 days after the folder's newest time is still plausible, a second more is not
    const edge = capture(kubectlJsonFormat, asList([node('k8s01', '2026-05-28T11:05:25Z')]), 'edge/nodes.json', us('2026-05-28T11:05:25Z') + MTIME_SLACK);
    expect(snapshotOf(buildEvents([edge], { tz: 'UTC' }), 'edge/nodes.json')!.source).toBe('mtime');
    edge.mtimeMicros! += 1_000_000;
    expect(snapshotOf(buildEvents([edge], { tz: 'UTC' }), 'edge/nodes.json')!.source).toBe('file');
  });

  it('a checkout months later: each folder takes the newest time written in its captures', () => {
    const nodes = capture(kubectlJsonFormat, asList([node('k8s03', '2026-05-28T11:05:25Z')]), 'case/kubectl/nodes.json', CLONE);
    const pods = capture(kubectlJsonFormat, asList([RADARR_WAITING]), 'case/kubectl/pods.json', CLONE);
    const later = pod('sonarr-dd4cb4f69-k929r', 'media', { node: 'k8s01', status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-05-28T11:52:36Z' }] } });
    const pods2 = capture(kubectlJsonFormat, asList([later]), 'case/kubectl-2210/pods.json', CLONE);
    const syslog = scanOf('case/k8s01/syslog', syslogRfc3339, ['2026-05-30T00:31:00.000000+00:00 k8s01 cron[1]: last line']);
    const b = buildEvents([nodes, pods, pods2, syslog], { tz: 'UTC' });
    expect(snapshotOf(b, 'case/kubectl/nodes.json')).toMatchObject({ source: 'file', utcMicros: us('2026-05-28T11:05:25Z') });
    // pods.json's own newest time is 10:06: the heartbeat of its sibling dates it better
    const p = snapshotOf(b, 'case/kubectl/pods.json')!;
    expect(p).toMatchObject({ source: 'folder', utcMicros: us('2026-05-28T11:05:25Z') });
    expect(p.text).toMatch(/the captures of case\/kubectl \(nodes.json:\d+\)/);
    expect(p.text).toMatch(/its modification time is more than 2 days later \(a copy or checkout, not the capture\)/);
    // The checkout's mtime itself is not in the text: the same evidence reads the same anywhere.
    expect(p.text).not.toMatch(/2026-12/);
    expect(snapshotOf(b, 'case/kubectl-2210/pods.json')).toMatchObject({ utcMicros: us('2026-05-28T11:52:36Z') });
    expect(phaseTime(b, 'case/kubectl/pods.json')).toBe(us('2026-05-28T11:05:25Z'));
    expect(phaseTime(b, 'case/kubectl-2210/pods.json')).toBe(us('2026-05-28T11:52:36Z'));
    // one assumption per choice, naming its files; the evidence is not pushed to December
    const snaps = b.assumptions.filter((a) => a.kind === 'snapshot');
    expect(snaps.map((a) => a.files)).toEqual([['case/kubectl/nodes.json'], ['case/kubectl/pods.json'], ['case/kubectl-2210/pods.json']]);
    expect(Math.max(...b.events.map((e) => e.time.utcMicros ?? 0))).toBe(us('2026-05-30T00:31:00Z'));
  });

  it('an mtime earlier than the content is not the capture', () => {
    const nodes = capture(kubectlJsonFormat, asList([node('k8s03', '2026-05-28T11:05:25Z')]), 'k/nodes.json', us('2026-05-28T09:00:00Z'));
    const c = snapshotOf(buildEvents([nodes], { tz: 'UTC' }), 'k/nodes.json')!;
    expect(c).toMatchObject({ source: 'file', utcMicros: us('2026-05-28T11:05:25Z') });
    expect(c.text).toContain('earlier than its own content');
  });

  it('a table of ages alone: its folder when dated, else the newest evidence; ages count back from it', () => {
    const events = ['LAST SEEN   TYPE      REASON        OBJECT                  MESSAGE', '2m13s       Warning   FailedMount   pod/seerr-seerr-chart-0   MountVolume.MountDevice failed'].join('\n');
    const withSibling = capture(kubectlTableFormat, events, 'kubectl/events.txt', CLONE);
    const nodes = capture(kubectlJsonFormat, asList([node('k8s03', '2026-06-17T11:08:40Z')]), 'kubectl/nodes.json', CLONE);
    const b = buildEvents([withSibling, nodes], { tz: 'UTC' });
    expect(snapshotOf(b, 'kubectl/events.txt')).toMatchObject({ source: 'folder', utcMicros: us('2026-06-17T11:08:40Z') });
    expect(b.events.find((e) => e.fields.reason === 'FailedMount')!.time.utcMicros).toBe(us('2026-06-17T11:06:27Z'));
    const alone = capture(kubectlTableFormat, events, 'paste/events.txt', CLONE);
    const log = scanOf('k8s03/syslog', syslogRfc3339, ['2026-06-17T11:20:00.000000+00:00 k8s03 kubelet[1]: x']);
    const c = snapshotOf(buildEvents([alone, log], { tz: 'UTC' }), 'paste/events.txt')!;
    expect(c).toMatchObject({ source: 'evidence', utcMicros: us('2026-06-17T11:20:00Z') });
    expect(c.text).toContain('k8s03/syslog:1');
    // nothing dated anywhere, no mtime: the ages stay unresolved, with a warning
    const bare = capture(kubectlTableFormat, events, 'bare/events.txt');
    const none = buildEvents([bare], { tz: 'UTC' });
    expect(none.snapshots.size).toBe(0);
    expect(none.diagnostics.map((d) => d.code)).toContain('clock/no-snapshot-time');
  });

  it('dates describe output from ages that count from a time of the described object', () => {
    // the old pod: deleted (deadline) 11:02:30Z, described 2m27s later
    const describe = [
      'Name:                      seerr-seerr-chart-0',
      'Namespace:                 media',
      'Node:                      k8s03/172.22.22.9',
      'Start Time:                Fri, 12 Jun 2026 08:40:51 +1000',
      'Status:                    Terminating (lasts 2m27s)',
      'Events:',
      '  Type    Reason   Age    From     Message',
      '  ----    ------   ----   ----     -------',
      '  Normal  Killing  2m27s  kubelet  Stopping container seerr',
    ].join('\n');
    const d = capture(kubectlTableFormat, describe, 'kubectl-2104/describe.txt', CLONE);
    const j = capture(kubectlJsonFormat, JSON.stringify(SEERR_STUCK, null, 4), 'kubectl-2104/pod.json', CLONE);
    const b = buildEvents([d, j], { tz: 'UTC' });
    const c = snapshotOf(b, 'kubectl-2104/pod.json')!;
    expect(c).toMatchObject({ source: 'folder', utcMicros: us('2026-06-17T11:04:57Z') });
    expect(c.text).toContain('2m27s after the deletionTimestamp of Pod media/seerr-seerr-chart-0');
    // the Terminating line sits at the deletionTimestamp; Start Time is absolute, in its zone
    const term = b.events.find((e) => e.fields.what === 'terminating')!;
    expect(term.time.utcMicros).toBe(us('2026-06-17T11:02:30Z'));
    expect(term.host).toBe('k8s03');
    expect(b.events.find((e) => e.message.startsWith('Start Time:'))!.time.utcMicros).toBe(us('2026-06-11T22:40:51Z'));
    // the same describe beside two objects of that name (recreated): nothing is inferred from it
    const other = { ...SEERR_STUCK, metadata: { ...SEERR_STUCK.metadata, uid: 'uid-new', deletionTimestamp: undefined } };
    const j2 = capture(kubectlJsonFormat, asList([SEERR_STUCK, other]), 'kubectl-2104/pod.json', CLONE);
    expect(snapshotOf(buildEvents([capture(kubectlTableFormat, describe, 'kubectl-2104/describe.txt', CLONE), j2], { tz: 'UTC' }), 'kubectl-2104/pod.json')!.utcMicros).toBe(us('2026-06-17T11:02:01Z'));
  });

  it('records the choice of a capture whose records are all dated', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', namespace: 'ns', uid: 'u', creationTimestamp: '2026-05-01T00:00:00Z' }, spec: { clusterIP: '10.0.0.1' } };
    const b = buildEvents([capture(kubectlJsonFormat, asList([svc]), 'svc.json')], { tz: 'UTC' });
    expect(b.assumptions).toEqual([expect.objectContaining({ kind: 'snapshot', files: ['svc.json'], events: 0 })]);
  });

  it('warns when a goroutine dump file has only a checkout time (its waits cannot be placed)', () => {
    const log = scanOf('k8s03/syslog', syslogRfc3339, ['2026-05-28T11:20:00.000000+00:00 k8s03 kubelet[1]: x']);
    const late = capture(goroutineFormat, processorListener(1, 33).join('\n'), 'k8s03/goroutines.txt', CLONE);
    const b = buildEvents([log, late], { tz: 'UTC' });
    expect(b.diagnostics).toContainEqual(expect.objectContaining({ code: 'clock/dump-time-implausible', severity: 'warning', place: { file: 'k8s03/goroutines.txt', line: 1 } }));
    const kept = capture(goroutineFormat, processorListener(1, 33).join('\n'), 'k8s03/goroutines.txt', us('2026-05-28T11:20:11Z'));
    expect(buildEvents([log, kept], { tz: 'UTC' }).diagnostics.map((d) => d.code)).not.toContain('clock/dump-time-implausible');
  });
});
