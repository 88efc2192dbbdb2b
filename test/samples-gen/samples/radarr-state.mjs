// Sample 2026-03-28-radarr-jiva-divergence: kubectl snapshot (09:12:30), describe and events,
// and the `kubectl logs` of the Jiva replicas and controllers (logrus, UTC).
import { Cluster, JIVA_REP_CONTAINERS, JIVA_CTRL_CONTAINERS } from '../lib/cluster.mjs';
import { Rng } from '../lib/rng.mjs';
import { at, SEC, MIN, DAY, HOUR, k8sTime, human } from '../lib/time.mjs';
import { list, pod, pv as pvObj, pvc as pvcObj, ctrlService } from '../lib/k8s.mjs';
import { rolesFor } from '../lib/kubectl.mjs';
import { eventsBlock, rfc1123z, table } from '../lib/text.mjs';

const T = (d, h, mi, s, us = 0) => at(2026, 3, d, h, mi, s, us, 10);
const SNAP = T(28, 9, 12, 30);
export const V = { key: 'radarr', pv: 'pvc-a634b9a3-fdaa-4b45-9dc3-2486e716d755', ip: '10.152.183.80', csi: false, ns: 'media', claim: 'radarr-config', size: '5Gi' };
export const GHOST = '10.1.236.71';
const r0 = new Rng('seed-003', 'names');
const repPod = (i, nodeName, ip) => { const hash = r0.sfx(10); return { name: `${V.pv}-rep-${i + 1}-${hash}-${r0.sfx(5)}`, rs: `${V.pv}-rep-${i + 1}-${hash}`, uid: r0.uuid(), ip, node: nodeName }; };
/** Replicas: old (crash-looping since 27 March) and fresh (after the 09:16-09:19 wipes) pods. */
export const REP = [
  { node: 'k8s03', head: 'volume-head-176.img', snap: 'volume-snap-e6fa71a8-3b2c-4d1e-9f07-5a8c21b4d6e0.img', old: repPod(0, 'k8s03', '10.1.237.91'), fresh: repPod(0, 'k8s03', '10.1.237.152') },
  { node: 'k8s02', head: 'volume-head-173.img', snap: 'volume-snap-65160391-8d4f-4a2b-b1c6-0e7f93a25d18.img', old: repPod(1, 'k8s02', GHOST), fresh: repPod(1, 'k8s02', '10.1.236.245') },
  { node: 'k8s01', head: 'volume-head-465.img', snap: 'volume-snap-03854b6e-c2a9-47f5-8e1d-6b9f04d3a7c2.img', old: repPod(2, 'k8s01', '10.1.73.101'), fresh: repPod(2, 'k8s01', '10.1.73.117') },
];
const ctrlHash = r0.sfx(10);
export const CTRL_OLD = { name: `${V.pv}-ctrl-${ctrlHash}-${r0.sfx(5)}`, uid: r0.uuid(), ip: '10.1.236.88' };
export const CTRL_NEW = { name: `${V.pv}-ctrl-${ctrlHash}-${r0.sfx(5)}`, uid: r0.uuid(), ip: '10.1.236.214' };
export const RADARR = { name: 'radarr-59b85cfdbd-62bdl', uid: r0.uuid() };

