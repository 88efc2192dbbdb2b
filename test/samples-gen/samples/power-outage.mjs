// Sample 2026-05-28-power-outage (seed 001): node logs of all three nodes, 28-30 May 2026, AEST.
import { Evidence } from '../lib/evidence.mjs';
import { at, SEC, MIN, HOUR, DAY } from '../lib/time.mjs';
import { Rng } from '../lib/rng.mjs';
import { node } from '../lib/cluster.mjs';
import { standardHost, finishJournal, bootBlock } from '../lib/node-setup.mjs';
import { fillNoise, fillScheduled } from '../lib/noise.mjs';
import { iscsiLogin, connError, recovered, sessionTimeout, deviceFailure } from '../lib/iscsi.mjs';
import { goroutineDump } from '../lib/goroutines.mjs';
import { buildCluster, addState, V } from './power-outage-state.mjs';

export const NAME = '2026-05-28-power-outage';
const SEED = 'seed-001';
const T = (d, h, mi, s, us = 0) => at(2026, 5, d, h, mi, s, us, 10);
const COLLECT = T(30, 10, 31, 7, 402118);
const ROT = [T(28, 0, 0, 2, 231507), T(29, 0, 0, 2, 214312), T(30, 0, 0, 2, 198007)];
const KERN_FROM = T(24, 0, 0, 2, 301554);
const OUTAGE = T(28, 18, 38, 12, 500000);

const HOSTS = {
  k8s01: { old: T(16, 3, 12, 44, 118204), boot: T(28, 18, 41, 21, 337120), pids: [{ kubelite: 1189, containerd: 1002, dqlite: 1107, iscsid: 845, multipathd: 612, networkd: 702, logind: 811, rsyslogd: 788, snapd: 901 }, { kubelite: 1231, containerd: 1041, dqlite: 1143, iscsid: 861, multipathd: 603, networkd: 688, logind: 799, rsyslogd: 776, snapd: 893 }] },
  k8s02: { old: T(16, 3, 13, 2, 904417), boot: T(28, 18, 41, 29, 812554), pids: [{ kubelite: 1177, containerd: 998, dqlite: 1098, iscsid: 851, multipathd: 608, networkd: 698, logind: 806, rsyslogd: 781, snapd: 897 }, { kubelite: 4242, containerd: 1037, dqlite: 1152, iscsid: 866, multipathd: 611, networkd: 692, logind: 803, rsyslogd: 779, snapd: 902 }] },
  k8s03: { old: T(16, 3, 13, 19, 551093), boot: T(28, 18, 41, 33, 150871), pids: [{ kubelite: 1195, containerd: 1005, dqlite: 1112, iscsid: 848, multipathd: 615, networkd: 705, logind: 813, rsyslogd: 790, snapd: 904 }, { kubelite: 1203, containerd: 1030, dqlite: 1139, iscsid: 858, multipathd: 607, networkd: 694, logind: 808, rsyslogd: 784, snapd: 899 }] },
};

export function build() {
  const ev = new Evidence(NAME);
  const cl = buildCluster(SEED);
  const hosts = {};
  for (const [name, d] of Object.entries(HOSTS)) {
    const r = new Rng(SEED, name, 'boot-ids');
    const h = standardHost(ev, { name, ip: node(name).ip, off: 10, zone: 'AEST', dir: name, machineId: r.hex(32), boots: [{ at: d.old, id: r.hex(32) }, { at: d.boot, id: r.hex(32) }],
      // k8s02's journal was taken with --since 2026-05-28, the others with -b (this boot)
      rotations: ROT, collectAt: COLLECT, kernFrom: KERN_FROM, journalFrom: name === 'k8s02' ? T(28, 0, 0, 0) : d.boot });
    h.pid = { ...d.pids[0] };
    hosts[name] = h;
  }
  for (const [name, h] of Object.entries(hosts)) {
    const d = HOSTS[name];
    const down = [{ from: OUTAGE, to: d.boot + 40 * SEC }];
    const busy = [{ from: T(28, 19, 0, 0), to: T(29, 2, 30, 0), factor: 1.6 }];
    // before the outage: old PIDs; the boot switches to the new ones
    fillNoise(h, cl, { seed: `${SEED}-a`, from: KERN_FROM, to: OUTAGE, perHour: 40, busy });
    fillScheduled(h, { seed: `${SEED}-a`, from: T(28, 0, 0, 0), to: OUTAGE, rotations: ROT });
    h.pid = { ...d.pids[1] };
    const resume = bootBlock(h, d.boot);
    fillNoise(h, cl, { seed: `${SEED}-b`, from: resume, to: COLLECT, perHour: 40, busy, down });
    fillScheduled(h, { seed: `${SEED}-b`, from: resume, to: COLLECT, rotations: ROT });
  }
  k8s01(hosts.k8s01, cl);
  k8s02(hosts.k8s02);
  k8s03(hosts.k8s03, cl);
  for (const h of Object.values(hosts)) finishJournal(h, 'kubelite.journal', T(21, 3, 12, 44), COLLECT - 2 * SEC);
  addState(ev, cl);
  return ev;
}

