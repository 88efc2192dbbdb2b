// Sample 2026-03-30-sonarr-hairpin (seed 004): sonarr and its Jiva controller co-scheduled on
// k8s03; host-namespace iscsiadm cannot reach a local pod through the ClusterIP (hairpin NAT), so
// discovery fails with `Login I/O error, failed to receive a PDU`. Decoys: a stale fsck event from
// an earlier pod on k8s01, the k8s02 OpenEBS restart storm and ImageGCFailed.
import { Evidence } from '../lib/evidence.mjs';
import { Host } from '../lib/host.mjs';
import { at, SEC, MIN, goTime, klogStamp } from '../lib/time.mjs';
import { Rng } from '../lib/rng.mjs';
import { node } from '../lib/cluster.mjs';
import { fillNoise } from '../lib/noise.mjs';
import { buildCluster, addState, V, SONARR, SONARR2, SONARR3, CTRL, CTRL2 } from './sonarr-state.mjs';

export const NAME = '2026-03-30-sonarr-hairpin';
const SEED = 'seed-004';
const T = (h, mi, s, us = 0) => at(2026, 3, 30, h, mi, s, us, 10);
const FROM = T(19, 0, 0);
const COLLECT = T(20, 14, 41, 402337);
const BOOT = at(2026, 3, 20, 4, 2, 11, 0, 10);
const UNIQ = `kubernetes.io/iscsi/${V.ip}:3260:iqn.2016-09.com.openebs.jiva:${V.pv}:0`;

