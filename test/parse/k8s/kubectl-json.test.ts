import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../../src/model/index.js';
import { kubectlJsonFormat } from '../../../src/parse/formats/kubectl-json.js';
import { asList, coreEvent, jivaVolume, NODE_K8S01_NOT_READY, NODE_K8S03, pod, PV_SEERR, RADARR_WAITING, replicaSet, SEERR_STUCK } from './k8s-fixtures.js';
import { run } from './helpers.js';

const byWhat = (recs: ParsedRecord[], what: string) => recs.filter((r) => r.fields.what === what);
const lineText = (text: string, line: number) => text.split('\n')[line - 1]!;

describe('kubectl JSON: pods', () => {
  it('cites the line of a waiting reason and keeps the object pruned with notable lines', () => {
    const text = asList([RADARR_WAITING]);
    const cap = run(kubectlJsonFormat, text, 'media-pods.json', { mtimeMicros: Date.UTC(2026, 4, 28, 11, 20) * 1000 });
    const w = byWhat(cap.records, 'container-waiting')[0]!;
    expect(w.message).toBe('Pod media/radarr-0 container radarr waiting: ContainerCreating');
    expect(w.stamp).toEqual({ kind: 'age', seconds: 0, errorSeconds: 0, text: 'snapshot' });
    expect(w.raw.trim()).toBe('"reason": "ContainerCreating"');
    expect(lineText(text, w.at.line)).toBe(w.raw);
    expect(w.at.offset).toBe(text.split('\n').slice(0, w.at.line - 1).join('\n').length + 1);
    expect(w).toMatchObject({ source: 'kubectl', program: 'kubectl', host: 'k8s03', format: 'kubectl-json' });
    expect(w.fields).toMatchObject({ kind: 'Pod', namespace: 'media', name: 'radarr-0', 'container.name': 'radarr', 'container.reason': 'ContainerCreating', 'spec.nodeName': 'k8s03' });
    const [obj] = cap.objects;
    expect(obj!.lines['status.containerStatuses[0].state.waiting.reason']).toBe(w.at.line);
    expect(lineText(text, obj!.at.line).trim()).toBe('{');
    expect(lineText(text, obj!.lines['spec.nodeName']!).trim()).toBe('"nodeName": "k8s03",');
    expect(obj!.body.metadata).not.toHaveProperty('annotations');
    expect((obj!.body.spec as { volumes: unknown[] }).volumes).toEqual([{ name: 'config', persistentVolumeClaim: { claimName: 'radarr-config' } }, { name: 'kube-api-access-x' }]);
    // the snapshot time is the clock's choice (clock/snapshot.ts), not the parser's
    expect(obj!.snapshotTime).toBeUndefined();
    expect(obj!.newest).toEqual({ time: '2026-05-28T10:05:12Z', path: 'status.conditions[0].lastTransitionTime', line: expect.any(Number) });
    expect(lineText(text, obj!.newest!.line).trim()).toBe('"lastTransitionTime": "2026-05-28T10:05:12Z"');
    expect(obj).toMatchObject({ host: 'k8s03', hostFrom: 'spec.nodeName', list: 'media-pods.json:4' });
    expect(obj!.ownerReferences).toEqual([{ kind: 'StatefulSet', name: 'radarr', uid: 'uid-radarr', controller: true }]);
    const created = byWhat(cap.records, 'created')[0]!;
    expect(created).toMatchObject({ message: 'Pod media/radarr-0 created', stamp: { kind: 'absolute', utcMicros: Date.UTC(2026, 4, 28, 10, 5, 11) * 1000, precision: 's' } });
    expect(byWhat(cap.records, 'condition').map((r) => r.message)).toEqual([
      'Pod media/radarr-0 condition PodScheduled=True',
      'Pod media/radarr-0 condition Ready=False (ContainersNotReady)',
    ]);
    expect(byWhat(cap.records, 'phase')[0]!.message).toBe('Pod media/radarr-0 phase Pending');
  });

  it('places deletion, container start and finish of a pod stuck with a deletionTimestamp', () => {
    const cap = run(kubectlJsonFormat, JSON.stringify(SEERR_STUCK, null, 4), 'seerr.json');
    expect(cap.records.map((r) => [r.fields.what, r.message, r.stamp.kind === 'absolute' ? r.stamp.text : r.stamp.kind])).toEqual([
      ['created', 'Pod media/seerr-seerr-chart-0 created', '2026-05-28T10:05:11Z'],
      ['deletion', 'Pod media/seerr-seerr-chart-0 marked for deletion', '2026-06-17T11:02:30Z'],
      ['phase', 'Pod media/seerr-seerr-chart-0 phase Failed', 'age'],
      ['container-started', 'Pod media/seerr-seerr-chart-0 container seerr started', '2026-06-12T05:00:00Z'],
      ['container-terminated', 'Pod media/seerr-seerr-chart-0 container seerr terminated: Error (exit code 1)', '2026-06-17T11:02:01Z'],
    ]);
    const del = byWhat(cap.records, 'deletion')[0]!;
    expect(del.fields['metadata.finalizers']).toBe('example.com/cleanup');
    expect(del.raw.trim()).toBe('"deletionTimestamp": "2026-06-17T11:02:30Z",');
    expect(byWhat(cap.records, 'container-terminated')[0]!.fields).toMatchObject({ 'container.exitCode': '1', 'container.id': expect.stringContaining('de45ec18c272') });
    expect(cap.objects[0]!.deletionTimestamp).toBe('2026-06-17T11:02:30Z');
  });
});

