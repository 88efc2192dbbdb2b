// Sample 2026-06-17-seerr-stale-attachment (seed 000): a chart upgrade kills seerr on k8s03,
// containerd has already lost the container, the pod is force-deleted and its replacement on
// k8s01 cannot stage the Jiva CSI volume (stale JivaVolume nodeID/mountInfo, stale iSCSI session).
import { Evidence } from '../lib/evidence.mjs';
import { at, SEC, MIN, goTime } from '../lib/time.mjs';
import { Rng } from '../lib/rng.mjs';
import { setupNodes, finishJournal } from '../lib/node-setup.mjs';
import { iscsiLogin } from '../lib/iscsi.mjs';
import { buildCluster, addState, S, OLD_UID, CID } from './seerr-state.mjs';

export const NAME = '2026-06-17-seerr-stale-attachment';
const SEED = 'seed-000';
const T = (d, h, mi, s, us = 0) => at(2026, 6, d, h, mi, s, us, 10);
const COLLECT = T(17, 21, 41, 12, 330417);
const ROT = [T(15, 0, 0, 2, 204117), T(16, 0, 0, 2, 221870), T(17, 0, 0, 2, 198311)];
const BOOTS = { k8s01: T(5, 22, 10, 4, 118230), k8s02: T(5, 22, 14, 40, 505112), k8s03: T(5, 22, 19, 2, 331904) };
const SVC = { containerd: 1012, dqlite: 1120, iscsid: 852, multipathd: 610, networkd: 699, logind: 804, rsyslogd: 780, snapd: 896 };
const PIDS = { k8s01: { ...SVC, kubelite: 1318 }, k8s02: { ...SVC, kubelite: 1296 }, k8s03: { ...SVC, kubelite: 1341 } };
const GLOBAL = '/var/snap/microk8s/common/var/lib/kubelet/plugins/kubernetes.io/csi/jiva.csi.openebs.io/82405009b624d9c105b769c82f275dc4d6d356c5e0df5ac9c0d04766f89db002/globalmount';
const DEVICE = `/dev/disk/by-path/ip-${S.ip}:3260-iscsi-iqn.2016-09.com.openebs.jiva:${S.pv}-lun-0`;

export function build() {
  const ev = new Evidence(NAME);
  const cl = buildCluster(SEED);
  const h = setupNodes(ev, cl, { seed: SEED, off: 10, zone: 'AEST', boots: BOOTS, pids: PIDS, rotations: ROT, collectAt: COLLECT, kernFrom: T(14, 0, 0, 2, 301554),
    journalFrom: (name) => (name === 'k8s02' ? null : T(17, 20, 0, 0)), noiseFrom: T(14, 0, 0, 0), perHour: 26, currentOnly: ['k8s02'], busy: [{ from: T(17, 20, 0, 0), to: T(17, 21, 45, 0), factor: 7 }] });
  oldPod(h.k8s03, cl);
  newPod(h.k8s01, cl);
  for (const name of ['k8s01', 'k8s03']) finishJournal(h[name], 'kubelite.journal', T(5, 22, 10, 4), COLLECT - 2 * SEC);
  addState(ev, cl);
  return ev;
}

const notFound = `rpc error: code = NotFound desc = an error occurred when try to find container \\"${CID}\\": not found`;