function k8s01(h, cl) {
  // dependency-track CrashLoopBackOff: one kubelet error per restart cycle until the JDBC fix
  const p = cl.find((x) => x.name === 'dependency-track-api-server-0');
  const r = new Rng(SEED, 'dtrack');
  const fix = T(29, 10, 35, 12, 227101);
  for (let t = T(28, 0, 4, 41, 0); t < fix; t += 19 * MIN + r.range(0, 150) * SEC) {
    if (t >= OUTAGE - MIN && t < HOSTS.k8s01.boot + 2 * MIN) continue;
    const c = p.containers[0];
    h.klog(t + r.int(SEC), 'E', 'pod_workers.go:1301', `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"${c.name}\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=${c.name} pod=${p.name}_ci(${p.uid})\\"" pod="ci/${p.name}" podUID="${p.uid}"`, 'decoy');
  }
  h.klog(fix + 20 * SEC, 'I', 'kubelet.go:2449', `"SyncLoop DELETE" source="api" pods=["ci/${p.name}"]`, 'context');
  h.klog(fix + 24 * SEC, 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["ci/${p.name}"]`, 'context');
  h.klog(fix + 121 * SEC, 'I', 'kubelet.go:2542', `"SyncLoop (probe)" probe="readiness" status="ready" pod="ci/${p.name}"`, 'context');
  // k8s01 cannot post its status 20:11-20:20 (NotReady from 20:16)
  for (let i = 0, t = T(28, 20, 11, 4, 118833); t < T(28, 20, 20, 50); i++, t += 37 * SEC + i * 1117) {
    h.klog(t, 'E', 'kubelet_node_status.go:549', '"Error updating node status, will retry" err="error getting node \\"k8s01\\": Get \\"https://127.0.0.1:16443/api/v1/nodes/k8s01?resourceVersion=0&timeout=10s\\": context deadline exceeded"', 'context');
  }
  // the six evicted Jiva controllers are killed here; the targets exit at 20:21:08
  V.evicted.forEach((v, i) => {
    const ctrl = `openebs/${v.oldCtrl}`;
    const t = T(28, 20, 21, 4, 611020 + i * 1733);
    h.klog(t, 'I', 'kubelet.go:2449', `"SyncLoop DELETE" source="api" pods=["${ctrl}"]`, 'context');
    h.klog(t + 900, 'I', 'kuberuntime_container.go:808', `"Killing container with a grace period" pod="${ctrl}" podUID="${v.oldUid}" containerName="jiva-controller" containerID="containerd://${v.oldCid}" gracePeriod=30`, 'context');
    const t2 = T(28, 20, 21, 8, 204551 + i * 3119);
    h.sys(t2, 'microk8s.daemon-containerd', h.pid.containerd, `time="2026-05-28T20:21:08.${String(204551 + i * 3119).padStart(6, '0')}113+10:00" level=info msg="shim disconnected" id=${v.oldCid} namespace=k8s.io`, 'context');
  });
  // 29 May: k8s-dqlite then kubelite restarted on k8s01 (PGM-201); the stale RS pods appear at 00:15
  const d0 = T(29, 0, 0, 12, 404511);
  h.sys(d0, 'sudo', null, '  ubuntu : TTY=pts/1 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/systemctl restart snap.microk8s.daemon-k8s-dqlite.service', 'context');
  h.sys(d0 + 80000, 'systemd', 1, 'Stopping Service for snap application microk8s.daemon-k8s-dqlite...', 'context');
  h.sys(d0 + 2 * SEC, 'systemd', 1, 'Started Service for snap application microk8s.daemon-k8s-dqlite.', 'context');
  const k0 = T(29, 0, 5, 10, 118004);
  h.sys(k0, 'sudo', null, '  ubuntu : TTY=pts/1 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/systemctl restart snap.microk8s.daemon-kubelite.service', 'context');
  h.unit(k0 + 90000, 'snap.microk8s.daemon-kubelite', 'Stopping Service for snap application microk8s.daemon-kubelite...', 'context');
  h.unit(k0 + 3 * SEC, 'snap.microk8s.daemon-kubelite', 'snap.microk8s.daemon-kubelite.service: Deactivated successfully.', 'context');
  h.unit(k0 + 3 * SEC + 400, 'snap.microk8s.daemon-kubelite', 'Stopped Service for snap application microk8s.daemon-kubelite.', 'context');
  h.unit(k0 + 3 * SEC + 9000, 'snap.microk8s.daemon-kubelite', 'Started Service for snap application microk8s.daemon-kubelite.', 'context');
  h.pid.kubelite = 88519;
  h.klog(k0 + 4 * SEC, 'I', 'server.go:487', '"Kubelet version" kubeletVersion="v1.35.0"', 'context');
  for (const [i, app] of ['radarr', 'sonarr'].entries()) {
    const np = cl.later[app];
    h.klog(T(29, 0, 15, 41, 118402 + i * 90211), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["media/${np}"]`, 'context');
  }
}

