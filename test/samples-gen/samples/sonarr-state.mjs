// Sample 2026-03-30-sonarr-hairpin: kubectl snapshot at 19:49:10 AEST, describe and events.
import { Cluster, JIVA_REP_CONTAINERS, JIVA_CTRL_CONTAINERS } from '../lib/cluster.mjs';
import { Rng } from '../lib/rng.mjs';
import { at, MIN, DAY, human } from '../lib/time.mjs';
import { list, pod, pv as pvObj, pvc as pvcObj, ctrlService } from '../lib/k8s.mjs';
import { rolesFor } from '../lib/kubectl.mjs';
import { eventsBlock, rfc1123z, table } from '../lib/text.mjs';

const T = (h, mi, s, us = 0) => at(2026, 3, 30, h, mi, s, us, 10);
const SNAP = T(19, 49, 10);
export const V = { key: 'sonarr', pv: 'pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd', ip: '10.152.183.62', csi: false, ns: 'media', claim: 'sonarr-config' };
const r0 = new Rng('seed-004', 'names');
export const CTRL = { name: `${V.pv}-ctrl-75854597dc-pr4kt`, uid: r0.uuid() };
export const CTRL2 = { name: `${V.pv}-ctrl-75854597dc-${r0.sfx(5)}`, uid: r0.uuid() };
export const SONARR = { name: 'sonarr-dd4cb4f69-8kmhv', uid: r0.uuid() };
export const SONARR2 = { name: `sonarr-dd4cb4f69-${r0.sfx(5)}`, uid: r0.uuid() };
export const SONARR3 = { name: 'sonarr-dd4cb4f69-k929r', uid: r0.uuid() };
const OLD_K8S01 = { name: `sonarr-dd4cb4f69-${r0.sfx(5)}`, uid: r0.uuid() };
const DEVICE = `/dev/disk/by-path/ip-${V.ip}:3260-iscsi-iqn.2016-09.com.openebs.jiva:${V.pv}-lun-0`;

// legacy OpenEBS control plane; restart counts as in the seed's table
const STORM = [['openebs-localpv-provisioner', 'docker.io/openebs/provisioner-localpv:3.5.0', 'k8s02', 697], ['openebs-snapshot-operator', 'docker.io/openebs/snapshot-controller:3.5.0', 'k8s02', 184],
  ['openebs-provisioner', 'docker.io/openebs/openebs-k8s-provisioner:3.5.0', 'k8s02', 110], ['openebs-ndm-operator', 'docker.io/openebs/node-disk-operator:2.1.0', 'k8s02', 76], ['openebs-apiserver', 'docker.io/openebs/m-apiserver:3.5.0', 'k8s01', 77]];

export function buildCluster(seed) {
  const cl = new Cluster(seed, SNAP);
  const r = cl.r;
  cl.addApps(['sonarr']);
  cl.addJobs(2);
  cl.storm = STORM.map(([app, image, n, restarts]) => { const hash = r.sfx(10); return cl.add({ ns: 'openebs', name: `${app}-${hash}-${r.sfx(5)}`, node: n, app, ownerKind: 'ReplicaSet', ownerName: `${app}-${hash}`, containers: [[app, image, 0]], restarts, state: 'degraded', created: SNAP - 41 * DAY, extra: { readySince: SNAP - r.range(3, 50) * MIN, lastCid: r.hex(64), lastExit: { exitCode: 1, reason: 'Error' } } }); });
  const labels = { 'openebs.io/cas-type': 'jiva', 'openebs.io/persistent-volume': V.pv };
  cl.ctrl = cl.add({ ns: 'openebs', name: CTRL.name, uid: CTRL.uid, node: 'k8s03', app: 'jiva-ctrl', ownerKind: 'ReplicaSet', ownerName: `${V.pv}-ctrl-75854597dc`, containers: JIVA_CTRL_CONTAINERS, restarts: 0, created: T(13, 31, 7), labels: { ...labels, 'openebs.io/controller': 'jiva-controller' } });
  cl.reps = [['k8s02', 6], ['k8s01', 0], ['k8s03', 3]].map(([n, restarts], i) => { const hash = r.sfx(10); return cl.add({ ns: 'openebs', name: `${V.pv}-rep-${i + 1}-${hash}-${r.sfx(5)}`, node: n, app: 'jiva-rep', ownerKind: 'ReplicaSet', ownerName: `${V.pv}-rep-${i + 1}-${hash}`, containers: JIVA_REP_CONTAINERS, restarts, created: SNAP - 12 * DAY, labels: { ...labels, 'openebs.io/replica': 'jiva-replica' } }); });
  cl.sonarr = cl.add({ ns: 'media', name: SONARR.name, uid: SONARR.uid, ip: null, node: 'k8s03', app: 'sonarr', ownerKind: 'ReplicaSet', ownerName: 'sonarr-dd4cb4f69', containers: [['sonarr', 'lscr.io/linuxserver/sonarr:4.0.14', 8989]], state: 'creating', pvcs: [V.claim], created: T(19, 18, 37), restarts: 0 });
  V.pvUid = r.uuid(); V.pvcUid = r.uuid(); V.svcUid = r.uuid();
  return cl;
}