export function buildCluster(seed) {
  const cl = new Cluster(seed, SNAP);
  cl.addApps();
  cl.addJobs(2);
  const labels = { 'openebs.io/cas-type': 'jiva', 'openebs.io/persistent-volume': V.pv };
  cl.ctrl = cl.add({ ns: 'openebs', name: CTRL_OLD.name, uid: CTRL_OLD.uid, ip: CTRL_OLD.ip, node: 'k8s02', app: 'jiva-ctrl', ownerKind: 'ReplicaSet', ownerName: `${V.pv}-ctrl-${ctrlHash}`, containers: JIVA_CTRL_CONTAINERS, restarts: 0, created: T(20, 4, 9, 41), labels: { ...labels, 'openebs.io/controller': 'jiva-controller' } });
  cl.reps = REP.map((x, i) => cl.add({ ns: 'openebs', name: x.old.name, uid: x.old.uid, ip: x.old.ip, node: x.node, app: 'jiva-rep', ownerKind: 'ReplicaSet', ownerName: x.old.rs, containers: JIVA_REP_CONTAINERS, state: 'crashloop', restarts: 339 + i,
    created: T(27, 3, 2, 11 + i * 7, 402000), labels: { ...labels, 'openebs.io/replica': 'jiva-replica' }, extra: { lastFinished: SNAP - (80 + i * 70) * SEC, runSecs: 11, exitCode: 1 } }));
  cl.radarr = cl.add({ ns: 'media', name: RADARR.name, uid: RADARR.uid, ip: null, node: 'k8s01', app: 'radarr', ownerKind: 'ReplicaSet', ownerName: 'radarr-59b85cfdbd', containers: [['radarr', 'lscr.io/linuxserver/radarr:5.8.3', 7878]], state: 'creating', pvcs: [V.claim], created: T(28, 7, 2, 14), restarts: 0 });
  V.pvUid = cl.r.uuid(); V.pvcUid = cl.r.uuid(); V.svcUid = cl.r.uuid();
  return cl;
}

export function addState(ev, cl) {
  const pods = [...cl.pods].sort((a, b) => (`${a.ns}/${a.name}` < `${b.ns}/${b.name}` ? -1 : 1));
  const text = list(pods.map((p) => pod(p, SNAP)));
  ev.blob('kubectl/pods.json', text, rolesFor(text, pods, (p) => (p === cl.radarr || cl.reps.includes(p) ? { role: 'context', keys: [/ContainerCreating|CrashLoopBackOff|back-off 5m0s/] } : p === cl.ctrl ? { role: 'context', keys: [] } : null)));
  ev.blob('kubectl/pvc.json', list([pvcObj(V.ns, V.claim, V.pv, 'openebs-jiva-default', V.pvcUid, T(28, 9, 40, 0) - 34 * DAY, V.size)]));
  ev.blob('kubectl/pv.json', list([pvObj(V, T(28, 9, 40, 0) - 34 * DAY)]));
  const svcText = list([ctrlService(V, T(28, 9, 40, 0) - 34 * DAY)]);
  ev.blob('kubectl/services-openebs.json', svcText);
  ev.blob(`kubectl/describe-pod-${RADARR.name}.txt`, describe(cl), (l) => (/Discovery Address|failed to receive a PDU|reopen_max|WaitForAttach failed/.test(l) ? 'signal' : /ContainerCreating|^Node:|FailedMount/.test(l) ? 'context' : 'noise'));
  ev.blob('kubectl/events-openebs.txt', events(cl), (l) => (/BackOff/.test(l) ? 'signal' : 'noise'));
  logs(ev);
}

