// Sample 2026-07-silent-control-plane-stall: kubectl snapshot at 19:25:30 UTC on 10 July
// (05:25 AEST on the 11th): pods Pending with no node, no conditions and no events; a Deployment
// whose observedGeneration lags its generation with no new ReplicaSet; both leader leases on k8s03.
import { Cluster, JIVA_REP_CONTAINERS } from '../lib/cluster.mjs';
import { Rng } from '../lib/rng.mjs';
import { at, SEC, MIN, HOUR, DAY, k8sTime } from '../lib/time.mjs';
import { list, pod, nodeObj, event, deployment, replicaSet, lease } from '../lib/k8s.mjs';
import { rolesFor } from '../lib/kubectl.mjs';

const U = (d, h, mi, s, us = 0) => at(2026, 7, d, h, mi, s, us, 0);
const SNAP = U(10, 19, 25, 30);
const FREEZE = U(10, 16, 20, 11);
const r0 = new Rng('silent-stall', 'names');
const CRASHING = [
  ['pvc-0d93b1f4-6c2a-4e8b-b7d1-52a9e0c6f3d8', 'k8s02', 12 * DAY, 3310], ['pvc-0d93b1f4-6c2a-4e8b-b7d1-52a9e0c6f3d8', 'k8s03', 5 * DAY, 1402],
  ['pvc-c7e3a915-2b68-4d0f-9e17-3a5f82d6b0c4', 'k8s01', 2 * DAY, 561], ['pvc-eaa33b86-5f2e-4c71-9a0b-3d6e18c4f702', 'k8s02', 17 * HOUR, 196],
].map(([pv, n, age, restarts], i) => ({ pv, node: n, age, restarts, name: `${pv}-jiva-rep-${i % 3}`, uid: r0.uuid() }));
export const STORM_KEYS = [...CRASHING.flatMap((c) => [`/registry/events/openebs/${c.name}.18${r0.hex(14)}`, `/registry/pods/openebs/${c.name}`]),
  '/registry/leases/kube-system/kube-controller-manager', '/registry/leases/kube-system/kube-scheduler'];

export function buildCluster(seed) {
  const cl = new Cluster(seed, SNAP);
  const r = cl.r;
  cl.addApps();
  cl.addJobs(2);
  cl.crashing = CRASHING.map((c) => cl.add({ ns: 'openebs', name: c.name, uid: c.uid, node: c.node, app: 'jiva-rep', ownerKind: 'StatefulSet', ownerName: c.name.slice(0, -2), containers: JIVA_REP_CONTAINERS, state: 'crashloop', restarts: c.restarts, created: SNAP - c.age, labels: { 'openebs.io/cas-type': 'jiva', 'openebs.io/persistent-volume': c.pv, 'openebs.io/replica': 'jiva-replica' }, extra: { lastFinished: SNAP - r.range(30, 280) * SEC, runSecs: 9 } }));
  // CronJob k8s-heartbeat (every 5 min): the frozen KCM keeps creating Jobs, nothing schedules their pods
  cl.pending = [];
  cl.jobs = [];
  for (let t = U(10, 16, 35, 0); t <= SNAP; t += 5 * MIN) {
    const job = `k8s-heartbeat-${Math.floor(t / 60e6)}`;
    const uid = r.uuid();
    cl.jobs.push({ job, uid, t });
    cl.pending.push(cl.add({ ns: 'kube-system', name: `${job}-${r.sfx(5)}`, node: null, ip: null, app: 'k8s-heartbeat', ownerKind: 'Job', ownerName: job, ownerUid: uid, containers: [['heartbeat', 'docker.io/curlimages/curl:8.8.0', 0]], state: 'unscheduled', created: t + r.range(80, 900) * 1000, restarts: 0 }));
  }
  cl.pending.push(cl.add({ ns: 'ci', name: `automation-job-2426-${r.sfx(5)}`, node: null, ip: null, app: 'automation-job', ownerKind: 'Job', ownerName: 'automation-job-2426', containers: [['automation', 'ghcr.io/pgmac-net/automation:2026.07.1', 0]], state: 'unscheduled', created: U(10, 17, 2, 46), restarts: 0 }));
  return cl;
}