export function addState(ev, cl) {
  const pods = [...cl.pods].sort((a, b) => (`${a.ns}/${a.name}` < `${b.ns}/${b.name}` ? -1 : 1));
  const text = list(pods.map((p) => pod(p, SNAP)));
  ev.blob('kubectl/pods.json', text, rolesFor(text, pods, (p) => (p === cl.sonarr ? { role: 'context', keys: [/ContainerCreating|"nodeName": "k8s03"/] } : p === cl.ctrl ? { role: 'context', keys: [/"nodeName": "k8s03"/] } : cl.storm.includes(p) ? { role: 'decoy', keys: [/"restartCount": (697|184|110|76|77)/] } : null)));
  ev.blob('kubectl/pvc.json', list([pvcObj(V.ns, V.claim, V.pv, 'openebs-jiva-default', V.pvcUid, SNAP - 160 * DAY)]));
  ev.blob('kubectl/pv.json', list([pvObj(V, SNAP - 160 * DAY)]));
  const svc = list([ctrlService(V, SNAP - 160 * DAY)]);
  ev.blob('kubectl/services-openebs.json', svc, (l) => (/"clusterIP": "10\.152\.183\.62"/.test(l) ? 'signal' : 'noise'));
  ev.blob(`kubectl/describe-pod-${SONARR.name}.txt`, describe(cl), (l) => (/Discovery Address|failed to receive a PDU|reopen_max|WaitForAttach failed/.test(l) ? 'signal' : /ContainerCreating|^Node:|FailedMount/.test(l) ? 'context' : 'noise'));
  ev.blob('kubectl/events-media.txt', mediaEvents(), (l) => (/fsck found errors/.test(l) ? 'decoy' : /failed to receive a PDU|WaitForAttach failed|Discovery Address|reopen_max/.test(l) ? 'signal' : new RegExp(OLD_K8S01.name).test(l) ? 'context' : 'noise'));
  ev.blob('kubectl/events-nodes.txt', nodeEvents(), (l) => (/ImageGCFailed|FreeDiskSpaceFailed/.test(l) ? 'decoy' : 'noise'));
}

const pduMsg = `MountVolume.WaitForAttach failed for volume "${V.pv}" : failed to get any path for iscsi disk, last err seen:`;
const pduRest = [`iscsi: failed to sendtargets to portal ${V.ip}:3260 output: iscsiadm: Connection to Discovery Address ${V.ip} failed`, 'iscsiadm: Login I/O error, failed to receive a PDU', 'iscsiadm: connection login retries (reopen_max) 5 exceeded', 'iscsiadm: No portals found', ', err exit status 21'];

function describe(cl) {
  const p = cl.sonarr;
  const ev = eventsBlock(SNAP, [
    { type: 'Normal', reason: 'Scheduled', first: T(19, 18, 37), from: 'default-scheduler', message: `Successfully assigned media/${p.name} to k8s03` },
    { type: 'Normal', reason: 'SuccessfulAttachVolume', first: T(19, 18, 38), from: 'attachdetach-controller', message: `AttachVolume.Attach succeeded for volume "${V.pv}"` },
    { type: 'Warning', reason: 'FailedMount', first: T(19, 20, 41), last: T(19, 47, 14), count: 13, from: 'kubelet', message: `Unable to attach or mount volumes: unmounted volumes=[config], unattached volumes=[config ${p.saVol}]: timed out waiting for the condition` },
    { type: 'Warning', reason: 'FailedMount', first: T(19, 18, 57), last: T(19, 47, 58), count: 16, from: 'kubelet', message: pduMsg },
  ]);
  return ['Name:             sonarr-dd4cb4f69-8kmhv', 'Namespace:        media', 'Priority:         0', 'Service Account:  default', 'Node:             k8s03/172.22.22.9', `Start Time:       ${rfc1123z(p.created, 10)}`,
    'Labels:           app.kubernetes.io/name=sonarr', '                  pod-template-hash=dd4cb4f69', 'Annotations:      <none>', 'Status:           Pending', 'IP:               ', 'IPs:              <none>', 'Controlled By:    ReplicaSet/sonarr-dd4cb4f69',
    'Containers:', '  sonarr:', '    Container ID:   ', '    Image:          lscr.io/linuxserver/sonarr:4.0.14', '    Image ID:       ', '    Port:           8989/TCP', '    Host Port:      0/TCP', '    State:          Waiting', '      Reason:       ContainerCreating', '    Ready:          False', '    Restart Count:  0',
    '    Readiness:      http-get http://:8989/ping delay=10s timeout=5s period=10s #success=1 #failure=3', '    Environment:', '      PUID:  1000', '      PGID:  1000', '      TZ:    Australia/Brisbane', '    Mounts:', '      /config from config (rw)', `      /var/run/secrets/kubernetes.io/serviceaccount from ${p.saVol} (ro)`,
    'Conditions:', '  Type                        Status', '  PodReadyToStartContainers   False ', '  Initialized                 True ', '  Ready                       False ', '  ContainersReady             False ', '  PodScheduled                True ',
    'Volumes:', '  config:', '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', `    ClaimName:  ${V.claim}`, '    ReadOnly:   false',
    'QoS Class:                   BestEffort', 'Node-Selectors:              <none>', 'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s', '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
    ...ev, ...pduRest].join('\n') + '\n';
}