function oldPod(h, cl) {
  const pod = 'media/seerr-seerr-chart-0';
  // the container exits at 21:02:01 (ArgoCD sync) and containerd drops its record at once
  h.klog(T(17, 21, 2, 1, 912044), 'I', 'kubelet.go:2469', `"SyncLoop (PLEG): event for pod" pod="${pod}" event={"ID":"${OLD_UID}","Type":"ContainerDied","Data":"${CID}"}`, 'context');
  h.sys(T(17, 21, 2, 1, 930117), 'microk8s.daemon-containerd', h.pid.containerd, `time="2026-06-17T21:02:01.930117482+10:00" level=info msg="shim disconnected" id=${CID} namespace=k8s.io`, 'context');
  h.sys(T(17, 21, 2, 2, 40551), 'microk8s.daemon-containerd', h.pid.containerd, `time="2026-06-17T21:02:02.040551906+10:00" level=info msg="RemoveContainer for \\"${CID}\\" returns successfully"`, 'context');
  h.klog(T(17, 21, 2, 30, 512904), 'I', 'kubelet.go:2449', `"SyncLoop DELETE" source="api" pods=["${pod}"]`, 'context');
  // every kill attempt gets NotFound until the pod is force-deleted at 21:05:08
  for (const t of [T(17, 21, 2, 30, 611302), T(17, 21, 2, 45, 702118), T(17, 21, 3, 16, 904412), T(17, 21, 4, 17, 118065)]) {
    h.sys(t, 'microk8s.daemon-containerd', h.pid.containerd, `time="${goIso(t)}" level=error msg="ContainerStatus for \\"${CID}\\" failed" error="${notFound}"`, 'signal');
    h.klog(t + 412, 'E', 'log.go:32', `"ContainerStatus from runtime service failed" err="${notFound}" containerID="${CID}"`, 'signal');
    h.klog(t + 1307, 'E', 'pod_workers.go:1301', `"Error syncing pod, skipping" err="failed to \\"KillContainer\\" for \\"seerr\\" with KillContainerError: \\"${notFound.replace(/\\"/g, '\\\\\\"')}\\"" pod="${pod}" podUID="${OLD_UID}"`, 'signal');
  }
  // the engineer's checks on k8s03
  ssh(h, T(17, 21, 3, 41, 220118), 57);
  h.sys(T(17, 21, 4, 12, 90331), 'sudo', null, `  ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/snap/bin/microk8s.ctr --namespace k8s.io containers info ${CID}`, 'context');
  h.sys(T(17, 21, 4, 30, 412007), 'sudo', null, `  ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/local/bin/crictl logs ${CID}`, 'context');
  h.klog(T(17, 21, 5, 8, 702311), 'I', 'kubelet.go:2443', `"SyncLoop REMOVE" source="api" pods=["${pod}"]`, 'context');
  h.sys(T(17, 21, 7, 41, 118402), 'sudo', null, '  ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/findmnt', 'context');
  h.sys(T(17, 21, 7, 58, 551230), 'sudo', null, `  ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/umount /var/snap/microk8s/common/var/lib/kubelet/pods/${OLD_UID}/volumes/kubernetes.io~csi/${S.pv}/mount`, 'context');
  h.sys(T(17, 21, 10, 50, 204433), 'sudo', null, '  ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/sbin/iscsiadm -m session', 'context');
  h.sys(T(17, 21, 11, 19, 880412), 'sudo', null, `  ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/sbin/iscsiadm -m node -T iqn.2016-09.com.openebs.jiva:${S.pv} -p ${S.ip}:3260 --logout`, 'context');
  h.kern(T(17, 21, 11, 20, 118330), 'sd 7:0:0:0: [sdb] Synchronizing SCSI cache', 'context');
  h.sys(T(17, 21, 11, 20, 204117), 'iscsid', h.pid.iscsid, `Connection5:0 to [target: iqn.2016-09.com.openebs.jiva:${S.pv}, portal: ${S.ip},3260] through [iface: default] is shutdown.`, 'signal');
  // the kubelet's own teardown of the old staging path completes at 21:12
  h.klog(T(17, 21, 12, 7, 331920), 'I', 'operation_generator.go:1059', `"UnmountDevice succeeded for volume \\"${S.pv}\\" (UniqueName: \\"kubernetes.io/csi/jiva.csi.openebs.io^${S.pv}\\") on node \\"k8s03\\" "`, 'context');
  void cl;
}

function goIso(t) {
  const d = new Date(Math.floor(t / 1000) + 10 * 3600e3).toISOString().slice(0, 19);
  return `${d}.${String(t % 1e6).padStart(6, '0')}418+10:00`;
}

function ssh(h, t, session) {
  const sp = 2413000 + session;
  h.sys(t, 'sshd', sp, 'Accepted publickey for ubuntu from 172.22.22.100 port 50412 ssh2: ED25519 SHA256:Vq0yR4mB8c2hN1dK7fT5uJ3wL9pX6sZ0aE2gH4iY8oQ', 'context');
  h.sys(t + 4000, 'sshd', sp, 'pam_unix(sshd:session): session opened for user ubuntu(uid=1000) by (uid=0)', 'context');
  h.sys(t + 9000, 'systemd-logind', h.pid.logind, `New session ${session} of user ubuntu.`, 'context');
}