describe('kubectl JSON: workloads and nodes', () => {
  it('reports terminatingReplicas only when present (absent is not 0)', () => {
    const sel = { matchLabels: { app: 'radarr' } };
    const text = asList([
      replicaSet('radarr-5d8f7c9b6', 'media', sel, { observedGeneration: 3, replicas: 1, terminatingReplicas: 1 }),
      replicaSet('sonarr-dd4cb4f69', 'media', sel, { availableReplicas: 1, readyReplicas: 1, replicas: 1 }),
      replicaSet('readarr-7c9', 'media', sel, { replicas: 1, terminatingReplicas: 0 }),
    ]);
    const cap = run(kubectlJsonFormat, text, 'rs.json');
    const st = byWhat(cap.records, 'status');
    expect(st.map((r) => r.message)).toEqual([
      'ReplicaSet media/radarr-5d8f7c9b6 status: replicas 1 (spec 1), ready 0, available 0, terminatingReplicas 1',
      'ReplicaSet media/sonarr-dd4cb4f69 status: replicas 1 (spec 1), ready 1, available 1',
      'ReplicaSet media/readarr-7c9 status: replicas 1 (spec 1), ready 0, available 0, terminatingReplicas 0',
    ]);
    expect(st[0]!.fields['status.terminatingReplicas']).toBe('1');
    expect(st[1]!.fields).not.toHaveProperty('status.terminatingReplicas');
    expect(lineText(text, st[0]!.at.line).trim()).toBe('"terminatingReplicas": 1');
    expect(cap.objects[0]!.lines['status.terminatingReplicas']).toBe(st[0]!.at.line);
    expect((cap.objects[1]!.body.status as Record<string, unknown>).terminatingReplicas).toBeUndefined();
    expect((cap.objects[0]!.body.spec as Record<string, unknown>).template).toBeUndefined();
  });

  it('reads node cordons, taints, conditions, volumes and the boot id', () => {
    const cap = run(kubectlJsonFormat, asList([NODE_K8S03, NODE_K8S01_NOT_READY]), 'nodes.json');
    const msgs = cap.records.filter((r) => r.fields.what !== 'created').map((r) => r.message);
    expect(msgs).toEqual([
      'Node k8s03 condition Ready=True (KubeletReady)',
      'Node k8s03 unschedulable (cordoned)',
      'Node k8s03 taint node.kubernetes.io/unschedulable:NoSchedule',
      `Node k8s03 volumesInUse: kubernetes.io/csi/jiva.csi.openebs.io^${PV_SEERR}, kubernetes.io/iscsi/10.152.183.80:3260:iqn.2016-09.com.openebs.jiva:pvc-a634b9a3:0`,
      `Node k8s03 volumesAttached: kubernetes.io/csi/jiva.csi.openebs.io^${PV_SEERR}, kubernetes.io/iscsi/10.152.183.80:3260:iqn.2016-09.com.openebs.jiva:pvc-a634b9a3:0`,
      'Node k8s01 condition Ready=Unknown (NodeStatusUnknown)',
      'Node k8s01 taint node.kubernetes.io/unreachable:NoSchedule',
      'Node k8s01 taint node.kubernetes.io/unreachable:NoExecute',
    ]);
    const noexec = cap.records.find((r) => r.fields['taint.effect'] === 'NoExecute')!;
    expect(noexec).toMatchObject({ host: 'k8s01', stamp: { kind: 'absolute', text: '2026-05-28T10:16:04Z' } });
    const inUse = byWhat(cap.records, 'volumes-in-use')[0]!;
    expect(inUse.fields['status.volumesInUse']!.split('\n')).toHaveLength(2);
    expect(inUse.fields['status.nodeInfo.bootID']).toBe('5dffeb08-a273-44d5-ae9e-2fc244bbcbc5');
    expect(byWhat(cap.records, 'volumes-attached')[0]!.fields.devicePaths).toContain('/dev/disk/by-path/ip-10.152.183.80');
  });
});