/** kubectl get events -n media (default columns), captured with the snapshot. */
function mediaEvents() {
  const rows = [['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
  const ago = (t) => human(SNAP - t);
  rows.push([ago(T(18, 34, 52)), 'Warning', 'Unhealthy', `pod/${OLD_K8S01.name}`, 'Readiness probe failed: Get "http://10.1.73.92:8989/ping": context deadline exceeded (Client.Timeout exceeded while awaiting headers)']);
  rows.push([ago(T(18, 41, 6)), 'Warning', 'FailedMount', `pod/${OLD_K8S01.name}`, `MountVolume.WaitForAttach failed for volume "${V.pv}" : fsck found errors on device ${DEVICE} but could not correct them`]);
  rows.push([ago(T(18, 52, 30)), 'Normal', 'Killing', `pod/${OLD_K8S01.name}`, 'Stopping container sonarr']);
  rows.push([ago(T(19, 18, 37)), 'Normal', 'Scheduled', `pod/${SONARR.name}`, `Successfully assigned media/${SONARR.name} to k8s03`]);
  rows.push([ago(T(19, 18, 38)), 'Normal', 'SuccessfulAttachVolume', `pod/${SONARR.name}`, `AttachVolume.Attach succeeded for volume "${V.pv}"`]);
  rows.push([ago(T(19, 47, 58)), 'Warning', 'FailedMount', `pod/${SONARR.name}`, pduMsg]);
  rows.push([ago(T(19, 18, 37)), 'Normal', 'SuccessfulCreate', 'replicaset/sonarr-dd4cb4f69', `Created pod: ${SONARR.name}`]);
  rows.push([ago(T(19, 12, 5)), 'Normal', 'Pulled', 'pod/prowlarr-7b6c9d8f5c-xq2vd', 'Container image "lscr.io/linuxserver/prowlarr:1.21.2" already present on machine']);
  const lines = table(rows);
  // the PDU message continues on lines of its own, as kubectl prints an event message with newlines
  const i = lines.findIndex((l) => l.includes(pduMsg));
  lines.splice(i + 1, 0, ...pduRest);
  return lines.join('\n') + '\n';
}

/** kubectl get events -A --field-selector involvedObject.kind=Node -o wide (k8s02 disk pressure). */
function nodeEvents() {
  const rows = [['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']];
  rows.push(['default', '2m31s', 'Warning', 'ImageGCFailed', 'node/k8s02', '', 'kubelet, k8s02', 'Failed to garbage collect required amount of images. Attempted to free 6284113920 bytes, but only found 0 bytes eligible to free.', '34d', '9747', 'k8s02.17f2a4c9d0b31e55']);
  rows.push(['default', '7m31s', 'Warning', 'FreeDiskSpaceFailed', 'node/k8s02', '', 'kubelet, k8s02', 'Failed to garbage collect required amount of images. Attempted to free 6279045120 bytes, but only found 0 bytes eligible to free.', '34d', '9744', 'k8s02.17f2a4c9cf70a812']);
  rows.push(['default', '3d4h', 'Normal', 'NodeHasSufficientMemory', 'node/k8s03', '', 'kubelet, k8s03', 'Node k8s03 status is now: NodeHasSufficientMemory', '9d', '4', 'k8s03.17f1f0b2a86c1d47']);
  return table(rows).join('\n') + '\n';
}