function newPod(h, cl) {
  const p = cl.newSeerr;
  const pod = 'media/seerr-seerr-chart-0';
  h.klog(T(17, 21, 5, 10, 118992), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["${pod}"]`, 'context');
  h.klog(T(17, 21, 5, 10, 402331), 'I', 'reconciler_common.go:251', `"operationExecutor.VerifyControllerAttachedVolume started for volume \\"${S.pv}\\" (UniqueName: \\"kubernetes.io/csi/jiva.csi.openebs.io^${S.pv}\\") pod \\"seerr-seerr-chart-0\\" (UID: \\"${p.uid}\\") " pod="${pod}"`, 'context');
  const r = new Rng(SEED, 'backoff');
  let t = T(17, 21, 5, 11, 402118);
  let wait = 500e3;
  const mono0 = t - BOOTS.k8s01;
  while (t < T(17, 21, 31, 0)) {
    const stale = t < T(17, 21, 12, 7, 331920);
    const info = stale ? `{{${GLOBAL} ext4 ${DEVICE}}}` : '{{  }}';
    const until = t + wait;
    const mono = (mono0 + (t - T(17, 21, 5, 11, 402118)) + wait) / 1e6;
    const dur = wait >= 60e6 ? `${Math.floor(wait / 60e6)}m${Math.round((wait % 60e6) / 1e6)}s` : wait >= 1e6 ? `${wait / 1e6}s` : `${wait / 1e3}ms`;
    h.klog(t, 'E', 'nestedpendingoperations.go:348', `Operation for "{volumeName:kubernetes.io/csi/jiva.csi.openebs.io^${S.pv} podName: nodeName:}" failed. No retries permitted until ${goTime(until, 10, 'AEST', r.int(1000))} m=+${mono.toFixed(9)} (durationBeforeRetry ${dur}). Error: MountVolume.MountDevice failed for volume "${S.pv}" (UniqueName: "kubernetes.io/csi/jiva.csi.openebs.io^${S.pv}") pod "seerr-seerr-chart-0" (UID: "${p.uid}") : rpc error: code = FailedPrecondition desc = volume {${S.pv}} is already mounted at more than one place: ${info}`, 'signal');
    t = until + r.range(20, 400) * 1000;
    wait = Math.min(wait * 2, 122e6);
  }
  // CSI node pod restarted at 21:30, pod force-deleted at 21:31, staged and running by 21:33
  const csi = cl.csiNode;
  h.klog(T(17, 21, 30, 4, 228117), 'I', 'kubelet.go:2449', `"SyncLoop DELETE" source="api" pods=["openebs/${csi.name}"]`, 'context');
  h.klog(T(17, 21, 30, 36, 904551), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["openebs/${cl.csiNodeNew}"]`, 'context');
  h.klog(T(17, 21, 31, 2, 118400), 'I', 'kubelet.go:2443', `"SyncLoop REMOVE" source="api" pods=["${pod}"]`, 'context');
  h.klog(T(17, 21, 31, 3, 402117), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["${pod}"]`, 'context');
  iscsiLogin(h, T(17, 21, 31, 4, 90331), { hostNo: 9, sid: 7, dev: 'sdb', pv: S.pv, ip: S.ip, blocks: 2097152 });
  h.klog(T(17, 21, 31, 7, 212300), 'I', 'operation_generator.go:580', `"MountVolume.MountDevice succeeded for volume \\"${S.pv}\\" (UniqueName: \\"kubernetes.io/csi/jiva.csi.openebs.io^${S.pv}\\") pod \\"seerr-seerr-chart-0\\" (UID: \\"${cl.finalUid}\\") device mount path \\"${GLOBAL}\\"" pod="${pod}"`, 'context');
  h.klog(T(17, 21, 32, 2, 770118), 'I', 'operation_generator.go:637', `"MountVolume.SetUp succeeded for volume \\"${S.pv}\\" (UniqueName: \\"kubernetes.io/csi/jiva.csi.openebs.io^${S.pv}\\") pod \\"seerr-seerr-chart-0\\" (UID: \\"${cl.finalUid}\\") " pod="${pod}"`, 'context');
  h.klog(T(17, 21, 33, 11, 904226), 'I', 'kubelet.go:2542', `"SyncLoop (probe)" probe="readiness" status="ready" pod="${pod}"`, 'context');
  void MIN;
}
