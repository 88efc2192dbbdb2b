import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../src/model/index.js';
import { kubectlJsonFormat } from '../../../src/parse/formats/kubectl-json.js';
import { kubectlTableFormat } from '../../../src/parse/formats/kubectl-tables.js';
import { buildClusterState } from '../../../src/parse/state/index.js';
import { run } from './helpers.js';
import { asList, NODE_K8S03, pod, replicaSet } from './k8s-fixtures.js';

/**
 * Snapshots taken at different times (cluster-state.ts, identities.ts, lists.ts): identities by
 * uid, versions, List authority, and relations as of the subject's snapshot time.
 */

/** Objects of one capture, stamped with its snapshot time as the clock does. */
function snap(file: string, text: string, at: string, format = kubectlJsonFormat): K8sObject[] {
  return run(format, text, file).objects.map((o) => Object.assign(o, { snapshotTime: at, snapshotSource: `test: ${at}` }));
}
const refs = (xs: readonly K8sObject[]) => xs.map((x) => `${x.namespace ?? ''}/${x.name}${x.uid ? `@${x.uid}` : ''}`).sort();

const T1 = '2026-05-28T11:05:37Z';
const T2 = '2026-05-28T12:10:14Z';
const SEL = { matchLabels: { app: 'radarr' } };
const creating = { phase: 'Pending', containerStatuses: [{ name: 'radarr', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] };
const stuck = (name: string) => pod(name, 'media', { node: 'k8s03', labels: { app: name.split('-')[0]! }, status: creating });

describe('cluster state across snapshots', () => {
  it('force-deleted pods between two pods.json are gone for the later ReplicaSet, present for the earlier Node', () => {
    const before = snap('kubectl/pods.json', asList([stuck('radarr-59b85cfdbd-t4gnt'), stuck('sonarr-dd4cb4f69-dzsfg'), pod('dtrack-0', 'ci', { node: 'k8s01' })]), T1);
    const nodes = snap('kubectl/nodes.json', asList([NODE_K8S03]), T1);
    const rs = snap('kubectl-2210/replicasets.json', asList([replicaSet('radarr-59b85cfdbd', 'media', SEL, { replicas: 1, terminatingReplicas: 1 })]), T2);
    const after = snap('kubectl-2210/pods.json', asList([pod('readarr-x-1', 'media', { node: 'k8s01', labels: { app: 'readarr' } })]), T2);
    const state = buildClusterState([...before, ...nodes, ...rs, ...after], []);
    const r = state.objects('ReplicaSet')[0]!;
    expect(state.related(r, 'selected-pods')).toEqual([]);
    // the stuck pods still hold as of 21:05 (findings at their own snapshot), and are gone at 22:10
    expect(refs(state.objects('Pod'))).toEqual(['/dtrack-0@uid-dtrack-0', '/readarr-x-1@uid-readarr-x-1', '/radarr-59b85cfdbd-t4gnt@uid-radarr-59b85cfdbd-t4gnt', '/sonarr-dd4cb4f69-dzsfg@uid-sonarr-dd4cb4f69-dzsfg'].map((x) => (x.startsWith('/dtrack') ? `ci${x}` : `media${x}`)).sort());
    const stuckPod = state.get('Pod', 'media', 'radarr-59b85cfdbd-t4gnt')!;
    expect(state.goneAt!(stuckPod)).toEqual({ time: T2, list: { file: 'kubectl-2210/pods.json', line: 4, offset: expect.any(Number) } });
    const k8s03 = state.get('Node', undefined, 'k8s03')!;
    expect(refs(state.related(k8s03, 'pods-on-node'))).toEqual(['media/radarr-59b85cfdbd-t4gnt@uid-radarr-59b85cfdbd-t4gnt', 'media/sonarr-dd4cb4f69-dzsfg@uid-sonarr-dd4cb4f69-dzsfg']);
    // -n media says nothing about ci: dtrack-0 is not gone
    expect(state.goneAt!(state.get('Pod', 'ci', 'dtrack-0')!)).toBeUndefined();
    const gone = state.diagnostics.find((d) => d.code === 'state/gone')!;
    expect(gone).toMatchObject({ count: 2, place: { file: 'kubectl-2210/pods.json', line: 4 } });
    expect(gone.reason).toContain('Pod media/radarr-59b85cfdbd-t4gnt');
    // the contrast: the same RS with its pod in the later List
    const kept = snap('kubectl-2210/pods.json', asList([pod('radarr-59b85cfdbd-new', 'media', { labels: { app: 'radarr' } })]), T2);
    const s2 = buildClusterState([...before, ...rs, ...kept], []);
    expect(refs(s2.related(s2.objects('ReplicaSet')[0]!, 'selected-pods'))).toEqual(['media/radarr-59b85cfdbd-new@uid-radarr-59b85cfdbd-new']);
  });

  it('keeps a force-deleted pod and its replacement of the same name as two objects; the newer is current', () => {
    const old = pod('seerr-seerr-chart-0', 'media', { node: 'k8s03', meta: { uid: 'uid-old', deletionTimestamp: '2026-06-17T11:02:30Z', deletionGracePeriodSeconds: 30 } });
    const fresh = pod('seerr-seerr-chart-0', 'media', { node: 'k8s01', meta: { uid: 'uid-new' } });
    // the old pod alone in a single-object file (get pod X -o json), the new one in a List later
    const single = snap('kubectl-2104/pod.json', JSON.stringify(old, null, 4), '2026-06-17T11:04:57Z');
    const list = snap('kubectl/pods.json', asList([fresh]), '2026-06-17T11:08:40Z');
    const state = buildClusterState([...list, ...single], []);
    expect(refs(state.objects('Pod'))).toEqual(['media/seerr-seerr-chart-0@uid-new', 'media/seerr-seerr-chart-0@uid-old']);
    expect(state.get('Pod', 'media', 'seerr-seerr-chart-0')!.uid).toBe('uid-new');
    const oldObj = state.objects('Pod').find((p) => p.uid === 'uid-old')!;
    expect(state.goneAt!(oldObj)!.time).toBe('2026-06-17T11:08:40Z');
    expect(state.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['state/recreated-object', 'state/gone']));
    // as of its own snapshot the old pod still sees itself on k8s03's pods; the state of 11:08 does not
    expect(state.related(oldObj, 'node')).toEqual([]);
    const nodes = snap('kubectl-2104/nodes.json', asList([NODE_K8S03]), '2026-06-17T11:04:57Z');
    const s2 = buildClusterState([...list, ...single, ...nodes], []);
    expect(refs(s2.related(s2.get('Node', undefined, 'k8s03')!, 'pods-on-node'))).toEqual(['media/seerr-seerr-chart-0@uid-old']);
  });

  it('a single-object file, even a later one, never makes other objects gone', () => {
    const list = snap('a/pods.json', asList([pod('a', 'media'), pod('b', 'media')]), T1);
    const one = snap('b/pod-c.json', JSON.stringify(pod('c', 'media'), null, 4), T2);
    const state = buildClusterState([...list, ...one], []);
    expect(state.objects('Pod').map((p) => state.goneAt!(p))).toEqual([undefined, undefined, undefined]);
    expect(state.diagnostics.filter((d) => d.code === 'state/gone')).toEqual([]);
  });

  it('scopes List authority: one namespace, all namespaces (-A), cluster-scoped kinds; other kinds untouched', () => {
    const first = snap('1/all.json', asList([pod('a', 'media'), pod('b', 'ci'), NODE_K8S03, { ...NODE_K8S03, metadata: { ...NODE_K8S03.metadata, name: 'k8s02', uid: 'uid-k8s02' } }]), T1);
    const allNs = snap('2/pods.json', asList([pod('c', 'media'), pod('d', 'openebs')]), T2);
    const s = buildClusterState([...first, ...allNs], []);
    expect(s.objects('Pod').filter((p) => s.goneAt!(p)).map((p) => p.name)).toEqual(['a', 'b']);
    // Nodes are not in the later List: not gone
    expect(s.objects('Node').filter((n) => s.goneAt!(n))).toEqual([]);
    const nodes = snap('2/nodes.json', asList([NODE_K8S03]), T2);
    const s2 = buildClusterState([...first, ...nodes], []);
    expect(s2.objects('Node').filter((n) => s2.goneAt!(n)).map((n) => n.name)).toEqual(['k8s02']);
    // an earlier List never removes what a later snapshot holds
    const s3 = buildClusterState([...snap('0/pods.json', asList([pod('z', 'media')]), '2026-05-28T10:00:00Z'), ...first], []);
    expect(s3.objects('Pod').filter((p) => s3.goneAt!(p)).map((p) => p.name)).toEqual(['z']);
  });

  it('get pods tables: -A is a listing, without NAMESPACE it is not', () => {
    const first = snap('1/pods.json', asList([pod('a', 'media'), pod('b', 'ci')]), T1);
    const table = (cols: string) => snap('2/pods.txt', cols, T2, kubectlTableFormat);
    const withNs = table(['NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE', 'ci          b      1/1     Running   0          5d', 'media       c      1/1     Running   0          1m'].join('\n'));
    const s = buildClusterState([...first, ...withNs], []);
    expect(s.objects('Pod').filter((p) => s.goneAt!(p)).map((p) => p.name)).toEqual(['a']);
    const plain = table(['NAME   READY   STATUS    RESTARTS   AGE', 'c      1/1     Running   0          1m'].join('\n'));
    const s2 = buildClusterState([...first, ...plain], []);
    expect(s2.objects('Pod').filter((p) => s2.goneAt!(p))).toEqual([]);
  });

  it('versions of one object: the newest is kept, relations read the version of their time', () => {
    const pending = pod('radarr-0', 'media', { node: 'k8s03', status: creating });
    const running = { ...pod('radarr-0', 'media', { node: 'k8s03', status: { phase: 'Running' } }), metadata: { ...pending.metadata, resourceVersion: '48300000' } };
    const early = snap('1/pods.json', asList([pending]), T1);
    const late = snap('2/pods.json', asList([running]), T2);
    const n1 = snap('1/nodes.json', asList([NODE_K8S03]), T1);
    const state = buildClusterState([...early, ...late, ...n1], []);
    expect(state.objects('Pod')).toHaveLength(1);
    expect((state.objects('Pod')[0]!.body.status as { phase: string }).phase).toBe('Running');
    const seen = state.related(state.get('Node', undefined, 'k8s03')!, 'pods-on-node');
    expect((seen[0]!.body.status as { phase: string }).phase).toBe('Pending');
    expect(state.diagnostics.find((d) => d.code === 'state/duplicate-object')!.reason).toContain('kept the newest (higher resourceVersion) from 2/pods.json');
    // many objects repeated by a second snapshot: one diagnostic, not one per object
    const many = [0, 1, 2].map((i) => pod(`p${i}`, 'media'));
    const twice = buildClusterState([...snap('1/pods.json', asList(many), T1), ...snap('2/pods.json', asList(many), T2)], []);
    expect(twice.diagnostics.filter((d) => d.code === 'state/duplicate-object')).toEqual([
      expect.objectContaining({ count: 6, reason: '3 objects appear in several snapshots; kept the newest of each (later snapshot time) from 2/pods.json: Pod media/p0, Pod media/p1, Pod media/p2' }),
    ]);
  });

  it('a Node is on itself: the node relation gives the host of a Node finding', () => {
    const state = buildClusterState(snap('n.json', asList([NODE_K8S03]), T1), []);
    const n = state.objects('Node')[0]!;
    expect(state.related(n, 'node')).toEqual([n]);
    expect(n).toMatchObject({ host: 'k8s03', hostFrom: 'metadata.name' });
  });
});
