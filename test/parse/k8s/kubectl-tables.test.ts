import { describe, expect, it } from 'vitest';
import { kubectlTableFormat } from '../../../src/parse/formats/kubectl-tables.js';
import { parseAge, parseAgeInterval } from '../../../src/parse/formats/kubectl-time.js';
import { buildClusterState } from '../../../src/parse/state/index.js';
import { run } from './helpers.js';

/**
 * Lays rows out as text/tabwriter does: kubectl get uses minwidth 10 and padding 3, describe
 * uses padding 2; the last cell is not padded.
 */
function tabulate(rows: string[][], opts: { minwidth?: number; padding: number; indent?: string }): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(opts.minwidth ?? 0, ...rows.map((r) => (r[i] ?? '').length + opts.padding)));
  return rows.map((r) => (opts.indent ?? '') + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join(''));
}
const get = (rows: string[][]) => tabulate(rows, { minwidth: 10, padding: 3 });

const FAILED_MOUNT =
  'MountVolume.WaitForAttach failed for volume "pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd" : iscsi: failed to sendtargets to portal 10.152.183.62:3260 output: iscsiadm: Connection to Discovery Address 10.152.183.62 failed';

describe('kubectl get events tables', () => {
  it('splits at header offsets and turns ages into AgeStamps', () => {
    const lines = get([
      ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
      ['2m13s', 'Warning', 'FailedGetResourceMetric', 'horizontalpodautoscaler/azure-vote-back-hpa', 'missing request for cpu in container azure-vote-back of Pod azure-vote-back-6c4dd64bdf-9sbmg'],
      ['33m', 'Normal', 'Scheduled', 'pod/sonarr-dd4cb4f69-8kmhv', 'Successfully assigned media/sonarr-dd4cb4f69-8kmhv to k8s03'],
      ['<unknown>', 'Warning', 'FailedMount', 'pod/sonarr-dd4cb4f69-8kmhv', FAILED_MOUNT],
    ]);
    const cap = run(kubectlTableFormat, lines.join('\n'), 'events.txt');
    expect(cap.records.map((r) => [r.message.slice(0, 40), r.stamp])).toEqual([
      ['missing request for cpu in container azu', { kind: 'age', seconds: 133, errorSeconds: 1, text: '2m13s' }],
      ['Successfully assigned media/sonarr-dd4cb', { kind: 'age', seconds: 1980, errorSeconds: 60, text: '33m' }],
      ['MountVolume.WaitForAttach failed for vol', { kind: 'none' }],
    ]);
    expect(cap.records[0]!.fields).toMatchObject({ reason: 'FailedGetResourceMetric', type: 'Warning', involvedObject: 'HorizontalPodAutoscaler azure-vote-back-hpa', count: '1', occurrence: 'only', what: 'event' });
    expect(cap.records[2]!.message).toBe(FAILED_MOUNT);
    expect(cap.records[1]!.at).toMatchObject({ file: 'events.txt', line: 3 });
    expect(cap.records[1]!.raw).toBe(lines[2]);
    expect(cap.diags).toEqual([]);
  });

  it('reads -A -o wide (MESSAGE in the middle, FIRST SEEN and COUNT columns)', () => {
    const lines = get([
      ['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
      ['openebs', '4m', 'Warning', 'BackOff', 'pod/pvc-a634b9a3-jiva-rep-1', 'spec.containers{jiva-replica}', 'kubelet, k8s02', 'Back-off restarting failed container', '30h', '412', 'pvc-a634b9a3-jiva-rep-1.17c2'],
      ['kube-system', '12s', 'Warning', 'ImageGCFailed', 'node/k8s02', '', 'kubelet, k8s02', 'failed to garbage collect required amount of images. Wanted to free 5 bytes, but freed 0 bytes', '2d', '700', 'k8s02.17c3'],
    ]);
    const cap = run(kubectlTableFormat, lines.join('\n'), 'events-wide.txt');
    const [last, first, gc] = cap.records;
    expect(last!.fields).toMatchObject({ 'involvedObject.namespace': 'openebs', 'involvedObject.kind': 'Pod', count: '412', source: 'kubelet, k8s02', occurrence: 'last', 'involvedObject.fieldPath': 'spec.containers{jiva-replica}' });
    expect(last!.message).toBe('Back-off restarting failed container');
    expect(first!.stamp).toEqual({ kind: 'age', seconds: 30 * 3600, errorSeconds: 3600, text: '30h' });
    expect(gc!.message).toMatch(/^failed to garbage collect required amount of images/);
    expect(gc!.fields.involvedObject).toBe('Node kube-system/k8s02');
    // the node in SOURCE is the event's host, as source.host is for a JSON Event
    expect(cap.records.map((r) => [r.host, r.fields['source.host']])).toEqual(Array(4).fill(['k8s02', 'k8s02']));
  });

  it('reads kubectl events (LAST SEEN with x-over) and its Kind/name objects', () => {
    const lines = get([
      ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
      ['5m (x3 over 20m)', 'Normal', 'Pulled', 'Pod/nginx-7854ff8877-hl2m8', 'Container image "nginx:1.25" already present on machine'],
    ]);
    const cap = run(kubectlTableFormat, lines.join('\n'), 'kevents.txt');
    expect(cap.records.map((r) => [r.fields.occurrence, r.stamp.kind === 'age' && r.stamp.seconds, r.fields.count])).toEqual([
      ['last', 300, '3'],
      ['first', 1200, '3'],
    ]);
    expect(cap.records[0]!.fields['involvedObject.kind']).toBe('Pod');
  });
});

describe('kubectl describe Events', () => {
  it('reads the Events section with x-over ages, <unknown>, wrapped lines and the described object', () => {
    const table = tabulate(
      [
        ['Type', 'Reason', 'Age', 'From', 'Message'],
        ['----', '------', '----', '----', '-------'],
        ['Warning', 'FailedMount', '2m (x5 over 10m)', 'kubelet', FAILED_MOUNT],
      ],
      { padding: 2, indent: '  ' },
    );
    const after = tabulate(
      [
        ['Normal', 'Scheduled', '12m', 'default-scheduler', 'Successfully assigned media/sonarr-dd4cb4f69-8kmhv to k8s03'],
        ['Warning', 'FailedMount', '<unknown>', 'kubelet', 'fsck found errors on device /dev/disk/by-path/ip-10.152.183.62:3260-iscsi-iqn.2016-09.com.openebs.jiva:pvc-17e6e808-lun-0 but could not correct them'],
      ],
      { padding: 2, indent: '  ' },
    );
    const text = [
      'Name:             sonarr-dd4cb4f69-8kmhv',
      'Namespace:        media',
      'Node:             k8s03/172.22.22.9',
      'Status:           Pending',
      'Events:',
      ...table,
      'iscsiadm: Login I/O error, failed to receive a PDU',
      ...after,
      '',
      'Name:             other',
      'Namespace:        media',
      'Events:           <none>',
    ].join('\n');
    const cap = run(kubectlTableFormat, text, 'describe.txt');
    const events = cap.records.filter((r) => r.fields.what === 'event');
    expect(events.map((r) => [r.fields.reason, r.fields.occurrence, r.stamp.kind === 'age' ? r.stamp.text : r.stamp.kind])).toEqual([
      ['FailedMount', 'last', '2m'],
      ['FailedMount', 'first', '10m'],
      ['Scheduled', 'only', '12m'],
      ['FailedMount', 'only', 'none'],
    ]);
    expect(events[0]!.message).toBe(`${FAILED_MOUNT}\niscsiadm: Login I/O error, failed to receive a PDU`);
    expect(events[0]!.at).toMatchObject({ line: 8, endLine: 9 });
    expect(events[0]!.fields).toMatchObject({ involvedObject: 'Pod media/sonarr-dd4cb4f69-8kmhv', source: 'kubelet', count: '5' });
    expect(events[2]!.fields.source).toBe('default-scheduler');
    // the kubelet reporting about a pod is the kubelet of its node; the scheduler is not on it
    expect(events.map((r) => r.host)).toEqual(['k8s03', 'k8s03', undefined, 'k8s03']);
    expect(events[0]!.fields.host_from).toBe('describe Node: (a kubelet event about the pod)');
    const text_ = cap.records.filter((r) => !r.fields.what).map((r) => r.message);
    expect(text_).toContain('Status:           Pending');
    expect(text_).toContain('Events:           <none>');
    expect(cap.diags.map((d) => d.code)).toEqual(['parse/kubectl-table-text']);
  });
});

describe('kubectl get pods tables', () => {
  it('reads -A -o wide rows into Pod objects the state model can join by node', () => {
    const lines = get([
      ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
      ['media', 'sonarr-dd4cb4f69-8kmhv', '0/1', 'ContainerCreating', '0', '12m', '<none>', 'k8s03', '<none>', '<none>'],
      ['openebs', 'pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd-ctrl-75854597dc-pr4kt', '2/2', 'Running', '0', '6h12m', '10.1.236.77', 'k8s03', '<none>', '<none>'],
      ['openebs', 'openebs-localpv-provisioner-6b8c8d8f9-x2x9q', '1/1', 'Running', '697 (3m ago)', '5d6h', '10.1.73.140', 'k8s02', '<none>', '<none>'],
    ]);
    const cap = run(kubectlTableFormat, lines.join('\n'), 'pods-wide.txt', {}, { snapshotTime: Date.UTC(2026, 2, 30, 3) * 1000 });
    expect(cap.objects.map((o) => [o.namespace, o.name, (o.body.spec as { nodeName?: string }).nodeName])).toEqual([
      ['media', 'sonarr-dd4cb4f69-8kmhv', 'k8s03'],
      ['openebs', 'pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd-ctrl-75854597dc-pr4kt', 'k8s03'],
      ['openebs', 'openebs-localpv-provisioner-6b8c8d8f9-x2x9q', 'k8s02'],
    ]);
    // a -A table lists every pod (a List id); the node column is the host
    expect(cap.objects[0]).toMatchObject({ list: 'pods-wide.txt:1', host: 'k8s03', hostFrom: 'NODE column' });
    expect(cap.objects[0]!.snapshotTime).toBeUndefined();
    const status = cap.records.filter((r) => r.fields.what === 'table-status').map((r) => r.message);
    expect(status).toEqual([
      'Pod media/sonarr-dd4cb4f69-8kmhv status ContainerCreating (ready 0/1, restarts 0, node k8s03)',
      'Pod openebs/pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd-ctrl-75854597dc-pr4kt status Running (ready 2/2, restarts 0, node k8s03)',
      'Pod openebs/openebs-localpv-provisioner-6b8c8d8f9-x2x9q status Running (ready 1/1, restarts 697 (3m ago), node k8s02)',
    ]);
    const created = cap.records.find((r) => r.fields.what === 'created' && r.fields.name!.startsWith('openebs-localpv'))!;
    expect(created.stamp).toEqual({ kind: 'age', seconds: 5 * 86400 + 6 * 3600, errorSeconds: 3600, text: '5d6h' });
    const state = buildClusterState(cap.objects, []);
    const k8s03 = state.objects('Pod').filter((p) => (p.body.spec as { nodeName?: string }).nodeName === 'k8s03');
    expect(k8s03).toHaveLength(2);
  });

  it('reads plain get pods (no namespace, no node) and sniffs every table kind', () => {
    const lines = get([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['dependency-track-api-server-0', '0/1', 'CrashLoopBackOff', '501 (4m ago)', '6d'],
    ]);
    const cap = run(kubectlTableFormat, lines.join('\n'), 'p.txt');
    expect(cap.objects[0]!.name).toBe('dependency-track-api-server-0');
    expect(cap.objects[0]!.namespace).toBeUndefined();
    expect(cap.records.at(-1)!.message).toBe('Pod dependency-track-api-server-0 status CrashLoopBackOff (ready 0/1, restarts 501 (4m ago))');
    for (const s of kubectlTableFormat.meta.samples.filter((x) => /TYPE|Type|READY/.test(x))) expect(kubectlTableFormat.sniff([s])).toBeGreaterThan(0.8);
    expect(kubectlTableFormat.sniff(['May 28 21:20:14 k8s03 kernel: NAME READY'])).toBe(0);
  });
});

describe('kubectl ages', () => {
  it('parses HumanDuration forms with the last unit as the error bar', () => {
    expect(parseAge('0s')).toEqual({ kind: 'age', seconds: 0, errorSeconds: 1, text: '0s' });
    expect(parseAge('3y20d')).toMatchObject({ seconds: 3 * 365 * 86400 + 20 * 86400, errorSeconds: 86400 });
    expect(parseAge('<invalid>')).toBeUndefined();
    expect(parseAge('<unknown>')).toBeUndefined();
    expect(parseAgeInterval('2m (x5 over 10m)')).toMatchObject({ count: 5, last: { seconds: 120 }, first: { seconds: 600 } });
  });
});