function k8s02(h) {
  const S = V.seerr, M = V.survive;
  iscsiLogin(h, T(28, 18, 47, 21, 118442), { hostNo: 3, sid: 1, dev: 'sdb', pv: S.pv, ip: S.ip, blocks: 2097152 });
  iscsiLogin(h, T(28, 18, 47, 29, 640017), { hostNo: 4, sid: 2, dev: 'sdc', pv: M.pv, ip: M.ip, blocks: 20971520 });
  // 19:16 link flap: both sessions drop and come back (contrast)
  h.sys(T(28, 19, 16, 6, 412331), 'systemd-networkd', h.pid.networkd, 'eth0: Lost carrier', 'contrast');
  connError(h, T(28, 19, 16, 7, 18204), 1, 1020, 'contrast', { iscsidDelay: 323000 });
  connError(h, T(28, 19, 16, 7, 18815), 2, 1020, 'contrast', { iscsidDelay: 323100 });
  h.sys(T(28, 19, 16, 14, 206118), 'systemd-networkd', h.pid.networkd, 'eth0: Gained carrier', 'contrast');
  h.kern(T(28, 19, 16, 14, 207118), 'IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready', 'contrast');
  recovered(h, T(28, 19, 16, 16, 530447), 1, 1, 'contrast');
  recovered(h, T(28, 19, 16, 16, 531248), 2, 1, 'contrast');
  // kine.sock: the KCM on k8s02 loses its datastore connection again and again
  const sock = '/var/snap/microk8s/7394/var/kubernetes/backend/kine.sock:12379';
  h.klog(T(28, 20, 10, 13, 482113), 'E', 'watcher.go:342', `watch chan error: rpc error: code = Unavailable desc = error reading from server: read unix @->${sock}: use of closed network connection`, 'signal');
  h.klog(T(28, 20, 15, 2, 119846), 'E', 'status.go:71', `apiserver received an error that is not an metav1.Status: &status.Error{s:(*status.Status)(0xc01a2f3b60)}: rpc error: code = Unavailable desc = error reading from server: read unix @->${sock}: use of closed network connection`, 'signal');
  h.klog(T(28, 20, 20, 31, 775120), 'E', 'watcher.go:342', `watch chan error: rpc error: code = Unavailable desc = error reading from server: read unix @->${sock}: use of closed network connection`, 'signal');
  h.klog(T(28, 20, 20, 47, 31009), 'E', 'watcher.go:342', `watch chan error: rpc error: code = Unavailable desc = error reading from server: read unix @->${sock}: use of closed network connection`, 'signal');
  h.klog(T(28, 20, 16, 3, 731902), 'I', 'controller_utils.go:151', '"Recording status change event message for node" status="NodeNotReady" node="k8s01"', 'signal');
  h.klog(T(28, 20, 21, 2, 118233), 'I', 'topologycache.go:237', '"Can\'t get CPU or zone information for node" node="k8s01"', 'signal');
  h.klog(T(28, 20, 21, 3, 912745), 'I', 'controller.go:615', 'quota admission added evaluator for: daemonsets.apps', 'signal');
  V.evicted.forEach((v, i) => {
    h.klog(T(28, 20, 21, 4, 118402 + i * 541 + i * i * 17), 'I', 'taint_eviction.go:111', `"Deleting pod" controller="taint-eviction-controller" pod="openebs/${v.oldCtrl}"`, 'signal');
  });
  // the targets exit at 20:21:08: both sessions lose their TCP connection
  connError(h, T(28, 20, 21, 9, 412557), 1, 1020, 'signal');
  connError(h, T(28, 20, 21, 9, 412945), 2, 1020, 'signal', { iscsidDelay: 281700 });
  h.klog(T(28, 20, 22, 40, 318004), 'I', 'controller_utils.go:151', '"Recording status change event message for node" status="NodeReady" node="k8s01"', 'context');
  sessionTimeout(h, T(28, 20, 23, 9, 874118), 1, 'signal');
  sessionTimeout(h, T(28, 20, 23, 9, 875025), 2, 'signal');
  deviceFailure(h, T(28, 20, 23, 9, 876230), { hostNo: 3, dev: 'sdb', sectors: [2099200, 4196352], role: 'signal' });
  deviceFailure(h, T(28, 20, 27, 41, 90233), { hostNo: 4, dev: 'sdc', sectors: [1050624, 8391680], role: 'signal', comm: 'java', ext4Fn: 'ext4_journal_check_start:83' });
  // the replacement controllers answer at 20:30, long after the filesystems went read-only
  recovered(h, T(28, 20, 30, 12, 330118), 1, 38, 'context');
  recovered(h, T(28, 20, 30, 15, 907442), 2, 39, 'context');
}

