// Sample 2026-05-28-jiva-ctrl-eviction-runbook (seed 002): the runbook's cascade on k8s03 with
// devices sdd/sde, written in the other formats the runbook's commands produce: `dmesg -T`,
// `journalctl -o short-precise`, and a `journalctl -o json` export. AEST throughout.
import { Evidence } from '../lib/evidence.mjs';
import { Host } from '../lib/host.mjs';
import { at, SEC } from '../lib/time.mjs';
import { Rng } from '../lib/rng.mjs';
import { Cluster, addJivaVolume, node, NODE_NAMES } from '../lib/cluster.mjs';
import { fillNoise } from '../lib/noise.mjs';
import { KERNEL_BOOT } from '../lib/node-setup.mjs';
import { iscsiLogin, connError, pingTimeout, recovered, sessionTimeout, deviceFailure } from '../lib/iscsi.mjs';
import { list, pod, pv as pvObj, pvc as pvcObj, ctrlService } from '../lib/k8s.mjs';
import { rolesFor } from '../lib/kubectl.mjs';

export const NAME = '2026-05-28-jiva-ctrl-eviction-runbook';
const SEED = 'seed-002';
const T = (h, mi, s, us = 0, d = 28) => at(2026, 5, d, h, mi, s, us, 10);
const COLLECT = T(23, 58, 20, 118440);
const SNAP = T(23, 58, 10);
const BOOT = T(18, 41, 33, 150871); // k8s03's boot after the power outage of seed 001
const JOURNAL_FROM = T(22, 0, 0);

const A = { key: 'vaultwarden', pv: 'pvc-5c21d8e7-9f04-4b3a-a6e2-71d0c8b94f56', ip: '10.152.183.96', csi: true, ns: 'web', claim: 'vaultwarden-data' };
const B = { key: 'paperless', pv: 'pvc-e41f6b08-3c7d-4a95-8b26-d9f0a1c73e82', ip: '10.152.183.208', csi: true, ns: 'web', claim: 'paperless-data' };
const EVICT_APPS = ['prowlarr', 'bazarr', 'gitea', 'grafana', 'mosquitto', 'uptime-kuma'];

function cluster() {
  const cl = new Cluster(SEED, SNAP);
  const r = cl.r;
  cl.addApps(EVICT_APPS);
  cl.addJobs(2);
  const evictedAt = T(23, 41, 11, 204118);
  // pods that were on k8s01 until the eviction, recreated elsewhere at 23:41:11
  cl.evicted = [];
  for (const app of EVICT_APPS) {
    const hash = r.sfx(10);
    const old = { name: `${app}-${hash}-${r.sfx(5)}`, uid: r.uuid(), cid: r.hex(64) };
    const dst = r.pick(['k8s02', 'k8s03']);
    const img = { prowlarr: 'lscr.io/linuxserver/prowlarr:1.21.2', bazarr: 'lscr.io/linuxserver/bazarr:1.4.3', gitea: 'docker.io/gitea/gitea:1.22.1', grafana: 'docker.io/grafana/grafana:11.1.0', mosquitto: 'docker.io/library/eclipse-mosquitto:2.0.18', 'uptime-kuma': 'docker.io/louislam/uptime-kuma:1.23.13' }[app];
    const ns = { prowlarr: 'media', bazarr: 'media', gitea: 'ci', grafana: 'monitoring', mosquitto: 'home', 'uptime-kuma': 'web' }[app];
    cl.add({ ns, name: `${app}-${hash}-${r.sfx(5)}`, node: dst, app, ownerKind: 'ReplicaSet', ownerName: `${app}-${hash}`, containers: [[app, img, 8080]], created: evictedAt + 5000, started: evictedAt + 9 * SEC });
    cl.evicted.push({ ns, ...old, container: app });
  }
  A.hash = r.sfx(10); B.hash = r.sfx(10);
  addJivaVolume(cl, { ...A, ctrlNode: 'k8s02', repNodes: ['k8s01', 'k8s02', 'k8s03'], ctrlHash: A.hash });
  B.oldCtrl = `${B.pv}-jiva-ctrl-${B.hash}-${r.sfx(5)}`; B.oldUid = r.uuid(); B.oldCid = r.hex(64);
  addJivaVolume(cl, { ...B, ctrlNode: 'k8s02', repNodes: ['k8s01', 'k8s02', 'k8s03'], ctrlHash: B.hash, ctrlCreated: evictedAt + 4000 });
  cl.add({ ns: 'web', name: `vaultwarden-${r.sfx(10)}-${r.sfx(5)}`, node: 'k8s03', app: 'vaultwarden', ownerKind: 'ReplicaSet', ownerName: `vaultwarden-${r.sfx(10)}`, containers: [['vaultwarden', 'docker.io/vaultwarden/server:1.32.0', 80]], pvcs: [A.claim], created: T(18, 52, 11) });
  cl.add({ ns: 'web', name: `paperless-ngx-${r.sfx(10)}-${r.sfx(5)}`, node: 'k8s03', app: 'paperless-ngx', ownerKind: 'ReplicaSet', ownerName: `paperless-ngx-${r.sfx(10)}`, containers: [['paperless-ngx', 'ghcr.io/paperless-ngx/paperless-ngx:2.11.6', 8000]], pvcs: [B.claim], created: T(18, 52, 40) });
  for (const v of [A, B]) { v.pvUid = r.uuid(); v.pvcUid = r.uuid(); v.svcUid = r.uuid(); }
  return cl;
}