export function build() {
  const ev = new Evidence(NAME);
  const cl = buildCluster(SEED);
  const h = {};
  for (const [name, pid] of [['k8s01', 1287], ['k8s02', 1301], ['k8s03', 1264]]) {
    const r = new Rng(SEED, name);
    const x = new Host(ev, { name, ip: node(name).ip, off: 10, zone: 'AEST', dir: name, machineId: r.hex(32), boots: [{ at: BOOT + r.int(60 * SEC), id: r.hex(32) }] });
    x.pid = { kubelite: pid };
    x.addSink('kubelite.journal', 'journal', { from: FROM, to: COLLECT, units: ['snap.microk8s.daemon-kubelite'] });
    fillNoise(x, cl, { seed: SEED, from: FROM, to: COLLECT, perHour: 2200 });
    h[name] = x;
  }
  const k3 = h.k8s03;
  pduFailures(k3, SONARR, T(19, 18, 41, 204113), T(20, 4, 20));
  k3.klog(T(20, 1, 2, 330118), 'I', 'kubelet.go:2449', `"SyncLoop DELETE" source="api" pods=["openebs/${CTRL.name}"]`, 'context');
  k3.klog(T(20, 1, 3, 118402), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["openebs/${CTRL2.name}"]`, 'context');
  k3.klog(T(20, 1, 19, 902331), 'I', 'kubelet.go:2542', `"SyncLoop (probe)" probe="readiness" status="ready" pod="openebs/${CTRL2.name}"`, 'context');
  k3.klog(T(20, 4, 21, 551820), 'I', 'kubelet.go:2443', `"SyncLoop REMOVE" source="api" pods=["media/${SONARR.name}"]`, 'context');
  k3.klog(T(20, 4, 22, 80114), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["media/${SONARR2.name}"]`, 'context');
  pduFailures(k3, SONARR2, T(20, 4, 24, 90117), T(20, 9, 0));
  k3.klog(T(20, 9, 2, 410227), 'I', 'kubelet.go:2443', `"SyncLoop REMOVE" source="api" pods=["media/${SONARR2.name}"]`, 'context');
  const k1 = h.k8s01;
  k1.klog(T(20, 9, 3, 228004), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["media/${SONARR3.name}"]`, 'context');
  k1.klog(T(20, 9, 22, 118402), 'I', 'operation_generator.go:580', `"MountVolume.WaitForAttach succeeded for volume \\"${V.pv}\\" (UniqueName: \\"${UNIQ}\\") pod \\"${SONARR3.name}\\" (UID: \\"${SONARR3.uid}\\") DevicePath \\"/dev/disk/by-path/ip-${V.ip}:3260-iscsi-iqn.2016-09.com.openebs.jiva:${V.pv}-lun-0\\"" pod="media/${SONARR3.name}"`, 'context');
  k1.klog(T(20, 9, 24, 330451), 'I', 'operation_generator.go:637', `"MountVolume.SetUp succeeded for volume \\"${V.pv}\\" (UniqueName: \\"${UNIQ}\\") pod \\"${SONARR3.name}\\" (UID: \\"${SONARR3.uid}\\") " pod="media/${SONARR3.name}"`, 'context');
  k1.klog(T(20, 9, 30, 902118), 'I', 'kubelet.go:2542', `"SyncLoop (probe)" probe="readiness" status="ready" pod="media/${SONARR3.name}"`, 'context');
  k8s02Storm(h.k8s02, cl);
  for (const x of Object.values(h)) x.journalHeader('kubelite.journal', BOOT, COLLECT - SEC);
  addState(ev, cl);
  return ev;
}

/** In-tree iSCSI WaitForAttach failures (sendtargets through the hairpin), one multi-line message per try. */
function pduFailures(h, p, from, to) {
  const r = new Rng(SEED, p.name);
  let wait = 500e3;
  for (let t = from; t < to; ) {
    const until = t + wait;
    const dur = wait >= 60e6 ? `${Math.floor(wait / 60e6)}m${Math.round((wait % 60e6) / 1e6)}s` : wait >= 1e6 ? `${wait / 1e6}s` : `${wait / 1e3}ms`;
    [
      `E${klogStamp(t, 10)}    ${h.pid.kubelite} nestedpendingoperations.go:348] Operation for "{volumeName:${UNIQ} podName: nodeName:}" failed. No retries permitted until ${goTime(until, 10, 'AEST', r.int(1000))} m=+${((until - BOOT) / 1e6).toFixed(9)} (durationBeforeRetry ${dur}). Error: MountVolume.WaitForAttach failed for volume "${V.pv}" (UniqueName: "${UNIQ}") pod "${p.name}" (UID: "${p.uid}") : failed to get any path for iscsi disk, last err seen:`,
      `iscsi: failed to sendtargets to portal ${V.ip}:3260 output: iscsiadm: Connection to Discovery Address ${V.ip} failed`,
      'iscsiadm: Login I/O error, failed to receive a PDU',
      'iscsiadm: connection login retries (reopen_max) 5 exceeded',
      'iscsiadm: No portals found',
      ', err exit status 21',
    ].forEach((l, i) => h.kraw(t + i, l, 'signal'));
    t = until + r.range(14, 19) * SEC;
    wait = Math.min(wait * 2, 122e6);
  }
}

/** k8s02: image GC cannot free space (every 5 min) and the OpenEBS components keep restarting. */
function k8s02Storm(h, cl) {
  const r = new Rng(SEED, 'storm');
  for (let t = FROM + 2 * MIN + 41 * SEC; t < COLLECT; t += 5 * MIN + r.int(900000)) {
    h.klog(t, 'E', 'kubelet.go:1475', `"Image garbage collection failed multiple times in a row" err="Failed to garbage collect required amount of images. Attempted to free ${6241432780 + r.int(90000000)} bytes, but only found 0 bytes eligible to free."`, 'decoy');
  }
  for (const p of cl.storm.filter((x) => x.node === 'k8s02')) {
    for (let t = FROM + r.int(40 * MIN); t < COLLECT; t += 40 * MIN + r.int(30 * MIN)) {
      const c = p.containers[0];
      h.klog(t, 'I', 'kubelet.go:2469', `"SyncLoop (PLEG): event for pod" pod="openebs/${p.name}" event={"ID":"${p.uid}","Type":"ContainerDied","Data":"${r.hex(64)}"}`, 'decoy');
      h.klog(t + 10 * SEC + r.int(SEC), 'I', 'kubelet.go:2469', `"SyncLoop (PLEG): event for pod" pod="openebs/${p.name}" event={"ID":"${p.uid}","Type":"ContainerStarted","Data":"${c.cid}"}`, 'decoy');
    }
  }
}
