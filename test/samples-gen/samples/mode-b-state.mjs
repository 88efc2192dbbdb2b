// Sample 2026-08-06-mode-b-dqlite-storm: kubectl snapshot at 10:20 UTC on 6 August (20:20 AEST):
// every node Ready, the Jiva controllers Running, the JivaVolumes Ready/RW, readarr crash-looping.
import { Cluster, addJivaVolume } from '../lib/cluster.mjs';
import { Rng } from '../lib/rng.mjs';
import { at, SEC, MIN, DAY } from '../lib/time.mjs';
import { list, pod, nodeObj, jivaVolume, pv as pvObj, pvc as pvcObj } from '../lib/k8s.mjs';
import { rolesFor } from '../lib/kubectl.mjs';

const U = (d, h, mi, s, us = 0) => at(2026, 8, d, h, mi, s, us, 0);
const SNAP = U(6, 10, 20, 0);
const vol = (o) => ({ blocks: 2097152, ...o, hostNo: o.sid + 2, sectors: [2099200 + o.sid * 4096, 4196352 + o.sid * 512] });
export const VOLS = {
  seerr: vol({ key: 'seerr', pv: 'pvc-746b2837-ca3c-4b95-9168-7b767573f799', ip: '10.152.183.57', csi: true, ns: 'media', claim: 'seerr-seerr-chart-config', sid: 20, dev: 'sdb', node: 'k8s02', app: 'seerr' }),
  radarr: vol({ key: 'radarr', pv: 'pvc-a634b9a3-fdaa-4b45-9dc3-2486e716d755', ip: '10.152.183.80', csi: false, ns: 'media', claim: 'radarr-config', sid: 21, dev: 'sdc', node: 'k8s02', app: 'radarr' }),
  readarr: vol({ key: 'readarr', pv: 'pvc-3f8d2c61-9e4b-47a0-b5c3-1d7e6f9a2b08', ip: '10.152.183.119', csi: false, ns: 'media', claim: 'readarr-config', sid: 22, dev: 'sde', node: 'k8s02', app: 'readarr' }),
  sonarr: vol({ key: 'sonarr', pv: 'pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd', ip: '10.152.183.62', csi: false, ns: 'media', claim: 'sonarr-config', sid: 23, dev: 'sdd', node: 'k8s02', app: 'sonarr' }),
  survive: vol({ key: 'survive', pv: 'pvc-a3a7e012-0c4d-4f4b-a1d9-5b8e2f71c036', ip: '10.152.183.22', csi: false, ns: 'minecraft', claim: 'survive-minecraft-datadir', sid: 28, dev: 'sdc', node: 'k8s03', app: 'survive-minecraft', blocks: 20971520, comm: 'java' }),
  borkedcraft: vol({ key: 'borkedcraft', pv: 'pvc-eaa33b86-5f2e-4c71-9a0b-3d6e18c4f702', ip: '10.152.183.171', csi: true, ns: 'minecraft', claim: 'borked-craft-minecraft-datadir', sid: 29, dev: 'sdg', node: 'k8s03', app: 'borked-craft-minecraft', blocks: 10485760, comm: 'java' }),
};
const CTRL_NODE = { seerr: 'k8s01', radarr: 'k8s03', readarr: 'k8s01', sonarr: 'k8s01', survive: 'k8s01', borkedcraft: 'k8s02' };
const IMG = { seerr: ['seerr', 'ghcr.io/seerr-team/seerr:v3.3.0', 5055], radarr: ['radarr', 'lscr.io/linuxserver/radarr:5.8.3', 7878], readarr: ['readarr', 'lscr.io/linuxserver/readarr:0.4.0-develop', 8787],
  sonarr: ['sonarr', 'lscr.io/linuxserver/sonarr:4.0.14', 8989], survive: ['minecraft', 'docker.io/itzg/minecraft-server:2024.7.2', 25565], borkedcraft: ['minecraft', 'docker.io/itzg/minecraft-server:2024.7.2', 25565] };