function describe(cl) {
  const p = cl.radarr;
  const msg = [`MountVolume.WaitForAttach failed for volume "${V.pv}" : failed to get any path for iscsi disk, last err seen:`, `iscsi: failed to sendtargets to portal ${V.ip}:3260 output: iscsiadm: Connection to Discovery Address ${V.ip} failed`, 'iscsiadm: Login I/O error, failed to receive a PDU', 'iscsiadm: connection login retries (reopen_max) 5 exceeded', 'iscsiadm: No portals found', ', err exit status 21'];
  const ev = eventsBlock(SNAP, [
    { type: 'Normal', reason: 'Scheduled', first: T(28, 7, 2, 14), from: 'default-scheduler', message: `Successfully assigned media/${p.name} to k8s01` },
    { type: 'Normal', reason: 'SuccessfulAttachVolume', first: T(28, 7, 2, 15), from: 'attachdetach-controller', message: `AttachVolume.Attach succeeded for volume "${V.pv}"` },
    { type: 'Warning', reason: 'FailedMount', first: T(28, 7, 4, 16), last: T(28, 9, 10, 54), count: 58, from: 'kubelet', message: `Unable to attach or mount volumes: unmounted volumes=[config], unattached volumes=[config ${p.saVol}]: timed out waiting for the condition` },
    { type: 'Warning', reason: 'FailedMount', first: T(28, 7, 3, 1), last: T(28, 9, 11, 47), count: 63, from: 'kubelet', message: msg[0] },
  ]);
  return ['Name:             radarr-59b85cfdbd-62bdl', 'Namespace:        media', 'Priority:         0', 'Service Account:  default', 'Node:             k8s01/172.22.22.6', `Start Time:       ${rfc1123z(p.created, 10)}`,
    'Labels:           app.kubernetes.io/name=radarr', '                  pod-template-hash=59b85cfdbd', 'Annotations:      <none>', 'Status:           Pending', 'IP:               ', 'IPs:              <none>', 'Controlled By:    ReplicaSet/radarr-59b85cfdbd',
    'Containers:', '  radarr:', '    Container ID:   ', '    Image:          lscr.io/linuxserver/radarr:5.8.3', '    Image ID:       ', '    Port:           7878/TCP', '    Host Port:      0/TCP', '    State:          Waiting', '      Reason:       ContainerCreating', '    Ready:          False', '    Restart Count:  0',
    '    Environment:', '      PUID:  1000', '      PGID:  1000', '      TZ:    Australia/Brisbane', '    Mounts:', '      /config from config (rw)', `      /var/run/secrets/kubernetes.io/serviceaccount from ${p.saVol} (ro)`,
    'Conditions:', '  Type                        Status', '  PodReadyToStartContainers   False ', '  Initialized                 True ', '  Ready                       False ', '  ContainersReady             False ', '  PodScheduled                True ',
    'Volumes:', '  config:', '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', `    ClaimName:  ${V.claim}`, '    ReadOnly:   false',
    'QoS Class:                   BestEffort', 'Node-Selectors:              <none>', 'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s', '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
    ...ev, ...msg.slice(1)].join('\n') + '\n';
}

function events(cl) {
  const r = new Rng('seed-003', 'events');
  const rows = [['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']];
  cl.reps.forEach((p, i) => {
    const first = p.created + 9 * SEC;
    const obj = `pod/${p.name}`;
    const ev = (lastAgo, type, reason, msg, count) => rows.push([human(lastAgo), type, reason, obj, 'spec.containers{jiva-replica}', `kubelet, ${p.node}`, msg, human(SNAP - first), String(count), `${p.name}.${r.hex(16)}`]);
    ev(SNAP - p.extra.lastFinished + 5 * SEC, 'Normal', 'Pulled', 'Container image "docker.io/openebs/jiva:3.6.0" already present on machine', 340 + i);
    ev(SNAP - p.extra.lastFinished + 5 * SEC, 'Normal', 'Created', 'Created container: jiva-replica', 340 + i);
    ev(SNAP - p.extra.lastFinished + 4 * SEC, 'Normal', 'Started', 'Started container jiva-replica', 340 + i);
    ev(r.range(4, 40) * SEC, 'Warning', 'BackOff', `Back-off restarting failed container jiva-replica in pod ${p.name}_openebs(${p.uid})`, 8200 + r.int(400));
  });
  return table(rows).join('\n') + '\n';
}

// ------------------------------------------------------------------- kubectl logs (logrus, UTC)
const L = (t, lvl, msg) => `time="${new Date(Math.floor(t / 1000)).toISOString().replace(/\.\d+Z$/, 'Z')}" level=${lvl} msg="${msg.replace(/"/g, '\\"')}"`;

