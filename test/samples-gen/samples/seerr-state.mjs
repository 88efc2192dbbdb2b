// Sample 2026-06-17-seerr-stale-attachment: cluster state and pasted command output.
// kubectl-2104/ = the old pod at 21:04:57 (before the force delete); kubectl/ = 21:08:40.
import { Cluster, addJivaVolume } from '../lib/cluster.mjs';
import { Rng } from '../lib/rng.mjs';
import { at, SEC, MIN, DAY, isoOffUs } from '../lib/time.mjs';
import { list, bare, pod, pv as pvObj, pvc as pvcObj, jivaVolume } from '../lib/k8s.mjs';
import { rolesFor } from '../lib/kubectl.mjs';
import { eventsBlock, rfc1123z } from '../lib/text.mjs';

const T = (d, h, mi, s, us = 0) => at(2026, 6, d, h, mi, s, us, 10);
const SNAP_OLD = T(17, 21, 4, 57);
const SNAP = T(17, 21, 8, 40);
export const OLD_UID = 'c077fce2-2dd4-4ea7-8d2e-78084d84a518';
export const CID = 'de45ec18c272b56a76c3e32ed25475da1f99d0ac7a5d398f6f7a2ed124bea08a';
export const S = { key: 'seerr', pv: 'pvc-746b2837-ca3c-4b95-9168-7b767573f799', ip: '10.152.183.57', csi: true, ns: 'media', claim: 'seerr-seerr-chart-config' };
const BC = { key: 'borked-craft', pv: 'pvc-eaa33b86-5f2e-4c71-9a0b-3d6e18c4f702', ip: '10.152.183.171', csi: true, ns: 'minecraft', claim: 'borked-craft-minecraft-datadir', size: '5Gi' };
const RESTIC = { key: 'restic', pv: 'pvc-0d93b1f4-6c2a-4e8b-b7d1-52a9e0c6f3d8', ip: '10.152.183.113', csi: true, ns: 'velero', claim: 'restic-repo', size: '20Gi' };
const GLOBAL = (v) => `/var/snap/microk8s/common/var/lib/kubelet/plugins/kubernetes.io/csi/jiva.csi.openebs.io/${v.hashPath}/globalmount`;
const DEVICE = (v) => `/dev/disk/by-path/ip-${v.ip}:3260-iscsi-iqn.2016-09.com.openebs.jiva:${v.pv}-lun-0`;
S.hashPath = '82405009b624d9c105b769c82f275dc4d6d356c5e0df5ac9c0d04766f89db002';

const SEERR_IMG = 'ghcr.io/seerr-team/seerr:v3.3.0';

export function buildCluster(seed) {
  const cl = new Cluster(seed, SNAP);
  const r = cl.r;
  cl.addApps();
  cl.addJobs(2);
  BC.hashPath = r.hex(64); RESTIC.hashPath = r.hex(64);
  for (const v of [S, BC, RESTIC]) { v.pvUid = r.uuid(); v.pvcUid = r.uuid(); v.jvUid = r.uuid(); }
  addJivaVolume(cl, { ...S, ctrlNode: 'k8s02', repNodes: ['k8s01', 'k8s02', 'k8s03'] });
  S.ctrl = cl.pods[cl.pods.length - 4];
  addJivaVolume(cl, { ...BC, ctrlNode: 'k8s01', repNodes: ['k8s01', 'k8s02', 'k8s03'] });
  addJivaVolume(cl, { ...RESTIC, ctrlNode: 'k8s03', repNodes: ['k8s01', 'k8s02', 'k8s03'] });
  cl.add({ ns: 'minecraft', name: 'borked-craft-minecraft-0', node: 'k8s03', app: 'borked-craft-minecraft', ownerKind: 'StatefulSet', ownerName: 'borked-craft-minecraft', containers: [['minecraft', 'docker.io/itzg/minecraft-server:2024.7.2', 25565]], pvcs: [BC.claim], created: T(6, 1, 12, 40) });
  cl.newSeerr = cl.add({ ns: 'media', name: 'seerr-seerr-chart-0', node: 'k8s01', app: 'seerr', ownerKind: 'StatefulSet', ownerName: 'seerr-seerr-chart', containers: [['seerr', SEERR_IMG, 5055]], pvcs: [S.claim], state: 'creating', ip: null, created: T(17, 21, 5, 9, 0), restarts: 0 });
  cl.old = { uid: OLD_UID, created: T(12, 8, 40, 51), started: T(12, 8, 41, 12), finished: T(17, 21, 2, 1), deletion: T(17, 21, 2, 30) };
  cl.finalUid = r.uuid();
  cl.csiNode = cl.find((p) => p.app === 'openebs-jiva-csi-node' && p.node === 'k8s01');
  cl.csiNodeNew = `openebs-jiva-csi-node-${r.sfx(5)}`;
  return cl;
}