function host(ev, name, r) {
  const h = new Host(ev, { name, ip: node(name).ip, off: 10, zone: 'AEST', dir: name, machineId: r.hex(32), boots: [{ at: BOOT - 2 * SEC * (2 - NODE_NAMES.indexOf(name)), id: r.hex(32) }] });
  h.pid = { kubelite: { k8s01: 1231, k8s02: 4242, k8s03: 1203 }[name], containerd: 1030, iscsid: 858, multipathd: 607, networkd: 694, logind: 808, rsyslogd: 784, snapd: 899 };
  h.invocation = { iscsid: r.hex(32) };
  h.addSink('kubelite.journal', 'journal', { from: JOURNAL_FROM, to: COLLECT, units: ['snap.microk8s.daemon-kubelite'], mode: 'precise' });
  return h;
}

export function build() {
  const ev = new Evidence(NAME);
  const cl = cluster();
  const r = new Rng(SEED, 'hosts');
  const h = { k8s01: host(ev, 'k8s01', r), k8s02: host(ev, 'k8s02', r), k8s03: host(ev, 'k8s03', r) };
  const k3 = h.k8s03;
  k3.addSink('dmesg-T.txt', 'dmesg', { mode: 'ctime', to: COLLECT });
  k3.addSink('journal.json', 'json', { from: T(22, 40, 0), to: T(23, 55, 0), kernel: true, units: ['iscsid'] });
  // the ring buffer still holds the boot messages
  for (const [up, msg] of KERNEL_BOOT) k3.kern(BOOT + up, msg, 'noise', up);
  for (const x of Object.values(h)) fillNoise(x, cl, { seed: SEED, from: BOOT + 40 * SEC, to: COLLECT, perHour: 700, busy: [{ from: T(23, 30, 0), to: T(23, 50, 0), factor: 1.5 }] });
  // iSCSI logins after the boot: vaultwarden (A) on sdd, paperless (B) on sde
  iscsiLogin(k3, T(18, 52, 14, 331020), { hostNo: 5, sid: 3, dev: 'sdd', pv: A.pv, ip: A.ip, blocks: 2097152 });
  iscsiLogin(k3, T(18, 52, 43, 90417), { hostNo: 6, sid: 4, dev: 'sde', pv: B.pv, ip: B.ip, blocks: 4194304 });
  // 22:47 eth0 drops for ~8 s: connection3:0 misses its NOP-out and recovers; connection4:0 never notices
  pingTimeout(k3, T(22, 47, 36, 212004), 3, 'contrast', 4297883712);
  k3.kern(T(22, 47, 40, 518337), 'IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready', 'contrast');
  recovered(k3, T(22, 47, 42, 7113), 3, 1, 'contrast');
  // k8s01 stops posting its status (23:31) and goes NotReady (23:36)
  const k1 = h.k8s01;
  for (let i = 0, t = T(23, 31, 40, 118221); t < T(23, 41, 0); i++, t += 41 * SEC + i * 2113) {
    k1.klog(t, 'E', 'kubelet_node_status.go:549', '"Error updating node status, will retry" err="error getting node \\"k8s01\\": Get \\"https://127.0.0.1:16443/api/v1/nodes/k8s01?resourceVersion=0&timeout=10s\\": context deadline exceeded"', 'context');
  }
  const k2 = h.k8s02;
  k2.klog(T(23, 36, 10, 514020), 'I', 'controller_utils.go:151', '"Recording status change event message for node" status="NodeNotReady" node="k8s01"', 'signal');
  // 300 s later the taint manager deletes every pod without a longer toleration, B's controller among them
  const victims = [{ ns: 'openebs', name: B.oldCtrl, uid: B.oldUid, cid: B.oldCid, container: 'jiva-controller' }, ...cl.evicted];
  victims.forEach((v, i) => {
    const t = T(23, 41, 11, 204118 + i * 611);
    k2.klog(t, 'I', 'taint_eviction.go:111', `"Deleting pod" controller="taint-eviction-controller" pod="${v.ns}/${v.name}"`, 'signal');
    k1.klog(T(23, 41, 11, 731402 + i * 1907), 'I', 'kubelet.go:2449', `"SyncLoop DELETE" source="api" pods=["${v.ns}/${v.name}"]`, 'context');
    k1.klog(T(23, 41, 11, 732990 + i * 1907), 'I', 'kuberuntime_container.go:808', `"Killing container with a grace period" pod="${v.ns}/${v.name}" podUID="${v.uid}" containerName="${v.container}" containerID="containerd://${v.cid}" gracePeriod=30`, 'context');
  });
  const newCtrl = cl.pods.find((p) => p.app === 'jiva-ctrl' && p.name.startsWith(B.pv));
  k2.klog(T(23, 41, 11, 911236), 'I', 'kubelet.go:2433', `"SyncLoop ADD" source="api" pods=["openebs/${newCtrl.name}"]`, 'context');
  k2.klog(T(23, 45, 9, 402774), 'I', 'kubelet.go:2469', `"SyncLoop (PLEG): event for pod" pod="openebs/${newCtrl.name}" event={"ID":"${newCtrl.uid}","Type":"ContainerStarted","Data":"${newCtrl.containers[0].cid}"}`, 'context');
  k2.klog(T(23, 44, 52, 118004), 'I', 'controller_utils.go:151', '"Recording status change event message for node" status="NodeReady" node="k8s01"', 'context');
  // B's target is gone: conn error, 120 s of recovery, then the device goes offline and ext4 aborts
  connError(k3, T(23, 41, 15, 338120), 4, 1020, 'signal');
  sessionTimeout(k3, T(23, 43, 15, 402551), 4, 'signal');
  deviceFailure(k3, T(23, 43, 15, 403318), { hostNo: 6, dev: 'sde', sectors: [3147776, 524288], role: 'signal', abortAfter: 4 * SEC + 402119 });
  // the new controller answers after the remount: a recovery that comes too late
  recovered(k3, T(23, 45, 14, 880231), 4, 24, 'context');
  ev.blob('kubectl/pods.json', ...podsJson(cl));
  ev.blob('kubectl/pvc.json', list([A, B].map((v) => pvcObj(v.ns, v.claim, v.pv, 'openebs-jiva-csi-default', v.pvcUid, T(9, 8, 0, 0, 2)))));
  ev.blob('kubectl/pv.json', list([A, B].map((v) => pvObj(v, T(9, 8, 0, 0, 2)))));
  const svcs = [A, B];
  const svcText = list(svcs.map((v) => ctrlService(v, T(9, 8, 0, 2, 2))));
  ev.blob('kubectl/services-openebs.json', svcText, rolesFor(svcText, svcs, (v) => (v === B ? { role: 'context', keys: [/"clusterIP": "10\.152\.183\.208"/] } : null)));
  for (const x of Object.values(h)) x.journalHeader('kubelite.journal', T(3, 12, 44, 0, 21), COLLECT - 2 * SEC);
  return ev;
}

function podsJson(cl) {
  const pods = [...cl.pods].sort((a, b) => (`${a.ns}/${a.name}` < `${b.ns}/${b.name}` ? -1 : 1));
  const text = list(pods.map((p) => pod(p, SNAP)));
  return [text, rolesFor(text, pods, (p) => (p.app === 'paperless-ngx' || (p.app === 'jiva-ctrl' && p.name.startsWith(B.pv)) ? { role: 'context', keys: [] } : null))];
}


