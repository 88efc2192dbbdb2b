// The pvek8s cluster as the seeds describe it: three microk8s nodes, OpenEBS Jiva, Calico, and
// the homelab workloads. Each sample builds its own snapshot of it with a fixed seed.
import { Rng } from './rng.mjs';
import { DAY, MIN, SEC } from './time.mjs';

export const NODES = [
  { name: 'k8s01', ip: '172.22.22.6', blocks: ['10.1.73.', [65, 190]], tunnel: '10.1.73.64', mac: '52:54:00:3a:91:06' },
  { name: 'k8s02', ip: '172.22.22.8', blocks: ['10.1.236.', [65, 126, 193, 254]], tunnel: '10.1.236.64', mac: '52:54:00:6e:1c:08' },
  { name: 'k8s03', ip: '172.22.22.9', blocks: ['10.1.237.', [65, 190]], tunnel: '10.1.237.64', mac: '52:54:00:b4:07:09' },
];
export const NODE_NAMES = NODES.map((n) => n.name);
export const node = (name) => NODES.find((n) => n.name === name);
export const KUBE_VERSION = 'v1.35.0';

// [ns, app, kind, replicas ('ds' = one per node), containers [[name, image, port]]]
export const APPS = [
  ['kube-system', 'calico-node', 'DaemonSet', 'ds', [['calico-node', 'docker.io/calico/node:v3.28.1', 9099]]],
  ['kube-system', 'calico-kube-controllers', 'Deployment', 1, [['calico-kube-controllers', 'docker.io/calico/kube-controllers:v3.28.1', 0]]],
  ['kube-system', 'coredns', 'Deployment', 1, [['coredns', 'registry.k8s.io/coredns/coredns:v1.11.3', 8181]]],
  ['kube-system', 'metrics-server', 'Deployment', 1, [['metrics-server', 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', 10250]]],
  ['kube-system', 'hostpath-provisioner', 'Deployment', 1, [['hostpath-provisioner', 'cdkbot/hostpath-provisioner:1.5.0', 0]]],
  ['openebs', 'openebs-jiva-csi-node', 'DaemonSet', 'ds', [['csi-node-driver-registrar', 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.10.0', 0], ['jiva-csi-plugin', 'docker.io/openebs/jiva-csi:3.6.0', 0], ['liveness-probe', 'registry.k8s.io/sig-storage/livenessprobe:v2.12.0', 9808]]],
  ['openebs', 'openebs-jiva-operator', 'Deployment', 1, [['jiva-operator', 'docker.io/openebs/jiva-operator:3.6.0', 8282]]],
  ['openebs', 'openebs-jiva-csi-controller', 'StatefulSet', 1, [['csi-provisioner', 'registry.k8s.io/sig-storage/csi-provisioner:v4.0.1', 0], ['jiva-csi-plugin', 'docker.io/openebs/jiva-csi:3.6.0', 0]]],
  ['openebs', 'openebs-ndm', 'DaemonSet', 'ds', [['node-disk-manager', 'docker.io/openebs/node-disk-manager:2.1.0', 0]]],
  ['ingress', 'nginx-ingress-microk8s-controller', 'DaemonSet', 'ds', [['nginx-ingress-microk8s', 'registry.k8s.io/ingress-nginx/controller:v1.11.2', 10254]]],
  ['monitoring', 'node-exporter', 'DaemonSet', 'ds', [['node-exporter', 'quay.io/prometheus/node-exporter:v1.8.2', 9100]]],
  ['monitoring', 'prometheus-k8s', 'StatefulSet', 1, [['prometheus', 'quay.io/prometheus/prometheus:v2.53.0', 9090]]],
  ['monitoring', 'grafana', 'Deployment', 1, [['grafana', 'docker.io/grafana/grafana:11.1.0', 3000]]],
  ['monitoring', 'kube-state-metrics', 'Deployment', 1, [['kube-state-metrics', 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0', 8080]]],
  ['argocd', 'argocd-application-controller', 'StatefulSet', 1, [['argocd-application-controller', 'quay.io/argoproj/argocd:v2.12.3', 8082]]],
  ['argocd', 'argocd-repo-server', 'Deployment', 1, [['argocd-repo-server', 'quay.io/argoproj/argocd:v2.12.3', 8084]]],
  ['argocd', 'argocd-server', 'Deployment', 1, [['argocd-server', 'quay.io/argoproj/argocd:v2.12.3', 8080]]],
  ['cert-manager', 'cert-manager', 'Deployment', 1, [['cert-manager-controller', 'quay.io/jetstack/cert-manager-controller:v1.15.3', 9402]]],
  ['media', 'prowlarr', 'Deployment', 1, [['prowlarr', 'lscr.io/linuxserver/prowlarr:1.21.2', 9696]]],
  ['media', 'bazarr', 'Deployment', 1, [['bazarr', 'lscr.io/linuxserver/bazarr:1.4.3', 6767]]],
  ['media', 'jellyfin', 'Deployment', 1, [['jellyfin', 'docker.io/jellyfin/jellyfin:10.9.9', 8096]]],
  ['media', 'sabnzbd', 'Deployment', 1, [['sabnzbd', 'lscr.io/linuxserver/sabnzbd:4.3.3', 8080]]],
  ['media', 'tautulli', 'Deployment', 1, [['tautulli', 'ghcr.io/tautulli/tautulli:v2.14.4', 8181]]],
  ['ci', 'dtrack-postgresql', 'StatefulSet', 1, [['postgresql', 'docker.io/bitnami/postgresql:16.4.0', 5432]]],
  ['ci', 'dependency-track-frontend', 'Deployment', 1, [['dependency-track-frontend', 'docker.io/dependencytrack/frontend:4.11.7', 8080]]],
  ['ci', 'gitea', 'Deployment', 1, [['gitea', 'docker.io/gitea/gitea:1.22.1', 3000]]],
  ['home', 'mosquitto', 'Deployment', 1, [['mosquitto', 'docker.io/library/eclipse-mosquitto:2.0.18', 1883]]],
  ['home', 'zigbee2mqtt', 'Deployment', 1, [['zigbee2mqtt', 'docker.io/koenkk/zigbee2mqtt:1.40.0', 8080]]],
  ['home', 'node-red', 'Deployment', 1, [['node-red', 'docker.io/nodered/node-red:4.0.2', 1880]]],
  ['web', 'nextcloud-redis', 'Deployment', 1, [['redis', 'docker.io/library/redis:7.2.4-alpine', 6379]]],
  ['web', 'mariadb', 'StatefulSet', 1, [['mariadb', 'docker.io/library/mariadb:11.4.3', 3306]]],
  ['web', 'freshrss', 'Deployment', 1, [['freshrss', 'lscr.io/linuxserver/freshrss:1.24.1', 80]]],
  ['web', 'uptime-kuma', 'Deployment', 1, [['uptime-kuma', 'docker.io/louislam/uptime-kuma:1.23.13', 3001]]],
  ['velero', 'velero', 'Deployment', 1, [['velero', 'docker.io/velero/velero:v1.14.0', 8085]]],
];

export const JIVA_CTRL_CONTAINERS = [['jiva-controller', 'docker.io/openebs/jiva:3.6.0', 3260], ['maya-volume-exporter', 'docker.io/openebs/m-exporter:3.6.0', 9500]];
export const JIVA_REP_CONTAINERS = [['jiva-replica', 'docker.io/openebs/jiva:3.6.0', 9502]];

/** A fresh cluster model: nodes, pods, and helpers to add pods with stable identities. */
export class Cluster {
  constructor(seed, snapT) {
    this.r = new Rng(seed, 'cluster');
    this.snapT = snapT;
    this.pods = [];
    this.used = new Set();
    this.owners = {};
  }
  ip(nodeName) {
    const n = node(nodeName);
    const ranges = n.blocks[1];
    for (;;) {
      const k = this.r.int(ranges.length / 2) * 2;
      const ip = n.blocks[0] + this.r.range(ranges[k], ranges[k + 1]);
      if (!this.used.has(ip)) { this.used.add(ip); return ip; }
    }
  }
  ownerUid(key) { return (this.owners[key] ??= this.r.uuid()); }
  /** spec: {ns, name, node, app, ownerKind, ownerName, containers, created?, state?, restarts?, pvcs?, ip?, labels?, extra?} */
  add(spec) {
    const r = this.r;
    const created = spec.created ?? this.snapT - r.range(3, 40) * DAY - r.int(DAY);
    const pod = {
      uid: spec.uid ?? r.uuid(), state: 'running', pvcs: [], labels: {}, extra: {}, ...spec,
      ip: spec.ip === null ? null : spec.ip ?? this.ip(spec.node),
      created, started: spec.started ?? created + r.range(2, 40) * SEC,
      sandbox: r.hex(64), saVol: `kube-api-access-${r.sfx(5)}`,
      ownerUid: spec.ownerUid ?? this.ownerUid(`${spec.ns}/${spec.ownerKind}/${spec.ownerName}`),
      containers: spec.containers.map(([name, image, port]) => ({ name, image, port, cid: r.hex(64), imageId: `sha256:${r.hex(64)}`, restarts: spec.restarts ?? r.pick([0, 0, 0, 0, 1, 2]) })),
    };
    this.pods.push(pod);
    return pod;
  }
  /** The base workloads (APPS) spread over the nodes; `skip` names apps the sample adds itself. */
  addApps(skip = []) {
    const r = this.r;
    for (const [ns, app, kind, reps, containers] of APPS) {
      if (skip.includes(app)) continue;
      if (reps === 'ds') {
        for (const n of NODES) this.add({ ns, name: `${app}-${r.sfx(5)}`, node: n.name, app, ownerKind: 'DaemonSet', ownerName: app, containers });
        continue;
      }
      const hash = r.sfx(10);
      for (let i = 0; i < reps; i++) {
        const sts = kind === 'StatefulSet';
        this.add({ ns, name: sts ? `${app}-${i}` : `${app}-${hash}-${r.sfx(5)}`, node: r.pick(NODE_NAMES), app, ownerKind: sts ? 'StatefulSet' : 'ReplicaSet', ownerName: sts ? app : `${app}-${hash}`, containers });
      }
    }
  }
  /** Completed CronJob pods of the last days (what `get pods -A` shows besides workloads). */
  addJobs(days = 3) {
    const r = this.r;
    for (const [ns, job, image] of [['velero', 'restic-maintain', 'docker.io/restic/restic:0.17.0'], ['web', 'nextcloud-cron', 'docker.io/library/nextcloud:29.0.5-apache'], ['ci', 'dtrack-db-backup', 'docker.io/bitnami/postgresql:16.4.0']]) {
      for (let d = 0; d < days; d++) {
        const created = this.snapT - (d + 1) * DAY + r.range(0, 600) * MIN / 10;
        const jobName = `${job}-${Math.floor(created / 60e6)}`;
        this.add({ ns, name: `${jobName}-${r.sfx(5)}`, node: r.pick(NODE_NAMES), app: job, ownerKind: 'Job', ownerName: jobName, ownerUid: r.uuid(), containers: [[job, image, 0]], state: 'succeeded', created, restarts: 0 });
      }
    }
  }
  on(nodeName) { return this.pods.filter((p) => p.node === nodeName && p.state === 'running'); }
  find(pred) { return this.pods.find(pred); }
}

/** A Jiva volume: controller Deployment pod + replica pods, named the legacy or the CSI way. */
export function addJivaVolume(cl, v) {
  // v: {pv, csi, ctrlNode, repNodes, ctrlHash?, ctrlSfx?, ctrlCreated?, ctrlState?, ctrlRestarts?, repState?, repRestarts?}
  const r = cl.r;
  const ctrlDeploy = v.csi ? `${v.pv}-jiva-ctrl` : `${v.pv}-ctrl`;
  const hash = v.ctrlHash ?? r.sfx(10);
  const labels = { 'openebs.io/cas-type': 'jiva', 'openebs.io/persistent-volume': v.pv, 'openebs.io/controller': 'jiva-controller' };
  v.ctrl = cl.add({ ns: 'openebs', name: `${ctrlDeploy}-${hash}-${v.ctrlSfx ?? r.sfx(5)}`, node: v.ctrlNode, app: 'jiva-ctrl', ownerKind: 'ReplicaSet', ownerName: `${ctrlDeploy}-${hash}`,
    containers: JIVA_CTRL_CONTAINERS, created: v.ctrlCreated, restarts: v.ctrlRestarts ?? 0, state: v.ctrlState ?? 'running', labels, extra: { volume: v } });
  v.reps = v.repNodes.map((n, i) => {
    const repLabels = { 'openebs.io/cas-type': 'jiva', 'openebs.io/persistent-volume': v.pv, 'openebs.io/replica': 'jiva-replica' };
    const legacy = !v.csi;
    const name = legacy ? `${v.pv}-rep-${i + 1}-${r.sfx(9)}-${r.sfx(5)}` : `${v.pv}-jiva-rep-${i}`;
    return cl.add({ ns: 'openebs', name, node: n, app: 'jiva-rep', ownerKind: legacy ? 'ReplicaSet' : 'StatefulSet', ownerName: legacy ? name.split('-').slice(0, -1).join('-') : `${v.pv}-jiva-rep`,
      containers: JIVA_REP_CONTAINERS, restarts: v.repRestarts?.[i] ?? 0, state: v.repState?.[i] ?? 'running', labels: repLabels, extra: { volume: v } });
  });
  return v;
}