describe('kubectl JSON: events', () => {
  it('places core/v1 events at first and last seen with their counts', () => {
    const ev = coreEvent('sonarr.1', {
      count: 14,
      firstTimestamp: '2026-03-30T02:12:00Z',
      lastTimestamp: '2026-03-30T02:40:00Z',
      message: 'MountVolume.WaitForAttach failed for volume "pvc-17e6e808": iscsi: failed to sendtargets to portal 10.152.183.62:3260',
      reason: 'FailedMount',
      source: { component: 'kubelet', host: 'k8s03' },
      type: 'Warning',
    });
    const cap = run(kubectlJsonFormat, asList([ev]), 'events.json');
    expect(cap.records.map((r) => [r.fields.occurrence, r.stamp.kind === 'absolute' && r.stamp.text])).toEqual([
      ['last', '2026-03-30T02:40:00Z'],
      ['first', '2026-03-30T02:12:00Z'],
    ]);
    const r = cap.records[0]!;
    expect(r.message).toBe(ev.message);
    expect(r).toMatchObject({ severity: 'warning', host: 'k8s03' });
    expect(r.fields).toMatchObject({ reason: 'FailedMount', type: 'Warning', count: '14', source: 'kubelet', involvedObject: 'Pod media/sonarr-dd4cb4f69-8kmhv', 'involvedObject.kind': 'Pod', what: 'event' });
    expect(r.raw.trim()).toMatch(/^"message": "MountVolume/);
  });

  it('prefers series.lastObservedTime, and reads events.k8s.io/v1 (note, regarding, deprecated*)', () => {
    const series = coreEvent('a.1', { count: 2, series: { count: 57, lastObservedTime: '2026-03-30T03:00:00.123456Z' }, eventTime: '2026-03-30T02:00:00.000001Z', lastTimestamp: null, firstTimestamp: null });
    const v1 = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      deprecatedCount: 3,
      deprecatedFirstTimestamp: '2026-03-30T01:00:00Z',
      deprecatedLastTimestamp: '2026-03-30T01:30:00Z',
      deprecatedSource: { component: 'kubelet', host: 'k8s02' },
      eventTime: null,
      metadata: { creationTimestamp: '2026-03-30T01:00:00Z', name: 'b.1', namespace: 'openebs' },
      note: 'Back-off restarting failed container jiva-replica in pod pvc-a634b9a3-jiva-rep-1_openebs',
      reason: 'BackOff',
      regarding: { kind: 'Pod', name: 'pvc-a634b9a3-jiva-rep-1', namespace: 'openebs' },
      reportingController: 'kubelet',
      type: 'Warning',
    };
    const cap = run(kubectlJsonFormat, asList([series, v1]), 'events.json');
    const [s1, s2, v1a, v1b] = cap.records;
    expect(s1!.stamp).toMatchObject({ kind: 'absolute', precision: 'us', utcMicros: Date.UTC(2026, 2, 30, 3, 0, 0, 123) * 1000 + 456 });
    expect(s1!.fields.count).toBe('57');
    expect(s2!.fields.occurrence).toBe('first');
    expect(v1a!.message).toBe(v1.note);
    expect(v1a!.fields).toMatchObject({ count: '3', involvedObject: 'Pod openebs/pvc-a634b9a3-jiva-rep-1', source: 'kubelet', occurrence: 'last' });
    expect(v1b!.stamp).toMatchObject({ text: '2026-03-30T01:00:00Z' });
    expect(cap.records).toHaveLength(4);
  });
});

