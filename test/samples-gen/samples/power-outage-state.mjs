// Sample 2026-05-28-power-outage: cluster state. kubectl/ is the snapshot taken at 21:05:37 AEST
// (stuck pods, node volumesInUse); kubectl-2210/ was taken at 22:10:14 AEST after the force
// deletes (ReplicaSets with stale terminatingReplicas). Plus the dependency-track container log.
import { Cluster, addJivaVolume, node } from '../lib/cluster.mjs';
import { Rng } from '../lib/rng.mjs';
import { at, SEC, MIN, DAY, isoNano } from '../lib/time.mjs';
import { list, pod, nodeObj, replicaSet, pv as pvObj, pvc as pvcObj } from '../lib/k8s.mjs';
import { rolesFor } from '../lib/kubectl.mjs';

const T = (d, h, mi, s, us = 0) => at(2026, 5, d, h, mi, s, us, 10);
const SNAP_A = T(28, 21, 5, 37);
const SNAP_B = T(28, 22, 10, 14);

const r0 = new Rng('seed-001', 'volumes');
const backup = (key, ns, claim) => ({ key, pv: `pvc-${r0.uuid()}`, ip: `10.152.183.${r0.range(100, 240)}`, csi: true, ns, claim });
/** Volumes named by the seed (fixed) and the four backup volumes whose controllers shared k8s01. */
export const V = {
  seerr: { key: 'seerr', pv: 'pvc-746b2837-ca3c-4b95-9168-7b767573f799', ip: '10.152.183.57', csi: true, ns: 'media', claim: 'seerr-seerr-chart-config' },
  survive: { key: 'survive', pv: 'pvc-a3a7e012-0c4d-4f4b-a1d9-5b8e2f71c036', ip: '10.152.183.22', csi: false, ns: 'survive', claim: 'survive-minecraft-datadir' },
  radarr: { key: 'radarr', pv: 'pvc-a634b9a3-fdaa-4b45-9dc3-2486e716d755', ip: '10.152.183.80', csi: false, ns: 'media', claim: 'radarr-config' },
  sonarr: { key: 'sonarr', pv: 'pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd', ip: '10.152.183.62', csi: false, ns: 'media', claim: 'sonarr-config' },
  readarr: { key: 'readarr', pv: 'pvc-3f8d2c61-9e4b-47a0-b5c3-1d7e6f9a2b08', ip: '10.152.183.119', csi: false, ns: 'media', claim: 'readarr-config' },
  calibreweb: { key: 'calibreweb', pv: 'pvc-91b5e7d3-6a2f-4c18-9e04-b7c3d5a8f162', ip: '10.152.183.154', csi: false, ns: 'media', claim: 'calibreweb-config' },
};
V.backups = [backup('restic', 'velero', 'restic-repo'), backup('ha-backup', 'home', 'ha-backup'), backup('dtrack-backup', 'ci', 'dtrack-db-backup'), backup('prom-snapshots', 'monitoring', 'prom-snapshots')];
V.evicted = [V.seerr, V.survive, ...V.backups];
for (const v of V.evicted) { v.hash = r0.sfx(10); v.oldCtrl = `${v.pv}${v.csi ? '-jiva-ctrl' : '-ctrl'}-${v.hash}-${r0.sfx(5)}`; v.oldUid = r0.uuid(); v.oldCid = r0.hex(64); }

const STUCK = ['radarr', 'sonarr', 'readarr', 'calibreweb'];
const IMAGES = { radarr: 'lscr.io/linuxserver/radarr:5.8.3', sonarr: 'lscr.io/linuxserver/sonarr:4.0.9', readarr: 'lscr.io/linuxserver/readarr:0.4.0-develop', calibreweb: 'lscr.io/linuxserver/calibre-web:0.6.22' };