export function addState(ev, cl) {
  const r = new Rng('seed-000', 'state');
  // --- 21:04:57: the old pod, Failed with a deletionTimestamp, container gone from containerd
  const old = { ...cl.newSeerr, uid: OLD_UID, node: 'k8s03', ip: '10.1.237.118', state: 'failed-terminating', created: cl.old.created, started: cl.old.started, containers: [{ ...cl.newSeerr.containers[0], cid: CID, image: 'ghcr.io/seerr-team/seerr:v3.2.0', restarts: 0 }], extra: { finished: cl.old.finished, deletionTimestamp: cl.old.deletion } };
  const oldText = bare(pod(old, SNAP_OLD));
  ev.blob('kubectl-2104/pod-seerr-seerr-chart-0.json', oldText, (l) => (/"deletionTimestamp"|"phase": "Failed"|de45ec18/.test(l) ? 'signal' : /^ {8}"(name|namespace)": /.test(l) ? 'context' : 'noise'));
  ev.blob('kubectl-2104/describe-pod-seerr-seerr-chart-0.txt', describeOld(old), (l) => (/Terminating|de45ec18|Exit Code|Finished/.test(l) ? 'signal' : /^(Name|Namespace|Node):/.test(l) ? 'context' : 'noise'));
  // --- 21:08:40: pods, JivaVolumes, PVs, PVCs, and the new pod described
  const pods = [...cl.pods].sort((a, b) => (`${a.ns}/${a.name}` < `${b.ns}/${b.name}` ? -1 : 1));
  const podsText = list(pods.map((p) => pod(p, SNAP)));
  ev.blob('kubectl/pods.json', podsText, rolesFor(podsText, pods, (p) => (p === cl.newSeerr ? { role: 'context', keys: [/ContainerCreating|"nodeName": "k8s01"/] } : p === S.ctrl ? { role: 'context', keys: [] } : null)));
  const jvs = [
    jivaVolume(S, T(12, 8, 40, 20) - 120 * DAY, { nodeID: 'k8s03', mountInfo: { devicePath: DEVICE(S), fsType: 'ext4', stagingPath: GLOBAL(S), targetPath: `/var/snap/microk8s/common/var/lib/kubelet/pods/${OLD_UID}/volumes/kubernetes.io~csi/${S.pv}/mount` }, replicas: replicas(cl, S) }),
    jivaVolume(BC, T(6, 1, 10, 2) - 30 * DAY, { nodeID: 'k8s03', mountInfo: { devicePath: DEVICE(BC), fsType: 'ext4', nodeID: 'k8s03', stagingPath: GLOBAL(BC), targetPath: `/var/snap/microk8s/common/var/lib/kubelet/pods/${cl.find((p) => p.app === 'borked-craft-minecraft').uid}/volumes/kubernetes.io~csi/${BC.pv}/mount` }, replicas: replicas(cl, BC) }),
    jivaVolume(RESTIC, T(2, 3, 0, 0) - 200 * DAY, { mountInfo: { devicePath: '', fsType: '', stagingPath: '', targetPath: '' }, replicas: replicas(cl, RESTIC) }),
  ];
  const jvText = list(jvs);
  ev.blob('kubectl/jivavolumes.json', jvText, rolesFor(jvText, [S, BC, RESTIC], (v) => (v === S ? { role: 'context', keys: [/"nodeID": "k8s03"|"stagingPath": "\/var|"devicePath": "\/dev|"targetPath": "\/var/] } : null)));
  const vols = [S, BC, RESTIC];
  ev.blob('kubectl/pvc.json', list(vols.map((v) => pvcObj(v.ns, v.claim, v.pv, 'openebs-jiva-csi-default', v.pvcUid, T(1, 9, 0, 0) - r.range(30, 200) * DAY, v.size ?? '1Gi'))));
  ev.blob('kubectl/pv.json', list(vols.map((v) => pvObj(v, T(1, 9, 0, 0) - r.range(30, 200) * DAY))));
  ev.blob('kubectl/describe-pod-seerr-seerr-chart-0.txt', describeNew(cl), (l) => (/already mounted at more than one place/.test(l) ? 'signal' : /ContainerCreating|^Node:/.test(l) ? 'context' : 'noise'));
  pasted(ev, cl);
}

function replicas(cl, v) {
  return cl.pods.filter((p) => p.app === 'jiva-rep' && p.extra.volume?.pv === v.pv).map((p) => ({ address: `tcp://${p.ip}:9502`, mode: 'RW' }));
}

function describeOld(p) {
  const c = p.containers[0];
  return [
    'Name:                      seerr-seerr-chart-0', 'Namespace:                 media', 'Priority:                  0', 'Service Account:           default',
    'Node:                      k8s03/172.22.22.9', `Start Time:                ${rfc1123z(p.created, 10)}`,
    'Labels:                    app.kubernetes.io/instance=seerr', '                           app.kubernetes.io/name=seerr-chart', '                           apps.kubernetes.io/pod-index=0', '                           statefulset.kubernetes.io/pod-name=seerr-seerr-chart-0',
    'Annotations:               <none>', `Status:                    Terminating (lasts 2m27s)`, 'Termination Grace Period:  30s', 'IP:                        10.1.237.118', 'IPs:', '  IP:           10.1.237.118', 'Controlled By:  StatefulSet/seerr-seerr-chart',
    'Containers:', '  seerr:', `    Container ID:   containerd://${CID}`, `    Image:          ${c.image}`, `    Image ID:       ghcr.io/seerr-team/seerr@${c.imageId}`, '    Port:           5055/TCP', '    Host Port:      0/TCP',
    '    State:          Terminated', '      Reason:       Error', '      Exit Code:    1', `      Started:      ${rfc1123z(p.started, 10)}`, `      Finished:     ${rfc1123z(p.extra.finished, 10)}`,
    '    Ready:          False', '    Restart Count:  0', '    Environment:', '      TZ:  Australia/Brisbane', '    Mounts:', '      /app/config from config (rw)', `      /var/run/secrets/kubernetes.io/serviceaccount from ${p.saVol} (ro)`,
    'Conditions:', '  Type                        Status', '  PodReadyToStartContainers   False ', '  Initialized                 True ', '  Ready                       False ', '  ContainersReady             False ', '  PodScheduled                True ',
    'Volumes:', '  config:', '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', `    ClaimName:  ${S.claim}`, '    ReadOnly:   false',
    'QoS Class:                   BestEffort', 'Node-Selectors:              <none>', 'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s', '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
    ...eventsBlock(SNAP_OLD, [{ type: 'Normal', reason: 'Killing', first: T(17, 21, 2, 30), from: 'kubelet', message: 'Stopping container seerr' }]),
  ].join('\n') + '\n';
}

function describeNew(cl) {
  const p = cl.newSeerr;
  const msg = (info) => `MountVolume.MountDevice failed for volume "${S.pv}" : rpc error: code = FailedPrecondition desc = volume {${S.pv}} is already mounted at more than one place: ${info}`;
  return [
    'Name:             seerr-seerr-chart-0', 'Namespace:        media', 'Priority:         0', 'Service Account:  default', 'Node:             k8s01/172.22.22.6', `Start Time:       ${rfc1123z(p.created, 10)}`,
    'Labels:           app.kubernetes.io/instance=seerr', '                  app.kubernetes.io/name=seerr-chart', '                  apps.kubernetes.io/pod-index=0', '                  statefulset.kubernetes.io/pod-name=seerr-seerr-chart-0',
    'Annotations:      <none>', 'Status:           Pending', 'IP:               ', 'IPs:              <none>', 'Controlled By:    StatefulSet/seerr-seerr-chart',
    'Containers:', '  seerr:', '    Container ID:   ', `    Image:          ${SEERR_IMG}`, '    Image ID:       ', '    Port:           5055/TCP', '    Host Port:      0/TCP', '    State:          Waiting', '      Reason:       ContainerCreating',
    '    Ready:          False', '    Restart Count:  0', '    Environment:', '      TZ:  Australia/Brisbane', '    Mounts:', '      /app/config from config (rw)', `      /var/run/secrets/kubernetes.io/serviceaccount from ${p.saVol} (ro)`,
    'Conditions:', '  Type                        Status', '  PodReadyToStartContainers   False ', '  Initialized                 True ', '  Ready                       False ', '  ContainersReady             False ', '  PodScheduled                True ',
    'Volumes:', '  config:', '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', `    ClaimName:  ${S.claim}`, '    ReadOnly:   false',
    'QoS Class:                   BestEffort', 'Node-Selectors:              <none>', 'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s', '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
    ...eventsBlock(SNAP, [
      { type: 'Normal', reason: 'Scheduled', first: T(17, 21, 5, 9), from: 'default-scheduler', message: 'Successfully assigned media/seerr-seerr-chart-0 to k8s01' },
      { type: 'Normal', reason: 'SuccessfulAttachVolume', first: T(17, 21, 5, 10), from: 'attachdetach-controller', message: `AttachVolume.Attach succeeded for volume "${S.pv}"` },
      { type: 'Warning', reason: 'FailedMount', first: T(17, 21, 5, 11), last: T(17, 21, 7, 20), count: 8, from: 'kubelet', message: msg(`{{${GLOBAL(S)} ext4 ${DEVICE(S)}}}`) },
    ]),
  ].join('\n') + '\n';
}

function pasted(ev, cl) {
  // crictl on k8s03 at 21:04:30, findmnt at 21:07:41, iscsiadm -m session at 21:10:50
  ev.blob('k8s03/crictl-logs-de45ec18.txt', [
    `ubuntu@k8s03:~$ sudo crictl logs ${CID}`,
    `E0617 21:04:30.452118 2418840 log.go:32] "ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an error occurred when try to find container \\"${CID}\\": not found" containerID="${CID}"`,
    `FATA[0000] rpc error: code = NotFound desc = an error occurred when try to find container "${CID}": not found `,
  ].join('\n') + '\n', (l, i) => (i === 0 ? 'context' : 'signal'));
  const bc = cl.find((p) => p.app === 'borked-craft-minecraft');
  ev.blob('k8s03/findmnt-746b2837.txt', [
    'ubuntu@k8s03:~$ sudo findmnt | grep 746b2837',
    `│ ├─${GLOBAL(S)}                                                                       /dev/sdb                      ext4        rw,relatime`,
    `│ ├─/var/snap/microk8s/common/var/lib/kubelet/pods/${OLD_UID}/volumes/kubernetes.io~csi/${S.pv}/mount   /dev/sdb                      ext4        rw,relatime`,
  ].join('\n') + '\n', (l, i) => (i === 0 ? 'context' : 'signal'));
  ev.blob('k8s03/iscsiadm-session.txt', [
    'ubuntu@k8s03:~$ sudo iscsiadm -m session',
    `tcp: [3] ${BC.ip}:3260,1 iqn.2016-09.com.openebs.jiva:${BC.pv} (non-flash)`,
    `tcp: [5] ${S.ip}:3260,1 iqn.2016-09.com.openebs.jiva:${S.pv} (non-flash)`,
  ].join('\n') + '\n', (l, i) => (i === 2 ? 'signal' : i === 0 ? 'context' : 'noise'));
  void bc;
  // the seerr controller's log (kubectl logs -c jiva-controller --since=40m), UTC logrus
  const ctrl = S.ctrl;
  const L = (t, lvl, msg) => `time="${isoOffUs(t, 0, true).replace(/\.\d+Z$/, 'Z')}" level=${lvl} msg="${msg}"`;
  const lines = [
    [T(17, 21, 11, 20, 208443), 'info', 'Logout request received from initiator: 172.22.22.9:35104', 'signal'],
    [T(17, 21, 11, 20, 209017), 'warning', 'iscsi connection[0] closed', 'context'],
    [T(17, 21, 31, 4, 12330), 'info', `connection establishing at: ${ctrl.ip}:3260`, 'context'],
    [T(17, 21, 31, 4, 12801), 'info', 'Target is connected to initiator: 172.22.22.6:51792', 'context'],
    [T(17, 21, 31, 4, 40217), 'warning', 'iscsi connection[0] closed', 'context'],
    [T(17, 21, 31, 4, 61882), 'info', `connection establishing at: ${ctrl.ip}:3260`, 'context'],
    [T(17, 21, 31, 4, 62240), 'info', 'Target is connected to initiator: 172.22.22.6:51806', 'context'],
  ];
  ev.blob(`kubectl-logs/${ctrl.name}.jiva-controller.log`, lines.map(([t, lvl, msg]) => L(t, lvl, msg)).join('\n') + '\n', (l, i) => lines[i][3]);
  void SEC; void MIN;
}