function replicaRun(t0, addr, rwAddr, x, rw) {
  const out = [];
  let t = t0;
  const a = (dt, lvl, msg, role = 'context') => { t += dt; out.push([t, lvl, msg, role]); };
  a(0, 'info', `Starting replica having replicaType: , frontendIP: ${V.ip}, size: 5368709120, dir: /openebs`, 'noise');
  a(12000, 'info', 'Setting replicaAddr: 0.0.0.0:9502, controlAddr: 0.0.0.0:9502, dataAddr: 0.0.0.0:9503, syncAddr: 0.0.0.0:9504', 'noise');
  a(3000, 'info', `Listening on data server 0.0.0.0:9503`, 'noise');
  a(2000, 'info', `Listening on control server 0.0.0.0:9502`, 'noise');
  a(400000, 'info', `CheckAndResetFailedRebuild tcp://${addr}:9502`);
  a(2000, 'info', `Addreplica tcp://${addr}:9502`);
  a(3000, 'info', 'Get Volume info from controller');
  a(5200000, 'info', `Adding replica tcp://${addr}:9502 in WO mode`);
  return { out, at: () => t, a, rwAddr, x, rw };
}

function logs(ev) {
  const files = {};
  const put = (name, lines) => { files[name] = lines; };
  // the three diverged replicas: last crash before each capture
  const captures = [[REP[0], T(28, 9, 10, 41, 204118), REP[2].old.ip], [REP[1], T(28, 9, 11, 56, 330447), REP[0].old.ip], [REP[2], T(28, 9, 18, 11, 90226), REP[1].old.ip]];
  for (const [x, t0, rwIp] of captures) {
    const run = replicaRun(t0, x.old.ip, rwIp, x);
    const { a } = run;
    a(31000, 'info', `getTransferClients tcp://${x.old.ip}:9502`);
    a(2000, 'info', `Using replica tcp://${rwIp}:9502 as the source for rebuild `);
    a(900, 'info', `Using replica tcp://${x.old.ip}:9502 as the target for rebuild `);
    a(1200, 'info', `SetRebuilding to true in tcp://${x.old.ip}:9502`);
    a(30000, 'info', `PrepareRebuild tcp://${x.old.ip}:9502`);
    const other = REP.find((y) => y.old.ip === rwIp);
    a(41000, 'info', `RevisionCount of RW replica (tcp://${rwIp}:9502): ${88000 + (other.head.length * 37)}, Current replica (tcp://${x.old.ip}:9502): ${87000 + (x.head.length * 41)}`);
    a(600, 'info', `RW replica chain: [${other.head} volume-snap-${other.snap.slice(12, 20)}-1f2e-4d3c-8b5a-6e7d8c9b0a1f.img ${other.snap}], cur replica chain: [${x.head} ${x.snap}]`);
    a(1100, 'fatal', "Failed to add replica to controller, err: Current replica's checkpoint not present in rwReplica chain, Shutting down...", 'signal');
    put(`${x.old.name}.previous.log`, run.out);
  }
  // rep-2 after the wipe: WO, rebuilding from the ghost, cut off during the controller restart
  {
    const x = REP[1];
    const run = replicaRun(T(28, 9, 18, 9, 771203), x.fresh.ip, GHOST, x);
    const { a } = run;
    a(28000, 'info', `getTransferClients tcp://${x.fresh.ip}:9502`);
    a(1800, 'info', `Using replica tcp://${GHOST}:9502 as the source for rebuild `, 'signal');
    a(700, 'info', `Using replica tcp://${x.fresh.ip}:9502 as the target for rebuild `);
    a(1200, 'info', `SetRebuilding to true in tcp://${x.fresh.ip}:9502`);
    a(25000, 'info', `PrepareRebuild tcp://${x.fresh.ip}:9502`);
    run.out.push([T(28, 9, 27, 3, 118002), 'error', `Failed to check replica state, err: Get "http://${V.ip}:9501/v1/replicas/${Buffer.from(`tcp://${x.fresh.ip}:9502`).toString('base64')}": dial tcp ${V.ip}:9501: i/o timeout, will retry`, 'context']);
    run.out.push([T(28, 9, 27, 35, 220931), 'error', `Failed to check replica state, err: Get "http://${V.ip}:9501/v1/replicas/${Buffer.from(`tcp://${x.fresh.ip}:9502`).toString('base64')}": dial tcp ${V.ip}:9501: i/o timeout, will retry`, 'context']);
    run.out.push([T(28, 9, 28, 2, 402117), 'info', 'Register replica at controller', 'context']);
    run.out.push([T(28, 9, 28, 9, 551820), 'info', 'Received start from controller', 'context']);
    put(`${x.fresh.name}.log`, run.out);
  }
  // rep-3 after its wipe: the controller already has a WO replica
  {
    const x = REP[2];
    const run = replicaRun(T(28, 9, 19, 41, 330552), x.fresh.ip, null, x);
    run.a(900, 'error', `Failed to create replica, error: can only have one WO replica at a time, found WO Replica: tcp://${REP[1].fresh.ip}:9502`, 'signal');
    run.a(5001000, 'fatal', `Failed to add replica to controller, err: can only have one WO replica at a time, found WO Replica: tcp://${REP[1].fresh.ip}:9502, Shutting down...`, 'signal');
    put(`${x.fresh.name}.previous.log`, run.out);
  }
  ctrlLogs(put);
  for (const [name, lines] of Object.entries(files)) {
    lines.sort((p, q) => p[0] - q[0]);
    ev.blob(`kubectl-logs/${name}`, lines.map(([t, lvl, msg]) => L(t, lvl, msg)).join('\n') + '\n', (l, i) => lines[i][3]);
  }
  // curl of the controller REST API at 09:23 (kubectl exec ... curl -s http://localhost:9501/v1/replicas)
  const rep = (addr, mode) => ({ actions: { preparerebuild: `http://localhost:9501/v1/replicas/${Buffer.from(addr).toString('base64')}?action=preparerebuild`, verifyrebuild: `http://localhost:9501/v1/replicas/${Buffer.from(addr).toString('base64')}?action=verifyrebuild` }, address: addr, id: Buffer.from(addr).toString('base64'), links: { self: `http://localhost:9501/v1/replicas/${Buffer.from(addr).toString('base64')}` }, mode, type: 'replica' });
  const api = { actions: {}, createTypes: { replica: 'http://localhost:9501/v1/replicas' }, data: [rep(`tcp://${GHOST}:9502`, 'RW'), rep(`tcp://${REP[1].fresh.ip}:9502`, 'WO')], links: { self: 'http://localhost:9501/v1/replicas' }, resourceType: 'replica', type: 'collection' };
  ev.blob('kubectl-logs/ctrl-api-replicas-0923.json', JSON.stringify(api) + '\n', () => 'signal');
  ev.blob('kubectl-logs/iscsi-cleanup.log', [
    `tcp: [39] ${V.ip}:3260,1 iqn.2016-09.com.openebs.jiva:${V.pv} (non-flash)`,
    `Logging out of session [sid: 39, target: iqn.2016-09.com.openebs.jiva:${V.pv}, portal: ${V.ip},3260]`,
    `Logout of [sid: 39, target: iqn.2016-09.com.openebs.jiva:${V.pv}, portal: ${V.ip},3260] successful.`,
  ].join('\n') + '\n', () => 'signal');
}

function ctrlLogs(put) {
  const r = new Rng('seed-003', 'ctrl');
  const old = [];
  const o = (t, lvl, msg, role = 'context') => old.push([t, lvl, msg, role]);
  // k8s01's discovery attempts every ~2m24s: accepted, then closed without a response (no RW replica)
  for (let t = T(28, 8, 54, 31, 220118); t < T(28, 9, 24, 40); t += 144 * SEC + r.int(4 * SEC)) {
    o(t, 'info', `connection establishing at: ${CTRL_OLD.ip}:3260`, 'noise');
    o(t + 310, 'info', `Target is connected to initiator: 10.1.73.64:${r.range(40000, 60999)}`, 'noise');
    o(t + 1700, 'warning', 'iscsi connection[0] closed', 'noise');
  }
  // the crashing replicas keep registering
  for (const [i, x] of REP.entries()) {
    for (let t = T(28, 8, 55, 2, 0) + i * 97 * SEC; t < T(28, 9, 16, 0); t += 5 * MIN + 11 * SEC) {
      o(t, 'info', `Register Replica, Address: ${x.old.ip} Uptime: ${(5 + r.f() * 2).toFixed(6)}s State: closed Type: Backend RevisionCount: ${87000 + i * 211}`);
      o(t + 5300000, 'info', `check if replica tcp://${x.old.ip}:9502 is already added`);
    }
  }
  o(T(28, 9, 16, 12, 402113), 'info', `RemoveReplica tcp://${REP[0].old.ip}:9502 ReplicasAdded:0 FrontendState:down`);
  o(T(28, 9, 18, 15, 118227), 'info', `Register Replica, Address: ${REP[1].fresh.ip} Uptime: 5.412098s State: closed Type: Backend RevisionCount: 0`);
  o(T(28, 9, 18, 15, 551100), 'info', 'check if any WO replica available');
  o(T(28, 9, 18, 16, 2331), 'info', `controller readonly p:true c:true rcount:2 rw_count:1`);
  o(T(28, 9, 19, 47, 440018), 'info', 'check if any WO replica available');
  o(T(28, 9, 19, 47, 440311), 'warning', `can have only one WO replica at a time, found WO replica: tcp://${REP[1].fresh.ip}:9502`, 'signal');
  o(T(28, 9, 23, 41, 905112), 'info', `RemoveReplica tcp://${GHOST}:9502 ReplicasAdded:2 FrontendState:down`, 'signal');
  o(T(28, 9, 23, 41, 906007), 'info', `RemoveReplica tcp://${GHOST}:9502 not found in registered replicas`, 'signal');
  o(T(28, 9, 23, 41, 906450), 'info', 'controller readonly p:true c:true rcount:1 rw_count:0');
  put(`${CTRL_OLD.name}.jiva-controller.log`, old);
  // the new controller (deleted at 09:25, started 09:25:40)
  const nw = [];
  const n = (t, lvl, msg, role = 'context') => nw.push([t, lvl, msg, role]);
  n(T(28, 9, 25, 40, 118004), 'info', 'Starting controller with frontendIP: , and clusterIP: 10.152.183.80', 'noise');
  n(T(28, 9, 25, 40, 330912), 'info', 'Listening on :9501', 'noise');
  n(T(28, 9, 28, 2, 420118), 'info', `Register Replica, Address: ${REP[1].fresh.ip} Uptime: 9m52.6s State: closed Type: Backend RevisionCount: 0`);
  n(T(28, 9, 28, 3, 10228), 'info', `Register Replica, Address: ${REP[0].fresh.ip} Uptime: 9m53.1s State: closed Type: Backend RevisionCount: 0`);
  n(T(28, 9, 28, 3, 11004), 'info', `Replica ${REP[1].fresh.ip} signalled to start, no of registered replicas are 2 and replica count is 3`);
  n(T(28, 9, 28, 9, 902310), 'info', 'controller readonly p:true c:false rcount:2 rw_count:2');
  n(T(28, 9, 30, 11, 208114), 'info', `Register Replica, Address: ${REP[2].fresh.ip} Uptime: 10m29s State: closed Type: Backend RevisionCount: 0`);
  n(T(28, 9, 30, 11, 208902), 'info', 'There are already some replicas attached');
  for (let t = T(28, 9, 33, 4, 402113); t < T(28, 9, 35, 0); t += 12 * SEC + r.int(9 * SEC)) n(t, 'info', 'rejecting connection: 10.1.73.64 target already connected at 172.22.22.9', 'signal');
  n(T(28, 9, 35, 20, 113004), 'info', 'Logout request received from initiator: 172.22.22.9:52216', 'signal');
  n(T(28, 9, 35, 20, 113522), 'warning', 'iscsi connection[0] closed');
  n(T(28, 9, 36, 19, 904118), 'info', `connection establishing at: ${CTRL_NEW.ip}:3260`);
  n(T(28, 9, 36, 19, 904551), 'info', `Target is connected to initiator: 10.1.73.64:${r.range(40000, 60999)}`);
  put(`${CTRL_NEW.name}.jiva-controller.log`, nw);
  void HOUR; void k8sTime;
}