export function buildCluster(seed) {
  const cl = new Cluster(seed, SNAP_A);
  const r = cl.r;
  cl.addApps();
  cl.addJobs(2);
  cl.stuck = {};
  cl.hash = {};
  for (const [i, app] of STUCK.entries()) {
    const hash = r.sfx(10);
    cl.hash[app] = hash;
    cl.stuck[app] = cl.add({ ns: 'media', name: `${app}-${hash}-${r.sfx(5)}`, node: 'k8s03', app, ownerKind: 'ReplicaSet', ownerName: `${app}-${hash}`, containers: [[app, IMAGES[app], 7878 + i]],
      state: 'creating', ip: null, created: T(28, 20, 47, 2 + i * 2, 611000), restarts: 0, pvcs: [V[app].claim] });
  }
  cl.later = { radarr: `radarr-${cl.hash.radarr}-${r.sfx(5)}`, sonarr: `sonarr-${cl.hash.sonarr}-${r.sfx(5)}` };
  cl.add({ ns: 'media', name: 'seerr-seerr-chart-0', node: 'k8s02', app: 'seerr', ownerKind: 'StatefulSet', ownerName: 'seerr-seerr-chart', containers: [['seerr', 'ghcr.io/seerr-team/seerr:v2.7.0', 5055]], pvcs: [V.seerr.claim], created: T(28, 18, 52, 40) });
  cl.add({ ns: 'survive', name: 'survive-minecraft-0', node: 'k8s02', app: 'survive-minecraft', ownerKind: 'StatefulSet', ownerName: 'survive-minecraft', containers: [['survive-minecraft', 'docker.io/itzg/minecraft-server:2024.7.2', 25565]], pvcs: [V.survive.claim], created: T(28, 18, 53, 2) });
  cl.dtrack = cl.add({ ns: 'ci', name: 'dependency-track-api-server-0', node: 'k8s01', app: 'dependency-track-api-server', ownerKind: 'StatefulSet', ownerName: 'dependency-track-api-server',
    containers: [['dependency-track-apiserver', 'docker.io/dependencytrack/apiserver:4.11.7', 8080]], state: 'crashloop', restarts: 461, created: T(22, 11, 34, 50), extra: { lastFinished: SNAP_A - 3 * MIN - 12 * SEC, runSecs: 16 } });
  // Jiva: the evicted controllers were recreated at 20:21:04 on k8s02/k8s03; media controllers run on k8s01/k8s02
  V.evicted.forEach((v, i) => addJivaVolume(cl, { ...v, ctrlNode: i % 2 ? 'k8s02' : 'k8s03', repNodes: ['k8s01', 'k8s02', 'k8s03'], ctrlHash: v.hash, ctrlCreated: T(28, 20, 21, 4, 402113 + i * 1000) }));
  STUCK.forEach((app, i) => addJivaVolume(cl, { ...V[app], ctrlNode: i % 2 ? 'k8s01' : 'k8s02', repNodes: ['k8s01', 'k8s02', 'k8s03'] }));
  return cl;
}

const uniq = (v) => (v.csi ? `kubernetes.io/csi/jiva.csi.openebs.io^${v.pv}` : `kubernetes.io/iscsi/${v.ip}:3260:iqn.2016-09.com.openebs.jiva:${v.pv}:0`);