describe('kubectl JSON: storage and JivaVolume', () => {
  it('reads JivaVolume nodeID from the label (v1) and from mountInfo (v1alpha1)', () => {
    const v1 = jivaVolume(PV_SEERR, { nodeLabel: 'k8s03', mountInfo: { devicePath: '/dev/sdb', fsType: 'ext4', stagingPath: '/var/snap/microk8s/common/var/lib/kubelet/plugins/kubernetes.io/csi/jiva.csi.openebs.io/8240/globalmount' } });
    const old = jivaVolume('pvc-a634b9a3-fdaa-4b45-9dc3-2486e716d755', { apiVersion: 'openebs.io/v1alpha1', mountInfo: { nodeID: 'k8s02', devicePath: '/dev/sdc', fsType: 'ext4', stagingPath: '/x/globalmount' } });
    const cleared = jivaVolume('pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd', { nodeLabel: 'k8s03' });
    const text = asList([v1, old, cleared]);
    const cap = run(kubectlJsonFormat, text, 'jv.json');
    expect(cap.records.filter((r) => ['node-id', 'mount-info'].includes(r.fields.what!)).map((r) => r.message)).toEqual([
      `JivaVolume openebs/${PV_SEERR} nodeID k8s03`,
      `JivaVolume openebs/${PV_SEERR} mountInfo stagingPath=/var/snap/microk8s/common/var/lib/kubelet/plugins/kubernetes.io/csi/jiva.csi.openebs.io/8240/globalmount devicePath=/dev/sdb fsType=ext4`,
      'JivaVolume openebs/pvc-a634b9a3-fdaa-4b45-9dc3-2486e716d755 mountInfo nodeID=k8s02 stagingPath=/x/globalmount devicePath=/dev/sdc fsType=ext4',
      'JivaVolume openebs/pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd nodeID k8s03',
      'JivaVolume openebs/pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd mountInfo empty',
    ]);
    const nodeId = byWhat(cap.records, 'node-id')[0]!;
    expect(lineText(text, nodeId.at.line).trim()).toBe('"nodeID": "k8s03"');
    expect(byWhat(cap.records, 'status')[0]!.message).toBe(`JivaVolume openebs/${PV_SEERR} status RW phase Ready, replicas 3`);
    expect(byWhat(cap.records, 'status')[0]!.fields['spec.iscsiSpec.targetIP']).toBe('10.152.183.57');
    expect(cap.objects[1]!.lines['spec.mountInfo.nodeID']).toBeGreaterThan(0);
    expect(cap.objects[0]!.body).not.toHaveProperty('versionDetails');
  });

  it('puts every record of an object on its node, and says which field named it', () => {
    const v1 = jivaVolume(PV_SEERR, { nodeLabel: 'k8s03' });
    const old = jivaVolume('pvc-a634b9a3-fdaa-4b45-9dc3-2486e716d755', { apiVersion: 'openebs.io/v1alpha1', mountInfo: { nodeID: 'k8s02', devicePath: '/dev/sdc', fsType: 'ext4', stagingPath: '/x/globalmount' } });
    const nowhere = jivaVolume('pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd');
    const ev = coreEvent('sonarr.1', { source: { component: 'kubelet', host: 'k8s03' }, reason: 'FailedMount', type: 'Warning' });
    const va = { apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { creationTimestamp: '2026-05-28T11:00:00Z', name: 'csi-3f1c' }, spec: { nodeName: 'k8s01', source: { persistentVolumeName: PV_SEERR } }, status: { attached: true } };
    const cap = run(kubectlJsonFormat, asList([v1, old, nowhere, RADARR_WAITING, NODE_K8S03, ev, va]), 'all.json');
    const hosts = (name: string) => [...new Set(cap.records.filter((r) => r.fields.name === name).map((r) => `${r.host ?? '-'} ${r.fields.host_from ?? '-'}`))];
    expect(hosts(PV_SEERR)).toEqual(['k8s03 metadata.labels.nodeID']);
    expect(hosts('pvc-a634b9a3-fdaa-4b45-9dc3-2486e716d755')).toEqual(['k8s02 spec.mountInfo.nodeID']);
    expect(hosts('pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd')).toEqual(['- -']);
    expect(hosts('radarr-0')).toEqual(['k8s03 spec.nodeName']);
    expect(hosts('k8s03')).toEqual(['k8s03 metadata.name']);
    expect(hosts('sonarr.1')).toEqual(['k8s03 source.host']);
    expect(hosts('csi-3f1c')).toEqual(['k8s01 spec.nodeName']);
    expect(cap.objects.map((o) => o.host ?? '-')).toEqual(['k8s03', 'k8s02', '-', 'k8s03', 'k8s03', 'k8s03', 'k8s01']);
  });

  it('reads VolumeAttachment errors at their own time', () => {
    const va = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'VolumeAttachment',
      metadata: { creationTimestamp: '2026-05-28T11:00:00Z', name: 'csi-3f1c' },
      spec: { attacher: 'jiva.csi.openebs.io', nodeName: 'k8s01', source: { persistentVolumeName: PV_SEERR } },
      status: { attached: false, attachError: { message: 'rpc error: code = Internal desc = volume is already attached to k8s03', time: '2026-05-28T11:00:05Z' } },
    };
    const cap = run(kubectlJsonFormat, JSON.stringify(va, null, 4), 'va.json');
    expect(cap.records.slice(1).map((r) => r.message)).toEqual([
      `VolumeAttachment csi-3f1c attached=false (pv ${PV_SEERR}, node k8s01)`,
      'VolumeAttachment csi-3f1c attach error: rpc error: code = Internal desc = volume is already attached to k8s03',
    ]);
    expect(cap.records[2]).toMatchObject({ host: 'k8s01', severity: 'warning', stamp: { text: '2026-05-28T11:00:05Z' } });
  });
});

