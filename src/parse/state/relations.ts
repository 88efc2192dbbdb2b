import type { K8sObject } from '../../model/index.js';
import { labelSelector, mapSelector } from './selectors.js';
import { field, text, type StateIndex } from './state-index.js';

/**
 * Named relations of the cluster state (docs/patterns.md "State relations"). Each maps one
 * object to related objects; a relation that does not apply to a kind returns []. The index is
 * the state as of the object's snapshot time (cluster-state.ts): objects gone by then are not
 * in it.
 *
 *   node               Pod / VolumeAttachment -> Node of spec.nodeName; JivaVolume -> Node of
 *                      metadata.labels.nodeID (else spec.mountInfo.nodeID); Event -> source.host;
 *                      Node -> itself (the node a Node finding is on)
 *   pods-on-node       Node -> Pods with that spec.nodeName
 *   owner              object -> its controller owner (else first ownerReference), same namespace
 *   owned-pods         RS/StatefulSet/DaemonSet/Job -> Pods it owns (uid, else kind+name);
 *                      Deployment -> Pods owned by its ReplicaSets
 *   selected-pods      RS/Deployment/StatefulSet/DaemonSet/Job (spec.selector, a LabelSelector)
 *                      and Service (spec.selector map) -> Pods of its namespace it selects
 *   pvcs               Pod -> PVCs of spec.volumes[].persistentVolumeClaim.claimName
 *   pv                 PVC -> PV (spec.volumeName, else a PV whose claimRef names it);
 *                      Pod -> PVs of its PVCs; JivaVolume -> PV spec.pv; VolumeAttachment -> its PV
 *   pvc                PV -> PVC of spec.claimRef; JivaVolume -> via its PV
 *   consumer-pods      PV / JivaVolume / PVC -> Pods claiming its PVC
 *   jivavolume         PV (name = CSI volumeHandle) / PVC / Pod -> JivaVolumes of those PVs
 *   jiva-ctrl-pods     PV / JivaVolume / PVC / Pod -> Jiva controller Pods of its volumes:
 *                      `<pv>-jiva-ctrl-*` (jiva-operator), `<pv>-ctrl-*` (legacy), or labels
 *                      openebs.io/persistent-volume=<pv> + openebs.io/component|controller=jiva-controller
 *   jiva-replica-pods  same, for replicas (`<pv>-jiva-rep-*`, `<pv>-rep-*`, component jiva-replica)
 *   jiva-ctrl-service  same inputs -> `<pv>-jiva-ctrl-svc` / `<pv>-ctrl-svc`, a Service labelled
 *                      component=jiva-controller-service for the PV, or the Service whose
 *                      ClusterIP is the JivaVolume's spec.iscsiSpec.targetIP
 *   volume-attachments PV / Node -> VolumeAttachments of that PV / node
 *   replicasets        Deployment -> ReplicaSets it owns
 *   endpoints          Service -> Endpoints of the same name
 *   events             any object -> Events about it (uid, else kind/namespace/name)
 */

type Relation = (ix: StateIndex, obj: K8sObject) => K8sObject[];

const WORKLOADS = new Set(['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job']);
const PV_PREFIX = 'openebs.io/persistent-volume';

const some = (...xs: Array<K8sObject | undefined>): K8sObject[] => xs.filter((x): x is K8sObject => x !== undefined);
const uniq = (xs: K8sObject[]): K8sObject[] => [...new Set(xs)];

function owns(owner: K8sObject, o: K8sObject): boolean {
  if (o.namespace !== owner.namespace) return false;
  return o.ownerReferences.some((r) => (r.uid && owner.uid ? r.uid === owner.uid : r.kind === owner.kind && r.name === owner.name));
}

function claimNames(pod: K8sObject): string[] {
  const vols = field(pod, 'spec.volumes');
  if (!Array.isArray(vols)) return [];
  return vols.flatMap((v) => {
    const c = (v as { persistentVolumeClaim?: { claimName?: unknown } }).persistentVolumeClaim?.claimName;
    return typeof c === 'string' ? [c] : [];
  });
}