export function buildCluster(seed) {
  const cl = new Cluster(seed, SNAP);
  const r = cl.r;
  cl.addApps();
  cl.addJobs(2);
  cl.apps = {};
  for (const [k, v] of Object.entries(VOLS)) {
    Object.assign(v, { pvUid: r.uuid(), pvcUid: r.uuid(), jvUid: r.uuid() });
    addJivaVolume(cl, { ...v, ctrlNode: CTRL_NODE[k], repNodes: ['k8s01', 'k8s02', 'k8s03'], ctrlCreated: U(1, 3, 0, 0) + r.int(2 * DAY) });
    const sts = k === 'seerr' || k === 'survive' || k === 'borkedcraft';
    const hash = r.sfx(10);
    const created = U(4, 2, 10, 0) + r.int(20 * MIN);
    const crash = k === 'readarr';
    cl.apps[k] = cl.add({ ns: v.ns, name: sts ? `${v.app}-0` : `${v.app}-${hash}-${r.sfx(5)}`, node: v.node, app: v.app, ownerKind: sts ? 'StatefulSet' : 'ReplicaSet', ownerName: sts ? (k === 'seerr' ? 'seerr-seerr-chart' : v.app) : `${v.app}-${hash}`,
      containers: [IMG[k]], pvcs: [v.claim], created, restarts: crash ? 201 : 0, state: crash ? 'crashloop' : 'running', extra: crash ? { lastFinished: SNAP - 3 * MIN, runSecs: 150, exitCode: 143 } : {} });
  }
  cl.apps.seerr.name = 'seerr-seerr-chart-0';
  return cl;
}

export function addState(ev, cl) {
  const r = new Rng('mode-b', 'state');
  const pods = [...cl.pods].sort((a, b) => (`${a.ns}/${a.name}` < `${b.ns}/${b.name}` ? -1 : 1));
  const text = list(pods.map((p) => pod(p, SNAP)));
  ev.blob('kubectl/pods.json', text, rolesFor(text, pods, (p) => (p === cl.apps.readarr ? { role: 'context', keys: [/CrashLoopBackOff|back-off 5m0s/] } : null)));
  const nodes = ['k8s01', 'k8s02', 'k8s03'].map((n) => nodeObj(n, { uid: r.uuid(), created: U(1, 0, 0, 0) - 280 * DAY, since: at(2026, 7, 13, 16, 9, 0, 0, 0) + r.int(5 * MIN), heartbeat: SNAP - r.range(5, 50) * SEC, bootId: r.uuid(), machineId: r.hex(32), systemUuid: r.uuid() }));
  ev.blob('kubectl/nodes.json', list(nodes));
  const jv = ['seerr', 'borkedcraft'].map((k) => {
    const v = VOLS[k];
    const consumer = cl.apps[k];
    const global = `/var/snap/microk8s/common/var/lib/kubelet/plugins/kubernetes.io/csi/jiva.csi.openebs.io/${r.hex(64)}/globalmount`;
    return jivaVolume(v, U(1, 0, 0, 0) - r.range(40, 200) * DAY, { nodeID: v.node, status: 'RW', phase: 'Ready',
      mountInfo: { devicePath: `/dev/disk/by-path/ip-${v.ip}:3260-iscsi-iqn.2016-09.com.openebs.jiva:${v.pv}-lun-0`, fsType: 'ext4', stagingPath: global, targetPath: `/var/snap/microk8s/common/var/lib/kubelet/pods/${consumer.uid}/volumes/kubernetes.io~csi/${v.pv}/mount` },
      replicas: cl.pods.filter((p) => p.app === 'jiva-rep' && p.extra.volume?.pv === v.pv).map((p) => ({ address: `tcp://${p.ip}:9502`, mode: 'RW' })) });
  });
  const jvText = list(jv);
  ev.blob('kubectl/jivavolumes.json', jvText, rolesFor(jvText, jv, () => ({ role: 'context', keys: [/"status": "RW"|"phase": "Ready"/] })));
  const vols = Object.values(VOLS);
  ev.blob('kubectl/pvc.json', list(vols.map((v) => pvcObj(v.ns, v.claim, v.pv, v.csi ? 'openebs-jiva-csi-default' : 'openebs-jiva-default', v.pvcUid, U(1, 0, 0, 0) - 150 * DAY, v.blocks > 4e6 ? '10Gi' : '1Gi'))));
  ev.blob('kubectl/pv.json', list(vols.map((v) => pvObj({ ...v, size: v.blocks > 4e6 ? '10Gi' : '1Gi' }, U(1, 0, 0, 0) - 150 * DAY))));
}
