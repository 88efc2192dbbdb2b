import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../src/model/index.js';
import { goroutineFormat } from '../../../src/parse/formats/goroutine.js';
import { kubectlJsonFormat } from '../../../src/parse/formats/kubectl-json.js';
import { buildClusterState } from '../../../src/parse/state/index.js';
import { processorListener } from './dump-fixtures.js';
import { asList, coreEvent, jivaVolume, NODE_K8S03, pod, pv, PV_SEERR, PV_SONARR, pvc, replicaSet } from './k8s-fixtures.js';
import { run } from './helpers.js';

const objectsOf = (...files: Array<[string, string]>): K8sObject[] => files.flatMap(([name, text]) => run(kubectlJsonFormat, text, name).objects);
const names = (xs: K8sObject[]) => xs.map((x) => `${x.kind}:${x.namespace ?? ''}/${x.name}`);

describe('cluster state from kubectl snapshots', () => {
  it('finds a ReplicaSet with terminatingReplicas whose selector matches no pod (issue 4 acceptance)', () => {
    const rsJson = asList([
      replicaSet('radarr-5d8f7c9b6', 'media', { matchLabels: { app: 'radarr', 'pod-template-hash': '5d8f7c9b6' } }, { replicas: 1, terminatingReplicas: 1 }),
      replicaSet('sonarr-dd4cb4f69', 'media', { matchLabels: { app: 'sonarr', 'pod-template-hash': 'dd4cb4f69' } }, { replicas: 1, readyReplicas: 1 }),
    ]);
    const podsJson = asList([
      pod('sonarr-dd4cb4f69-k929r', 'media', { node: 'k8s01', labels: { app: 'sonarr', 'pod-template-hash': 'dd4cb4f69' }, owner: { kind: 'ReplicaSet', name: 'sonarr-dd4cb4f69' } }),
      pod('radarr-other', 'other-ns', { labels: { app: 'radarr', 'pod-template-hash': '5d8f7c9b6' } }), // same labels, other namespace
      pod('radarr-5d8f7c9b6-old', 'media', { labels: { app: 'radarr', 'pod-template-hash': 'other' } }),
    ]);
    const state = buildClusterState(objectsOf(['rs.json', rsJson], ['pods.json', podsJson]), []);
    const stale = state.objects('ReplicaSet').filter((rs) => ((rs.body.status as { terminatingReplicas?: number }).terminatingReplicas ?? 0) > 0);
    expect(names(stale)).toEqual(['ReplicaSet:media/radarr-5d8f7c9b6']);
    expect(state.related(stale[0]!, 'selected-pods')).toEqual([]);
    expect(state.related(stale[0]!, 'owned-pods')).toEqual([]);
    expect(stale[0]!.lines['status.terminatingReplicas']).toBeGreaterThan(0);
    // the contrast: a ReplicaSet whose pod exists
    const sonarr = state.get('ReplicaSet', 'media', 'sonarr-dd4cb4f69')!;
    expect(names(state.related(sonarr, 'selected-pods'))).toEqual(['Pod:media/sonarr-dd4cb4f69-k929r']);
    expect(names(state.related(sonarr, 'owned-pods'))).toEqual(['Pod:media/sonarr-dd4cb4f69-k929r']);
  });

  it('joins pod -> node -> PVC -> PV -> JivaVolume -> Jiva controller pod and service (hairpin case)', () => {
    const ctrl = pod(`${PV_SONARR}-ctrl-75854597dc-pr4kt`, 'openebs', {
      node: 'k8s03',
      labels: { 'openebs.io/controller': 'jiva-controller', [`openebs.io/persistent-volume`]: PV_SONARR, 'pod-template-hash': '75854597dc' },
    });
    const rep = pod(`${PV_SONARR}-rep-1-6d9f8c7b5-abcde`, 'openebs', { node: 'k8s02', labels: { 'openebs.io/replica': 'jiva-replica', 'openebs.io/persistent-volume': PV_SONARR } });
    const sonarr = pod('sonarr-dd4cb4f69-8kmhv', 'media', { node: 'k8s03', claim: 'sonarr-config', labels: { app: 'sonarr' } });
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${PV_SONARR}-ctrl-svc`, namespace: 'openebs', labels: { 'openebs.io/persistent-volume': PV_SONARR } },
      spec: { clusterIP: '10.152.183.62', ports: [{ name: 'iscsi', port: 3260 }] },
    };
    const otherSvc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'by-ip', namespace: 'x' }, spec: { clusterIP: '10.152.183.99' } };
    const files: Array<[string, string]> = [
      ['pods-A.json', asList([sonarr, ctrl, rep])],
      ['nodes.json', asList([NODE_K8S03])],
      ['pvc.json', asList([pvc('sonarr-config', 'media', PV_SONARR)])],
      ['pv.json', asList([pv(PV_SONARR, { ns: 'media', name: 'sonarr-config' })])],
      ['jv.json', asList([jivaVolume(PV_SONARR, { nodeLabel: 'k8s03', targetIP: '10.152.183.99' })])],
      ['svc.json', asList([svc, otherSvc])],
    ];
    const state = buildClusterState(objectsOf(...files), []);
    const p = state.get('Pod', 'media', 'sonarr-dd4cb4f69-8kmhv')!;
    const [node] = state.related(p, 'node');
    expect(node?.name).toBe('k8s03');
    const [claim] = state.related(p, 'pvcs');
    expect(claim?.name).toBe('sonarr-config');
    const [vol] = state.related(claim!, 'pv');
    expect(vol?.name).toBe(PV_SONARR);
    const [jv] = state.related(vol!, 'jivavolume');
    expect(jv?.kind).toBe('JivaVolume');
    const ctrls = state.related(jv!, 'jiva-ctrl-pods');
    expect(names(ctrls)).toEqual([`Pod:openebs/${PV_SONARR}-ctrl-75854597dc-pr4kt`]);
    // co-scheduled: the consumer and its controller on one node
    expect(state.related(ctrls[0]!, 'node')[0]).toBe(node);
    expect(names(state.related(p, 'jiva-ctrl-pods'))).toEqual(names(ctrls));
    expect(names(state.related(vol!, 'jiva-replica-pods'))).toEqual([`Pod:openebs/${PV_SONARR}-rep-1-6d9f8c7b5-abcde`]);
    expect(names(state.related(vol!, 'jiva-ctrl-service'))).toEqual([`Service:openebs/${PV_SONARR}-ctrl-svc`, 'Service:x/by-ip']);
    expect(names(state.related(jv!, 'consumer-pods'))).toEqual(['Pod:media/sonarr-dd4cb4f69-8kmhv']);
    expect(names(state.related(vol!, 'pvc'))).toEqual(['PersistentVolumeClaim:media/sonarr-config']);
    expect(state.related(jv!, 'node')[0]?.name).toBe('k8s03');
    expect(names(state.related(node!, 'pods-on-node'))).toEqual([`Pod:media/sonarr-dd4cb4f69-8kmhv`, `Pod:openebs/${PV_SONARR}-ctrl-75854597dc-pr4kt`]);
  });

  it('finds jiva-operator controllers by name and labels, and a JivaVolume whose nodeID is stale', () => {
    const ctrl = pod(`${PV_SEERR}-jiva-ctrl-6b8d7f-x2x9q`, 'openebs', { node: 'k8s01', labels: { 'openebs.io/component': 'jiva-controller', 'openebs.io/persistent-volume': PV_SEERR } });
    const byLabel = pod('renamed-ctrl', 'openebs', { labels: { 'openebs.io/component': 'jiva-controller', 'openebs.io/persistent-volume': PV_SEERR } });
    const seerr = pod('seerr-seerr-chart-0', 'media', { node: 'k8s01', claim: 'seerr-seerr-chart-config' });
    const state = buildClusterState(
      objectsOf(['all.json', asList([ctrl, byLabel, seerr, pvc('seerr-seerr-chart-config', 'media', PV_SEERR), pv(PV_SEERR, { ns: 'media', name: 'seerr-seerr-chart-config' }), jivaVolume(PV_SEERR, { nodeLabel: 'k8s03' })])]),
      [],
    );
    const p = state.get('Pod', 'media', 'seerr-seerr-chart-0')!;
    const [jv] = state.related(p, 'jivavolume');
    expect(jv!.labels.nodeID).toBe('k8s03');
    expect(jv!.labels.nodeID).not.toBe((p.body.spec as { nodeName: string }).nodeName);
    expect(names(state.related(jv!, 'jiva-ctrl-pods'))).toEqual([`Pod:openebs/${PV_SEERR}-jiva-ctrl-6b8d7f-x2x9q`, 'Pod:openebs/renamed-ctrl']);
  });

  it('matches selectors with matchExpressions, and owner/events relations', () => {
    const rs = replicaSet('api-7f9', 'ci', { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }, { key: 'canary', operator: 'DoesNotExist' }] }, { replicas: 2 });
    const pods = [
      pod('api-7f9-a', 'ci', { labels: { app: 'api', tier: 'web' }, owner: { kind: 'ReplicaSet', name: 'api-7f9' } }),
      pod('api-7f9-b', 'ci', { labels: { app: 'api', tier: 'db' } }),
      pod('api-7f9-c', 'ci', { labels: { app: 'api', tier: 'api', canary: 'yes' } }),
    ];
    const ev = coreEvent('api-7f9-a.1', { involvedObject: { kind: 'Pod', name: 'api-7f9-a', namespace: 'ci', uid: 'uid-api-7f9-a' }, reason: 'BackOff' });
    const evOld = coreEvent('api-7f9-a.0', { involvedObject: { kind: 'Pod', name: 'api-7f9-a', namespace: 'ci', uid: 'uid-of-an-earlier-pod' }, reason: 'Killing' });
    const state = buildClusterState(objectsOf(['x.json', asList([rs, ...pods, ev, evOld])]), []);
    const r = state.get('ReplicaSet', 'ci', 'api-7f9')!;
    expect(names(state.related(r, 'selected-pods'))).toEqual(['Pod:ci/api-7f9-a']);
    const a = state.get('Pod', 'ci', 'api-7f9-a')!;
    expect(state.related(a, 'owner')).toEqual([r]);
    expect(state.related(a, 'events').map((e) => (e.body as { reason: string }).reason)).toEqual(['BackOff']);
    expect(() => state.related(a, 'no-such-relation')).toThrow(/unknown state relation/);
    expect(state.relations()).toEqual(expect.arrayContaining(['node', 'pods-on-node', 'owner', 'owned-pods', 'selected-pods', 'pvcs', 'pv', 'consumer-pods', 'jivavolume', 'jiva-ctrl-pods', 'jiva-ctrl-service', 'events']));
  });

  it('keeps the newest of several snapshots of one object and says so', () => {
    const older = replicaSet('radarr-5d8f7c9b6', 'media', {}, { replicas: 1, terminatingReplicas: 1 });
    const newer = { ...older, metadata: { ...older.metadata, resourceVersion: '48300500' }, status: { replicas: 1 } };
    // the newer snapshot comes first in the input: the resourceVersion decides, not the order
    const state = buildClusterState(objectsOf(['after.json', asList([newer])], ['before.json', asList([older])]), []);
    const [rs] = state.objects('ReplicaSet');
    expect(rs!.at.file).toBe('after.json');
    expect(state.objects()).toHaveLength(1);
    expect(state.diagnostics[0]).toMatchObject({ code: 'state/duplicate-object', count: 2 });
    expect(state.diagnostics[0]!.reason).toBe('ReplicaSet media/radarr-5d8f7c9b6 appears in 2 snapshots; kept the newest (higher resourceVersion) from after.json:4');
  });

  it('says where the snapshot time came from, and holds the goroutine buckets', () => {
    const objs = run(kubectlJsonFormat, asList([NODE_K8S03]), 'n.json').objects;
    expect(buildClusterState(objs, [], { snapshotTime: '2026-05-28T12:30:00Z' }).snapshotTime()).toEqual({ iso: '2026-05-28T12:30:00Z', source: 'flag' });
    // without the clock (pattern examples): the newest time written in the objects
    expect(buildClusterState(objs, []).snapshotTime()).toEqual({ iso: objs[0]!.newest!.time, source: 'newest time in the objects' });
    // with it: the time the clock chose for the file, and why
    const stamped = objs.map((o) => ({ ...o, snapshotTime: '2026-05-28T12:00:00Z', snapshotSource: 'kubectl output taken at 2026-05-28T12:00:00Z: (why)' }));
    expect(buildClusterState(stamped, []).snapshotTime()).toEqual({ iso: '2026-05-28T12:00:00Z', source: 'kubectl output taken at 2026-05-28T12:00:00Z: (why)' });
    const dump = run(goroutineFormat, processorListener(1, 33).join('\n'), 'g.txt', { mtimeMicros: 1 });
    expect(buildClusterState([], dump.buckets).buckets()[0]!.minutesMax).toBe(33);
  });
});