function pvcsOf(ix: StateIndex, pod: K8sObject): K8sObject[] {
  return some(...claimNames(pod).map((c) => ix.get('PersistentVolumeClaim', pod.namespace, c)));
}

function pvOfClaim(ix: StateIndex, pvc: K8sObject): K8sObject | undefined {
  const vol = text(pvc, 'spec.volumeName');
  if (vol) return ix.get('PersistentVolume', undefined, vol);
  return ix.kind('PersistentVolume').find((p) => text(p, 'spec.claimRef.name') === pvc.name && text(p, 'spec.claimRef.namespace') === pvc.namespace);
}

/** PV names an object stands for (a PV, a JivaVolume, a PVC's or a Pod's volumes). */
function pvNames(ix: StateIndex, obj: K8sObject): string[] {
  switch (obj.kind) {
    case 'PersistentVolume':
      return [obj.name];
    case 'JivaVolume':
      return [text(obj, 'spec.pv') ?? obj.name];
    case 'PersistentVolumeClaim':
      return text(obj, 'spec.volumeName') ? [text(obj, 'spec.volumeName')!] : some(pvOfClaim(ix, obj)).map((p) => p.name);
    case 'Pod':
      return pvcsOf(ix, obj).flatMap((c) => pvNames(ix, c));
    default:
      return [];
  }
}

function claimOfPv(ix: StateIndex, pv: K8sObject | undefined, pvName: string): K8sObject | undefined {
  if (pv) {
    const name = text(pv, 'spec.claimRef.name');
    if (name) return ix.get('PersistentVolumeClaim', text(pv, 'spec.claimRef.namespace'), name);
  }
  return ix.kind('PersistentVolumeClaim').find((c) => text(c, 'spec.volumeName') === pvName);
}

function jivaRole(role: 'ctrl' | 'rep'): Relation {
  const component = role === 'ctrl' ? 'jiva-controller' : 'jiva-replica';
  return (ix, obj) => {
    const pvs = pvNames(ix, obj);
    return ix.kind('Pod').filter((p) =>
      pvs.some(
        (pv) =>
          p.name.startsWith(`${pv}-jiva-${role}-`) ||
          p.name.startsWith(`${pv}-${role}-`) ||
          (p.labels[PV_PREFIX] === pv && (p.labels['openebs.io/component'] === component || p.labels['openebs.io/controller'] === component || p.labels['openebs.io/replica'] === component)),
      ),
    );
  };
}