describe('kubectl JSON: wrappers, stray text and damage', () => {
  it('reads typed lists (kind before or after items) and bare documents after a warning line', () => {
    const typedFirst = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [{ metadata: { name: 'a', namespace: 'x' }, spec: { nodeName: 'k8s01' }, status: { phase: 'Running' } }] });
    const typedLast = JSON.stringify({ apiVersion: 'v1', items: [{ metadata: { name: 'b', namespace: 'x' } }], kind: 'PodList' }, null, 2);
    const text = ['Warning: policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+', typedFirst, typedLast, JSON.stringify(pod('c', 'x'), null, 4)].join('\n') + '\n';
    const cap = run(kubectlJsonFormat, text, 'mixed.json');
    expect(cap.objects.map((o) => [o.kind, o.apiVersion, o.name])).toEqual([
      ['Pod', 'v1', 'a'],
      ['Pod', 'v1', 'b'],
      ['Pod', 'v1', 'c'],
    ]);
    const warn = cap.diags.find((d) => d.code === 'parse/kubectl-text-line')!;
    expect(warn).toMatchObject({ severity: 'warning', place: { line: 1 } });
    expect(cap.records[0]!.message).toBe('Warning: policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+');
  });

  it('keeps unknown kinds generically and prunes their bodies', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', data: { big: 'x'.repeat(10_000) }, metadata: { creationTimestamp: '2026-01-01T00:00:00Z', name: 'kube-root-ca.crt', namespace: 'media' } };
    const cap = run(kubectlJsonFormat, JSON.stringify(cm, null, 4), 'cm.json');
    expect(cap.objects[0]).toMatchObject({ kind: 'ConfigMap', name: 'kube-root-ca.crt', namespace: 'media', creationTimestamp: '2026-01-01T00:00:00Z' });
    expect(cap.objects[0]!.body).not.toHaveProperty('data');
    expect(cap.records.map((r) => r.message)).toEqual(['ConfigMap media/kube-root-ca.crt created']);
  });

  it('keeps what was read before malformed JSON, reports file and line, and goes on', () => {
    const lines = asList([pod('a', 'x'), pod('b', 'x'), pod('c', 'x')]).split('\n');
    const bad = lines.findIndex((l, i) => i > 60 && l.includes('"nodeName"') === false && l.includes('"phase"'));
    lines[bad] = lines[bad]!.replace('"phase": "Running"', '"phase": Running');
    const text = lines.join('\n') + JSON.stringify(pod('d', 'x'), null, 4) + '\n' + '{"kind": "Pod", "metadata": {"name": "e"';
    const cap = run(kubectlJsonFormat, text, 'broken.json');
    expect(cap.objects.map((o) => o.name)).toEqual(['a', 'c', 'd']);
    const errs = cap.diags.filter((d) => d.severity === 'error');
    expect(errs.map((d) => [d.code, d.place?.file, d.place?.line])).toEqual([
      ['parse/kubectl-json-malformed', 'broken.json', bad + 1],
      ['parse/kubectl-json-malformed', 'broken.json', text.split('\n').length],
    ]);
    expect(errs[0]!.reason).toBe(`Unexpected "R", expected a value`);
    expect(errs[0]!.place?.column).toBe(lines[bad]!.indexOf('Running') + 1);
    expect(errs[1]!.reason).toMatch(/^Unexpected end of input inside a JSON document/);
    expect(cap.diags.find((d) => d.code === 'parse/kubectl-json-skipped')?.reason).toMatch(/^Skipped lines \d+-\d+ after malformed JSON, resumed at line \d+$/);
  });

  it('sniffs kubectl JSON but not journal JSON', () => {
    expect(kubectlJsonFormat.sniff(['{', '    "apiVersion": "v1",', '    "items": ['])).toBeGreaterThan(0.8);
    expect(kubectlJsonFormat.sniff(['Warning: x', '{', '    "apiVersion": "v1",'])).toBeGreaterThan(0.8);
    expect(kubectlJsonFormat.sniff(['{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1780000000123456","MESSAGE":"kind: x"}'])).toBe(0);
    expect(kubectlJsonFormat.sniff(['May 28 21:20:14 k8s03 kernel: x'])).toBe(0);
    for (const s of kubectlJsonFormat.meta.samples) expect(kubectlJsonFormat.sniff([s])).toBeGreaterThan(0.8);
  });
});

