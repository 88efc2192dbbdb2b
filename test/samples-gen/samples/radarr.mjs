// Sample 2026-03-28-radarr-jiva-divergence (seed 003): all three Jiva replicas of radarr-config
// crash-loop for ~30 h on a diverged snapshot chain; radarr cannot mount; recovery meets a WO
// conflict, a ghost RW replica and a stale single-initiator session from k8s03.
import { Evidence } from '../lib/evidence.mjs';
import { Host } from '../lib/host.mjs';
import { at, SEC, MIN, goTime, klogStamp } from '../lib/time.mjs';
import { Rng } from '../lib/rng.mjs';
import { node } from '../lib/cluster.mjs';
import { fillNoise } from '../lib/noise.mjs';
import { buildCluster, addState, V, REP, RADARR } from './radarr-state.mjs';

export const NAME = '2026-03-28-radarr-jiva-divergence';
const SEED = 'seed-003';
const T = (d, h, mi, s, us = 0) => at(2026, 3, d, h, mi, s, us, 10);
const COLLECT = T(28, 9, 45, 2, 118337);
const FROM = T(28, 8, 30, 0);

export function build() {
  const ev = new Evidence(NAME);
  const cl = buildCluster(SEED);
  const r = new Rng(SEED, 'k8s01');
  const h = new Host(ev, { name: 'k8s01', ip: node('k8s01').ip, off: 10, zone: 'AEST', dir: 'k8s01', machineId: r.hex(32), boots: [{ at: T(20, 4, 2, 11, 502113), id: r.hex(32) }] });
  h.pid = { kubelite: 1287, containerd: 1022 };
  h.addSink('kubelite.journal', 'journal', { from: FROM, to: COLLECT, units: ['snap.microk8s.daemon-kubelite'] });
  fillNoise(h, cl, { seed: SEED, from: FROM, to: COLLECT, perHour: 3500 });
  mountFailures(h);
  rep3CrashLoop(h);
  h.journalHeader('kubelite.journal', T(20, 4, 2, 11), COLLECT - SEC);
  addState(ev, cl);
  return ev;
}

const ISCSI_UNIQ = `kubernetes.io/iscsi/${V.ip}:3260:iqn.2016-09.com.openebs.jiva:${V.pv}:0`;

/** In-tree iSCSI WaitForAttach failures of radarr on k8s01: one multi-line klog message per try. */
function mountFailures(h) {
  const r = new Rng(SEED, 'mount');
  const pod = `media/${RADARR.name}`;
  for (let t = FROM + 41 * SEC; t < T(28, 9, 35, 40); ) {
    const until = t + 122 * SEC;
    const lines = [
      `E${klogStamp(t, 10)}    1287 nestedpendingoperations.go:348] Operation for "{volumeName:${ISCSI_UNIQ} podName: nodeName:}" failed. No retries permitted until ${goTime(until, 10, 'AEST', r.int(1000))} m=+${((until - T(20, 4, 2, 11)) / 1e6).toFixed(9)} (durationBeforeRetry 2m2s). Error: MountVolume.WaitForAttach failed for volume "${V.pv}" (UniqueName: "${ISCSI_UNIQ}") pod "${RADARR.name}" (UID: "${RADARR.uid}") : failed to get any path for iscsi disk, last err seen:`,
      `iscsi: failed to sendtargets to portal ${V.ip}:3260 output: iscsiadm: Connection to Discovery Address ${V.ip} failed`,
      'iscsiadm: Login I/O error, failed to receive a PDU',
      'iscsiadm: connection login retries (reopen_max) 5 exceeded',
      'iscsiadm: No portals found',
      ', err exit status 21',
    ];
    lines.forEach((l, i) => h.kraw(t + i, l, 'signal'));
    t = until + r.range(18, 26) * SEC;
  }
  // 09:36 k8s01 logs in at last (k8s03's stale session was logged out at 09:35)
  h.klog(T(28, 9, 36, 21, 402331), 'I', 'operation_generator.go:580', `"MountVolume.WaitForAttach succeeded for volume \\"${V.pv}\\" (UniqueName: \\"${ISCSI_UNIQ}\\") pod \\"${RADARR.name}\\" (UID: \\"${RADARR.uid}\\") DevicePath \\"/dev/disk/by-path/ip-${V.ip}:3260-iscsi-iqn.2016-09.com.openebs.jiva:${V.pv}-lun-0\\"" pod="${pod}"`, 'context');
  h.klog(T(28, 9, 36, 24, 118002), 'I', 'operation_generator.go:637', `"MountVolume.SetUp succeeded for volume \\"${V.pv}\\" (UniqueName: \\"${ISCSI_UNIQ}\\") pod \\"${RADARR.name}\\" (UID: \\"${RADARR.uid}\\") " pod="${pod}"`, 'context');
  h.klog(T(28, 9, 38, 2, 771208), 'I', 'kubelet.go:2542', `"SyncLoop (probe)" probe="readiness" status="ready" pod="${pod}"`, 'context');
}

/** rep-3 lives on k8s01: the kubelet's CrashLoopBackOff lines until it is scaled down, then the new pod's. */
function rep3CrashLoop(h) {
  const r = new Rng(SEED, 'rep3');
  const old = REP[2].old;
  for (let t = FROM + 3 * MIN; t < T(28, 9, 19, 0); t += 5 * MIN + r.range(8, 16) * SEC) {
    h.klog(t, 'E', 'pod_workers.go:1301', `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"jiva-replica\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=jiva-replica pod=${old.name}_openebs(${old.uid})\\"" pod="openebs/${old.name}" podUID="${old.uid}"`, 'signal');
  }
  const nw = REP[2].fresh;
  h.klog(T(28, 9, 19, 31, 220187), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["openebs/${nw.name}"]`, 'context');
  h.klog(T(28, 9, 20, 4, 610092), 'E', 'pod_workers.go:1301', `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"jiva-replica\\" with CrashLoopBackOff: \\"back-off 20s restarting failed container=jiva-replica pod=${nw.name}_openebs(${nw.uid})\\"" pod="openebs/${nw.name}" podUID="${nw.uid}"`, 'signal');
  h.klog(T(28, 9, 30, 2, 118664), 'I', 'kubelet.go:2542', `"SyncLoop (probe)" probe="readiness" status="ready" pod="openebs/${nw.name}"`, 'context');
}