export const RELATIONS: Readonly<Record<string, Relation>> = {
  node: (ix, obj) => {
    if (obj.kind === 'Node') return some(ix.get('Node', undefined, obj.name) ?? obj);
    const name =
      obj.kind === 'JivaVolume'
        ? (obj.labels.nodeID ?? text(obj, 'spec.mountInfo.nodeID'))
        : obj.kind === 'Event'
          ? (text(obj, 'source.host') ?? text(obj, 'deprecatedSource.host'))
          : text(obj, 'spec.nodeName');
    return name ? some(ix.get('Node', undefined, name)) : [];
  },
  'pods-on-node': (ix, obj) => (obj.kind === 'Node' ? ix.podsOnNode(obj.name) : []),
  owner: (ix, obj) => {
    const ref = obj.ownerReferences.find((r) => r.controller) ?? obj.ownerReferences[0];
    return ref ? some(ix.get(ref.kind, obj.namespace, ref.name)) : [];
  },
  'owned-pods': (ix, obj) => {
    if (obj.kind === 'Deployment') return uniq(RELATIONS.replicasets!(ix, obj).flatMap((rs) => ix.podsIn(rs.namespace).filter((p) => owns(rs, p))));
    return WORKLOADS.has(obj.kind) ? ix.podsIn(obj.namespace).filter((p) => owns(obj, p)) : [];
  },
  'selected-pods': (ix, obj) => {
    const match = obj.kind === 'Service' ? mapSelector(field(obj, 'spec.selector')) : WORKLOADS.has(obj.kind) ? labelSelector(field(obj, 'spec.selector')) : undefined;
    return match ? ix.podsIn(obj.namespace).filter((p) => p.namespace === obj.namespace && match(p.labels)) : [];
  },
  pvcs: (ix, obj) => (obj.kind === 'Pod' ? pvcsOf(ix, obj) : []),
  pv: (ix, obj) => {
    if (obj.kind === 'PersistentVolumeClaim') return some(pvOfClaim(ix, obj));
    if (obj.kind === 'VolumeAttachment') {
      const pv = text(obj, 'spec.source.persistentVolumeName');
      return pv ? some(ix.get('PersistentVolume', undefined, pv)) : [];
    }
    if (obj.kind === 'Pod' || obj.kind === 'JivaVolume') return uniq(some(...pvNames(ix, obj).map((n) => ix.get('PersistentVolume', undefined, n))));
    return [];
  },
  pvc: (ix, obj) => {
    if (obj.kind !== 'PersistentVolume' && obj.kind !== 'JivaVolume') return [];
    return uniq(some(...pvNames(ix, obj).map((n) => claimOfPv(ix, ix.get('PersistentVolume', undefined, n), n))));
  },
  'consumer-pods': (ix, obj) => {
    const claims = obj.kind === 'PersistentVolumeClaim' ? [obj] : RELATIONS.pvc!(ix, obj);
    return uniq(claims.flatMap((c) => ix.podsIn(c.namespace).filter((p) => p.namespace === c.namespace && claimNames(p).includes(c.name))));
  },
  jivavolume: (ix, obj) => {
    const pvs = new Set(obj.kind === 'JivaVolume' ? [] : pvNames(ix, obj));
    for (const p of pvs) {
      const pvObj = ix.get('PersistentVolume', undefined, p);
      const handle = pvObj ? text(pvObj, 'spec.csi.volumeHandle') : undefined;
      if (handle) pvs.add(handle);
    }
    return ix.kind('JivaVolume').filter((j) => pvs.has(j.name) || pvs.has(text(j, 'spec.pv') ?? ''));
  },
  'jiva-ctrl-pods': jivaRole('ctrl'),
  'jiva-replica-pods': jivaRole('rep'),
  'jiva-ctrl-service': (ix, obj) => {
    const pvs = pvNames(ix, obj);
    const jvs = obj.kind === 'JivaVolume' ? [obj] : RELATIONS.jivavolume!(ix, obj);
    const ips = new Set(jvs.map((j) => text(j, 'spec.iscsiSpec.targetIP')).filter(Boolean));
    return ix.kind('Service').filter(
      (s) =>
        pvs.some((pv) => s.name === `${pv}-jiva-ctrl-svc` || s.name === `${pv}-ctrl-svc` || (s.labels[PV_PREFIX] === pv && s.labels['openebs.io/component'] === 'jiva-controller-service')) ||
        ips.has(text(s, 'spec.clusterIP')),
    );
  },
  'volume-attachments': (ix, obj) => {
    if (obj.kind === 'Node') return ix.kind('VolumeAttachment').filter((v) => text(v, 'spec.nodeName') === obj.name);
    const pvs = pvNames(ix, obj);
    return ix.kind('VolumeAttachment').filter((v) => pvs.includes(text(v, 'spec.source.persistentVolumeName') ?? ''));
  },
  replicasets: (ix, obj) => (obj.kind === 'Deployment' ? ix.kind('ReplicaSet').filter((rs) => owns(obj, rs)) : []),
  endpoints: (ix, obj) => (obj.kind === 'Service' ? some(ix.get('Endpoints', obj.namespace, obj.name)) : []),
  events: (ix, obj) => ix.eventsAbout(obj),
};