describe('kubectl JSON: services, endpoints and other workloads', () => {
  it('reports not-ready endpoint addresses with their pods, and service ClusterIPs', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: '2026-01-10T00:00:01Z', name: `${'pvc-17e6e808'}-ctrl-svc`, namespace: 'openebs' }, spec: { clusterIP: '10.152.183.62', ports: [{ name: 'iscsi', port: 3260, protocol: 'TCP', targetPort: 3260 }], selector: { 'openebs.io/controller': 'jiva-controller' }, type: 'ClusterIP' } };
    const ep = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'pvc-17e6e808-ctrl-svc', namespace: 'openebs' },
      subsets: [{ notReadyAddresses: [{ ip: '10.1.236.77', nodeName: 'k8s03', targetRef: { kind: 'Pod', name: 'pvc-17e6e808-ctrl-75854597dc-pr4kt', namespace: 'openebs', uid: 'u' } }], ports: [{ name: 'iscsi', port: 3260, protocol: 'TCP' }] }],
    };
    const cap = run(kubectlJsonFormat, asList([svc, ep]), 'svc.json');
    expect(cap.records.map((r) => r.message)).toEqual([
      'Service openebs/pvc-17e6e808-ctrl-svc created',
      'Endpoints openebs/pvc-17e6e808-ctrl-svc addresses: ready 0, not ready 1 (not ready: 10.1.236.77 Pod openebs/pvc-17e6e808-ctrl-75854597dc-pr4kt)',
    ]);
    expect(cap.records[0]!.fields['spec.clusterIP']).toBe('10.152.183.62');
    expect(cap.records[1]!.fields).toMatchObject({ ready: '0', not_ready: '1', not_ready_addresses: '10.1.236.77' });
  });

  it('reads Deployment, StatefulSet and DaemonSet status and conditions from an EventList-style typed list', () => {
    const deploy = { kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'sonarr', namespace: 'media' }, spec: { replicas: 1, selector: { matchLabels: { app: 'sonarr' } } }, status: { conditions: [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', lastTransitionTime: '2026-03-30T02:10:00Z' }], replicas: 1, unavailableReplicas: 1 } };
    const sts = { kind: 'StatefulSet', apiVersion: 'apps/v1', metadata: { name: 'dependency-track-api-server', namespace: 'ci' }, spec: { replicas: 1, serviceName: 'x', selector: { matchLabels: { app: 'dt' } } }, status: { replicas: 1, readyReplicas: 0, currentRevision: 'r1', updateRevision: 'r2' } };
    const ds = { kind: 'DaemonSet', apiVersion: 'apps/v1', metadata: { name: 'openebs-jiva-csi-node', namespace: 'openebs' }, spec: { selector: { matchLabels: { app: 'jiva-csi-node' } } }, status: { desiredNumberScheduled: 3, numberReady: 2, numberUnavailable: 1 } };
    const cap = run(kubectlJsonFormat, asList([deploy, sts, ds]), 'apps.json');
    expect(cap.records.map((r) => r.message)).toEqual([
      'Deployment media/sonarr condition Available=False (MinimumReplicasUnavailable)',
      'Deployment media/sonarr status: replicas 1 (spec 1), ready 0, available 0',
      'StatefulSet ci/dependency-track-api-server status: replicas 1 (spec 1), ready 0, available 0',
      'DaemonSet openebs/openebs-jiva-csi-node status: desired 3, ready 2, unavailable 1',
    ]);
    const events = JSON.stringify({ kind: 'EventList', apiVersion: 'v1', metadata: {}, items: [{ metadata: { name: 'e1', namespace: 'media' }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'media' }, reason: 'Killing', message: 'Stopping container app', type: 'Normal', lastTimestamp: '2026-03-30T02:10:00Z', count: 1 }] });
    const ev = run(kubectlJsonFormat, events, 'ev.json');
    expect(ev.objects[0]).toMatchObject({ kind: 'Event', apiVersion: 'v1' });
    expect(ev.records.map((r) => [r.message, r.fields.occurrence])).toEqual([['Stopping container app', 'only']]);
  });
});
