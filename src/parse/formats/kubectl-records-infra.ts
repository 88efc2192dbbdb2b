import type { K8sObject } from '../../model/index.js';
import { isRecordValue } from './kubectl-object.js';
import { eventDrafts } from './kubectl-records-event.js';
import { podDrafts } from './kubectl-records-pod.js';
import { conditionDrafts, emitDraft, lifecycleDrafts, objectName, str, timeOf, type Draft, type RecordEnv } from './kubectl-records.js';
import { AT_SNAPSHOT } from './kubectl-time.js';

/** Records of workloads, nodes, storage, JivaVolumes and Endpoints; and the per-kind dispatch. */

const rec = (v: unknown): Record<string, unknown> => (isRecordValue(v) ? v : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function workloadDrafts(obj: K8sObject, env: RecordEnv): Draft[] {
  const spec = rec(obj.body.spec);
  const st = rec(obj.body.status);
  const out = [...lifecycleDrafts(obj, env), ...conditionDrafts(obj, env)];
  if (obj.kind === 'DaemonSet') {
    const f = { desired: num(st.desiredNumberScheduled), ready: num(st.numberReady), unavailable: num(st.numberUnavailable) ?? 0 };
    out.push({ stamp: AT_SNAPSHOT, message: `${objectName(obj)} status: desired ${f.desired ?? '?'}, ready ${f.ready ?? '?'}, unavailable ${f.unavailable}`, what: 'status', fields: { 'status.desiredNumberScheduled': f.desired, 'status.numberReady': f.ready, 'status.numberUnavailable': f.unavailable }, path: 'status.numberReady' });
    return out;
  }
  const term = num(st.terminatingReplicas);
  const fields = {
    'spec.replicas': num(spec.replicas),
    'status.replicas': num(st.replicas) ?? 0,
    'status.readyReplicas': num(st.readyReplicas) ?? 0,
    'status.availableReplicas': num(st.availableReplicas) ?? 0,
    // absent != 0: the feature gate may be off; only present values are reported
    'status.terminatingReplicas': term,
  };
  const msg =
    `${objectName(obj)} status: replicas ${fields['status.replicas']} (spec ${fields['spec.replicas'] ?? '?'}), ` +
    `ready ${fields['status.readyReplicas']}, available ${fields['status.availableReplicas']}` +
    (term !== undefined ? `, terminatingReplicas ${term}` : '');
  out.push({ stamp: AT_SNAPSHOT, message: msg, what: 'status', fields, path: term !== undefined ? 'status.terminatingReplicas' : 'status.replicas' });
  return out;
}

function nodeDrafts(obj: K8sObject, env: RecordEnv): Draft[] {
  const spec = rec(obj.body.spec);
  const st = rec(obj.body.status);
  const host = obj.name;
  const bootID = str(rec(st.nodeInfo).bootID);
  const base = { 'status.nodeInfo.bootID': bootID };
  const out = [...lifecycleDrafts(obj, env, base, host), ...conditionDrafts(obj, env, host)];
  if (spec.unschedulable === true) {
    out.push({ host, stamp: AT_SNAPSHOT, message: `${objectName(obj)} unschedulable (cordoned)`, what: 'unschedulable', fields: { ...base, 'spec.unschedulable': true }, path: 'spec.unschedulable' });
  }
  const taints = Array.isArray(spec.taints) ? spec.taints.filter(isRecordValue) : [];
  taints.forEach((t, i) => {
    const key = str(t.key) ?? '?';
    const value = str(t.value);
    const effect = str(t.effect) ?? '?';
    out.push({
      host,
      stamp: timeOf(obj, env, t.timeAdded, `spec.taints[${i}].timeAdded`) ?? AT_SNAPSHOT,
      message: `${objectName(obj)} taint ${key}${value ? `=${value}` : ''}:${effect}`,
      what: 'taint',
      fields: { ...base, 'taint.key': key, 'taint.value': value, 'taint.effect': effect, 'taint.timeAdded': str(t.timeAdded) },
      path: `spec.taints[${i}].key`,
    });
  });
  const inUse = Array.isArray(st.volumesInUse) ? st.volumesInUse.filter((v): v is string => typeof v === 'string') : [];
  if (inUse.length > 0) {
    out.push({ host, stamp: AT_SNAPSHOT, message: `${objectName(obj)} volumesInUse: ${inUse.join(', ')}`, what: 'volumes-in-use', fields: { ...base, 'status.volumesInUse': inUse.join('\n'), count: inUse.length }, path: 'status.volumesInUse' });
  }
  const attached = Array.isArray(st.volumesAttached) ? st.volumesAttached.filter(isRecordValue) : [];
  if (attached.length > 0) {
    const names = attached.map((a) => str(a.name) ?? '?');
    out.push({
      host,
      stamp: AT_SNAPSHOT,
      message: `${objectName(obj)} volumesAttached: ${names.join(', ')}`,
      what: 'volumes-attached',
      fields: { ...base, 'status.volumesAttached': names.join('\n'), devicePaths: attached.map((a) => str(a.devicePath) ?? '').join('\n'), count: names.length },
      path: 'status.volumesAttached',
    });
  }
  return out;
}

function storageDrafts(obj: K8sObject, env: RecordEnv): Draft[] {
  const spec = rec(obj.body.spec);
  const st = rec(obj.body.status);
  const out = lifecycleDrafts(obj, env);
  const phase = str(st.phase);
  if (obj.kind === 'PersistentVolume' && phase) {
    const claim = rec(spec.claimRef);
    const claimRef = str(claim.name) ? `${str(claim.namespace) ?? ''}/${str(claim.name)}` : undefined;
    const csi = rec(spec.csi);
    out.push({ stamp: AT_SNAPSHOT, message: `${objectName(obj)} phase ${phase}${claimRef ? ` (claim ${claimRef})` : ''}`, what: 'phase', fields: { 'status.phase': phase, 'spec.claimRef': claimRef, 'spec.csi.driver': str(csi.driver), 'spec.csi.volumeHandle': str(csi.volumeHandle), 'spec.iscsi.targetPortal': str(rec(spec.iscsi).targetPortal) }, path: 'status.phase' });
  }
  if (obj.kind === 'PersistentVolumeClaim') {
    out.push(...conditionDrafts(obj, env));
    const pv = str(spec.volumeName);
    if (phase) out.push({ stamp: AT_SNAPSHOT, message: `${objectName(obj)} phase ${phase}${pv ? ` (volume ${pv})` : ''}`, what: 'phase', fields: { 'status.phase': phase, 'spec.volumeName': pv }, path: 'status.phase' });
  }
  if (obj.kind === 'VolumeAttachment') {
    const pv = str(rec(spec.source).persistentVolumeName);
    const node = str(spec.nodeName);
    const host = node ? { host: node } : {};
    if (node) for (const d of out) d.host = node;
    const f = { 'spec.source.persistentVolumeName': pv, 'spec.nodeName': node, 'spec.attacher': str(spec.attacher), 'status.attached': st.attached === true };
    out.push({ ...host, stamp: AT_SNAPSHOT, message: `${objectName(obj)} attached=${st.attached === true} (pv ${pv ?? '?'}, node ${node ?? '?'})`, what: 'attached', fields: f, path: 'status.attached' });
    for (const which of ['attach', 'detach'] as const) {
      const err = rec(st[`${which}Error`]);
      const message = str(err.message);
      if (!message) continue;
      out.push({ ...host, stamp: timeOf(obj, env, err.time, `status.${which}Error.time`) ?? AT_SNAPSHOT, message: `${objectName(obj)} ${which} error: ${message}`, what: `${which}-error`, fields: { ...f, error: message }, path: `status.${which}Error.message`, severity: 'warning' });
    }
  }
  return out;
}

function jivaDrafts(obj: K8sObject, env: RecordEnv): Draft[] {
  const spec = rec(obj.body.spec);
  const st = rec(obj.body.status);
  const mi = rec(spec.mountInfo);
  const nodeID = obj.labels.nodeID;
  const base = { 'metadata.labels.nodeID': nodeID, 'spec.mountInfo.nodeID': str(mi.nodeID), 'spec.iscsiSpec.targetIP': str(rec(spec.iscsiSpec).targetIP), 'spec.pv': str(spec.pv) };
  // the node it is on: the nodeID label, else mountInfo.nodeID (K8sObject.host/hostFrom)
  const host = obj.host ? { host: obj.host } : {};
  const out = lifecycleDrafts(obj, env, base, obj.host);
  if (nodeID) out.push({ ...host, stamp: AT_SNAPSHOT, message: `${objectName(obj)} nodeID ${nodeID}`, what: 'node-id', fields: base, path: 'metadata.labels.nodeID' });
  if (isRecordValue(spec.mountInfo)) {
    const parts = ['nodeID', 'stagingPath', 'targetPath', 'devicePath', 'fsType'].filter((k) => str(mi[k])).map((k) => `${k}=${str(mi[k])}`);
    const mf = Object.fromEntries(['stagingPath', 'targetPath', 'devicePath', 'fsType'].map((k) => [`spec.mountInfo.${k}`, str(mi[k])]));
    out.push({ ...host, stamp: AT_SNAPSHOT, message: `${objectName(obj)} mountInfo ${parts.length ? parts.join(' ') : 'empty'}`, what: 'mount-info', fields: { ...base, ...mf }, path: 'spec.mountInfo' });
  }
  if (str(st.status) || str(st.phase)) {
    const replicas = num(st.replicaCount);
    out.push({ ...host, stamp: AT_SNAPSHOT, message: `${objectName(obj)} status ${str(st.status) ?? '?'} phase ${str(st.phase) ?? '?'}, replicas ${replicas ?? '?'}`, what: 'status', fields: { ...base, 'status.status': str(st.status), 'status.phase': str(st.phase), 'status.replicaCount': replicas }, path: 'status.status' });
  }
  return out;
}

function endpointsDrafts(obj: K8sObject, env: RecordEnv): Draft[] {
  const subsets = Array.isArray(obj.body.subsets) ? obj.body.subsets.filter(isRecordValue) : [];
  const list = (k: string) => subsets.flatMap((s) => (Array.isArray(s[k]) ? s[k].filter(isRecordValue) : []));
  const ready = list('addresses');
  const notReady = list('notReadyAddresses');
  const desc = notReady.map((a) => {
    const t = rec(a.targetRef);
    return `${str(a.ip) ?? '?'}${str(t.name) ? ` ${str(t.kind) ?? ''} ${[str(t.namespace), str(t.name)].filter(Boolean).join('/')}` : ''}`;
  });
  const msg = `${objectName(obj)} addresses: ready ${ready.length}, not ready ${notReady.length}${desc.length ? ` (not ready: ${desc.join(', ')})` : ''}`;
  return [
    ...lifecycleDrafts(obj, env),
    { stamp: AT_SNAPSHOT, message: msg, what: 'endpoints', fields: { ready: ready.length, not_ready: notReady.length, addresses: ready.map((a) => str(a.ip)).join(','), not_ready_addresses: notReady.map((a) => str(a.ip)).join(',') }, path: notReady.length ? 'subsets[0].notReadyAddresses' : 'subsets[0].addresses' },
  ];
}

function draftsOf(obj: K8sObject, env: RecordEnv): Draft[] {
  switch (obj.kind) {
    case 'Pod':
      return podDrafts(obj, env);
    case 'Event':
      return eventDrafts(obj, env);
    case 'ReplicaSet':
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
      return workloadDrafts(obj, env);
    case 'Node':
      return nodeDrafts(obj, env);
    case 'PersistentVolume':
    case 'PersistentVolumeClaim':
    case 'VolumeAttachment':
      return storageDrafts(obj, env);
    case 'JivaVolume':
      return jivaDrafts(obj, env);
    case 'Endpoints':
      return endpointsDrafts(obj, env);
    case 'Service':
      return lifecycleDrafts(obj, env, { 'spec.clusterIP': str(rec(obj.body.spec).clusterIP) });
    default:
      return [...lifecycleDrafts(obj, env), ...conditionDrafts(obj, env)];
  }
}

/** Emits every timeline record of one object; returns how many. */
export function emitObjectRecords(obj: K8sObject, env: RecordEnv): number {
  const drafts = draftsOf(obj, env);
  for (const d of drafts) emitDraft(obj, env, d);
  return drafts.length;
}