export function addState(ev, cl) {
  const r = new Rng('seed-001', 'state');
  // snapshot A: kubectl get pods -A -o json; kubectl get nodes -o json
  const pods = [...cl.pods].sort((a, b) => (`${a.ns}/${a.name}` < `${b.ns}/${b.name}` ? -1 : 1));
  const podsText = list(pods.map((p) => pod(p, SNAP_A)));
  ev.blob('kubectl/pods.json', podsText, rolesFor(podsText, pods, (p) => (p.state === 'creating' || p.state === 'crashloop' ? { role: 'context', keys: [/ContainerCreating|CrashLoopBackOff|back-off 5m0s|"restartCount": 461/] } : null)));
  const stuckVols = STUCK.map((a) => V[a]);
  const names = ['k8s01', 'k8s02', 'k8s03'];
  const nodes = names.map((n) => nodeObj(n, {
    uid: r.uuid(), created: T(1, 9, 0, 0) - 200 * DAY, since: n === 'k8s01' ? T(28, 20, 22, 40) : T(28, 18, 43, 10), heartbeat: SNAP_A - r.range(3, 40) * SEC, bootId: r.uuid(), machineId: r.hex(32), systemUuid: r.uuid(),
    ...(n === 'k8s03' ? { volumesInUse: stuckVols.map(uniq).sort(), volumesAttached: stuckVols.map((v) => ({ devicePath: '', name: uniq(v) })) } : {}),
    ...(n === 'k8s02' ? { volumesInUse: [V.seerr, V.survive].map(uniq).sort(), volumesAttached: [V.seerr, V.survive].map((v) => ({ devicePath: v.csi ? '' : `/dev/disk/by-path/ip-${v.ip}:3260-iscsi-iqn.2016-09.com.openebs.jiva:${v.pv}-lun-0`, name: uniq(v) })) } : {}),
  }));
  const vols = [...V.evicted, ...STUCK.map((a) => V[a])];
  for (const v of vols) { v.pvUid = v.pvUid ?? r.uuid(); v.pvcUid = v.pvcUid ?? r.uuid(); }
  ev.blob('kubectl/pvc.json', list(vols.map((v) => pvcObj(v.ns, v.claim, v.pv, v.csi ? 'openebs-jiva-csi-default' : 'openebs-jiva-default', v.pvcUid, T(2, 10, 0, 0) - 90 * DAY + r.int(80 * DAY)))));
  ev.blob('kubectl/pv.json', list(vols.map((v) => pvObj(v, T(2, 10, 0, 0) - 90 * DAY + r.int(80 * DAY)))));
  const nodesText = list(nodes);
  ev.blob('kubectl/nodes.json', nodesText, rolesFor(nodesText, names, (n) => (n === 'k8s03' ? { role: 'context', keys: [/kubernetes\.io\/iscsi\//] } : null)));

  // snapshot B (22:10): media namespace after the force deletes at 21:50
  const media = cl.pods.filter((p) => p.ns === 'media' && p.state !== 'creating').map((p) => ({ ...p }));
  for (const [app, n, sfx] of [['readarr', 'k8s01', r.sfx(5)], ['calibreweb', 'k8s02', r.sfx(5)]]) {
    const s = cl.stuck[app];
    media.push({ ...s, name: `${app}-${cl.hash[app]}-${sfx}`, uid: r.uuid(), node: n, ip: cl.ip(n), state: 'running', created: T(28, 21, 50, 16, 118000), started: T(28, 21, 52, 31, 0) });
  }
  media.sort((a, b) => (a.name < b.name ? -1 : 1));
  const mediaText = list(media.map((p) => pod(p, SNAP_B)));
  ev.blob('kubectl-2210/pods.json', mediaText);
  const rsets = [];
  const rsMeta = [];
  for (const app of [...STUCK, 'prowlarr', 'bazarr', 'jellyfin', 'sabnzbd', 'tautulli']) {
    const live = media.find((p) => p.app === app);
    const hash = cl.hash[app] ?? live.ownerName.split('-').pop();
    const deployUid = r.uuid();
    const stale = app === 'radarr' || app === 'sonarr';
    const image = IMAGES[app] ?? live.containers[0].image;
    const status = stale ? { fullyLabeledReplicas: 1, observedGeneration: 3, replicas: 1, terminatingReplicas: 1 }
      : { availableReplicas: 1, fullyLabeledReplicas: 1, observedGeneration: 3, readyReplicas: 1, replicas: 1, terminatingReplicas: 0 };
    rsets.push(replicaSet({ ns: 'media', app, hash: r.sfx(10), uid: r.uuid(), deployUid, created: T(3, 14, 2, 11) + r.int(DAY), replicas: 0, revision: 4, generation: 4, image, desired: 1, status: { observedGeneration: 4, replicas: 0, terminatingReplicas: 0 } }));
    rsMeta.push(null);
    rsets.push(replicaSet({ ns: 'media', app, hash, uid: r.uuid(), deployUid, created: T(14, 9, 40, 3) + r.int(DAY), replicas: 1, revision: 5, generation: 3, image, desired: 1, status }));
    rsMeta.push(stale ? { role: 'context', keys: [/"terminatingReplicas": 1/] } : null);
  }
  const rsText = list(rsets);
  ev.blob('kubectl-2210/replicasets.json', rsText, rolesFor(rsText, rsMeta, (m) => m));
  dtrackLog(ev, cl);
}

/** /var/log/pods/.../dependency-track-apiserver/499.log on k8s01 (CRI format, +10:00). */
function dtrackLog(ev, cl) {
  const p = cl.dtrack;
  const r = new Rng('seed-001', 'dtrack-log');
  const t0 = T(29, 9, 58, 2, 118402);
  const utc = (t) => { const d = new Date(t / 1000); return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)},${String(Math.floor((t / 1000) % 1000)).padStart(3, '0')}`; };
  const lines = [];
  let t = t0;
  const out = (text, role = 'noise', stream = 'stdout', dt = 1000 + r.int(40000)) => { t += dt; lines.push({ text: `${isoNano(t, 10, r.int(1000))} ${stream} F ${text}`, role }); };
  const log = (lvl, cls, msg, role) => out(`${utc(t)} ${lvl} [${cls}] ${msg}`, role);
  log('INFO', 'Config', '--------------------------------------------------------------------------------');
  log('INFO', 'Config', 'OWASP Dependency-Track');
  log('INFO', 'Config', 'Version:            4.11.7');
  log('INFO', 'Config', 'Build Time:         2024-09-02T13:27:19Z');
  log('INFO', 'Config', 'Database Type:      PostgreSQL');
  log('INFO', 'Config', 'Data directory:     /data/.dependency-track');
  log('INFO', 'Config', '--------------------------------------------------------------------------------');
  log('INFO', 'RequirementsVerifier', 'Verifying system requirements');
  log('INFO', 'EmbeddedJettyServer', 'alpine-executable-war v2.2.5 (d2df6ad9-37f3-4d0d-96c5-e4dd7f7bd3f1) built on: 2024-09-02T13:22:01Z');
  log('INFO', 'UpgradeInitializer', 'Initializing upgrade framework', 'context');
  out(`${utc(t)} ERROR [UpgradeInitializer] An error occurred determining database schema version`, 'signal', 'stdout', 10031000);
  const trace = [
    ['java.net.UnknownHostException: dtrack-postgresql.ci', 'signal'],
    ['\tat alpine.server.upgrade.UpgradeMetaProcessor.createConnection(UpgradeMetaProcessor.java:193)', 'signal'],
    ['\tat alpine.server.upgrade.UpgradeMetaProcessor.getSchemaVersion(UpgradeMetaProcessor.java:120)', 'context'],
    ['\tat alpine.server.upgrade.UpgradeExecutor.executeUpgrades(UpgradeExecutor.java:51)', 'context'],
    ['\tat org.dependencytrack.upgrade.UpgradeInitializer.contextInitialized(UpgradeInitializer.java:72)', 'context'],
    ['\tat org.eclipse.jetty.server.handler.ContextHandler.callContextInitialized(ContextHandler.java:1073)', 'context'],
    ['\t... 24 more', 'context'],
    ['Caused by: org.postgresql.util.PSQLException: The connection attempt failed.', 'signal'],
    ['\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)', 'context'],
    ['\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)', 'context'],
    ['\tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)', 'context'],
    ['\t... 31 more', 'context'],
    ['Caused by: java.net.UnknownHostException: dtrack-postgresql.ci', 'signal'],
    ['\tat java.base/sun.nio.ch.NioSocketImpl.connect(Unknown Source)', 'context'],
    ['\tat java.base/java.net.SocksSocketImpl.connect(Unknown Source)', 'context'],
    ['\tat java.base/java.net.Socket.connect(Unknown Source)', 'context'],
    ['\tat org.postgresql.core.PGStream.createSocket(PGStream.java:243)', 'context'],
    ['\t... 36 more', 'context'],
  ];
  for (const [line, role] of trace) out(line, role, 'stdout', 11);
  log('INFO', 'EmbeddedJettyServer', 'Shutting down');
  ev.blob(`k8s01/pods/ci_dependency-track-api-server-0_${p.uid}/dependency-track-apiserver/499.log`, lines.map((l) => l.text).join('\n') + '\n', (_, i) => lines[i].role);
  void node;
}