function k8s03(h, cl) {
  for (const [i, app] of ['radarr', 'sonarr', 'readarr', 'calibreweb'].entries()) {
    const p = cl.stuck[app];
    h.klog(T(28, 20, 47, 3 + i * 2, 118000 + i * 7919), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["media/${p.name}"]`, 'context');
    h.klog(T(28, 21, 50, 14, 402113 + i * 60331), 'I', 'kubelet.go:2449', `"SyncLoop DELETE" source="api" pods=["media/${p.name}"]`, 'context');
    h.klog(T(28, 21, 50, 14, 512240 + i * 60331), 'I', 'kubelet.go:2443', `"SyncLoop REMOVE" source="api" pods=["media/${p.name}"]`, 'context');
  }
  // SIGUSR1 goroutine dump at 21:20:11 (stderr -> journal -> syslog); blank separators only in the journal
  const dump = goroutineDump(SEED, { total: 150, uptimeMin: 158, special: [
    { kind: 'pop', state: 'select, 33 minutes', count: 7 },
    { kind: 'waitAttach', state: 'semacquire, 33 minutes', count: 4 },
  ] });
  const t0 = T(28, 21, 20, 11, 604220);
  dump.forEach((l, i) => {
    const t = t0 + i * 97;
    h.emit({ t, ident: 'microk8s.daemon-kubelite', pid: h.pid.kubelite, msg: l.text, role: l.role, unit: 'snap.microk8s.daemon-kubelite', ...(l.text === '' ? { only: ['journal'] } : {}) });
  });
}