export function addState(ev, cl) {
  const r = new Rng('silent-stall', 'state');
  const pods = [...cl.pods].sort((a, b) => (`${a.ns}/${a.name}` < `${b.ns}/${b.name}` ? -1 : 1));
  const text = list(pods.map((p) => pod(p, SNAP)));
  ev.blob('kubectl/pods.json', text, rolesFor(text, pods, (p) => (cl.pending.includes(p) ? { role: 'context', keys: [/"phase": "Pending"/] } : cl.crashing.includes(p) ? { role: 'decoy', keys: [/CrashLoopBackOff/] } : null)));
  const nodes = ['k8s01', 'k8s02', 'k8s03'].map((n) => nodeObj(n, { uid: r.uuid(), created: U(1, 0, 0, 0) - 260 * DAY, since: U(3, 21, 45, 0) + r.int(3 * MIN) + (n === 'k8s01' ? 7 * DAY - 2 * DAY : 0), heartbeat: SNAP - r.range(4, 45) * SEC, bootId: r.uuid(), machineId: r.hex(32), systemUuid: r.uuid() }));
  ev.blob('kubectl/nodes.json', list(nodes));
  // events: plenty, none about the Pending pods
  const evs = [];
  const add = (e) => evs.push(event({ hash: r.hex(16), evUid: r.uuid(), ...e }));
  for (const j of cl.jobs) {
    add({ ns: 'kube-system', kind: 'CronJob', obj: 'k8s-heartbeat', uid: 'b1d0e6c2-7f3a-4c55-9e21-6a8d0f4b3c71', reason: 'SuccessfulCreate', message: `Created job ${j.job}`, type: 'Normal', first: j.t + 50000, component: 'cronjob-controller' });
    const p = cl.pending.find((x) => x.ownerName === j.job);
    add({ ns: 'kube-system', kind: 'Job', obj: j.job, uid: j.uid, reason: 'SuccessfulCreate', message: `Created pod: ${p.name}`, type: 'Normal', first: p.created, component: 'job-controller' });
  }
  for (const c of cl.crashing) add({ ns: 'openebs', obj: c.name, uid: c.uid, reason: 'BackOff', message: `Back-off restarting failed container jiva-replica in pod ${c.name}_openebs(${c.uid})`, type: 'Warning', first: SNAP - c.age + 40 * SEC, last: SNAP - r.range(5, 200) * SEC, count: 2000 + r.int(8000), component: 'kubelet', host: c.node, fieldPath: 'spec.containers{jiva-replica}' });
  const running = cl.pods.filter((p) => p.state === 'running');
  for (let i = 0; i < 14; i++) {
    const p = r.pick(running);
    add({ ns: p.ns, obj: p.name, uid: p.uid, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${p.ip}:${p.containers[0].port || 8080}/ready": dial tcp ${p.ip}:${p.containers[0].port || 8080}: connect: connection refused`, type: 'Warning', first: U(10, 12, 0, 0) + r.int(7 * HOUR), count: 1 + r.int(3), component: 'kubelet', host: p.node, fieldPath: `spec.containers{${p.containers[0].name}}` });
  }
  evs.sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? -1 : 1));
  const evText = list(evs);
  ev.blob('kubectl/events.json', evText, rolesFor(evText, evs, (e) => (e.reason === 'BackOff' ? { role: 'decoy', keys: [/Back-off restarting/] } : null)));
  // Deployments: ArgoCD bumped prowlarr at 17:10 UTC; the frozen deployment controller never saw it
  const deps = [];
  const rss = [];
  const depRole = [];
  for (const p of running.filter((x) => x.ownerKind === 'ReplicaSet' && x.ns !== 'openebs')) {
    const app = p.app;
    const hash = p.ownerName.split('-').pop();
    const stale = app === 'prowlarr';
    const uid = r.uuid();
    const gen = stale ? 7 : 3 + r.int(6);
    const created = SNAP - r.range(60, 300) * DAY;
    const image = stale ? 'lscr.io/linuxserver/prowlarr:1.22.0' : p.containers[0].image;
    const conds = [{ lastTransitionTime: k8sTime(created + DAY), lastUpdateTime: k8sTime(created + DAY), message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
      { lastTransitionTime: k8sTime(created), lastUpdateTime: k8sTime(SNAP - r.range(8, 30) * DAY), message: `ReplicaSet "${p.ownerName}" has successfully progressed.`, reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' }];
    deps.push(deployment({ ns: p.ns, app, uid, created, generation: gen, revision: stale ? 6 : 2, replicas: 1, image, status: { availableReplicas: 1, conditions: conds, observedGeneration: stale ? 6 : gen, readyReplicas: 1, replicas: 1, updatedReplicas: 1 } }));
    depRole.push(stale ? { role: 'context', keys: [/"generation": 7|"observedGeneration": 6|prowlarr:1\.22\.0/] } : null);
    rss.push(replicaSet({ ns: p.ns, app, hash, uid: r.uuid(), deployUid: uid, created: SNAP - r.range(8, 30) * DAY, replicas: 1, revision: stale ? 6 : 2, generation: 1, image: p.containers[0].image, status: { availableReplicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1, readyReplicas: 1, replicas: 1, terminatingReplicas: 0 } }));
  }
  const depText = list(deps);
  ev.blob('kubectl/deployments.json', depText, rolesFor(depText, deps, (d) => depRole[deps.indexOf(d)]));
  ev.blob('kubectl/replicasets.json', list(rss));
  const leases = [
    lease('kube-controller-manager', `k8s03_${r.uuid()}`, U(9, 22, 41, 7, 118004), SNAP - 1800000, 14, r.uuid()),
    lease('kube-scheduler', `k8s03_${r.uuid()}`, U(9, 22, 41, 9, 402117), SNAP - 2600000, 11, r.uuid()),
  ];
  const leaseText = list(leases);
  ev.blob('kubectl/leases.json', leaseText, rolesFor(leaseText, leases, () => ({ role: 'context', keys: [/"holderIdentity": "k8s03_/] })));
  void FREEZE;
}
