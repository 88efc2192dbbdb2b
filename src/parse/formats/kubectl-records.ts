import type { Diagnostic, K8sObject, ParsedRecord, Severity, Stamp } from '../../model/index.js';
import { isRecordValue, refOf } from './kubectl-object.js';
import { AT_SNAPSHOT, parseKubeTime } from './kubectl-time.js';

/**
 * Kubernetes objects as timeline records (source 'kubectl', program 'kubectl').
 *
 * Message shapes (part of the pattern-writing contract: signatures match on them). `<ref>` is
 * `namespace/name` (or `name` for cluster-scoped kinds); `[...]` is optional.
 *   <Kind> <ref> created                                        at metadata.creationTimestamp
 *   <Kind> <ref> marked for deletion                            at metadata.deletionTimestamp
 *   <Kind> <ref> condition <Type>=<Status>[ (<Reason>)]          at lastTransitionTime
 *   Pod <ref> phase <Phase>[: <reason>]                          at snapshot
 *   Pod <ref> [init ]container <c> started                       at state.*.startedAt
 *   Pod <ref> [init ]container <c> terminated: <Reason> (exit code <n>)   at finishedAt
 *   Pod <ref> [init ]container <c> waiting: <Reason>             at snapshot, line of the reason
 *   <Event message, verbatim>                                    at last seen (and first seen)
 *   <ReplicaSet|Deployment|StatefulSet> <ref> status: replicas <n> (spec <n>), ready <n>, available <n>[, terminatingReplicas <n>]
 *   DaemonSet <ref> status: desired <n>, ready <n>, unavailable <n>
 *   Node <name> unschedulable (cordoned)                         at snapshot
 *   Node <name> taint <key>[=<value>]:<Effect>                   at taint.timeAdded
 *   Node <name> volumesInUse: <unique name>, ...                 at snapshot
 *   Node <name> volumesAttached: <unique name>, ...              at snapshot
 *   PersistentVolume <name> phase <Phase>[ (claim <ns/name>)]
 *   PersistentVolumeClaim <ref> phase <Phase>[ (volume <pv>)]
 *   VolumeAttachment <name> attached=<bool> (pv <pv>, node <node>)
 *   VolumeAttachment <name> attach error: <message>              at attachError.time
 *   VolumeAttachment <name> detach error: <message>              at detachError.time
 *   JivaVolume <ref> nodeID <node>                               (metadata.labels.nodeID)
 *   JivaVolume <ref> mountInfo nodeID=<n> stagingPath=<p> devicePath=<d> fsType=<f> | mountInfo empty
 *   JivaVolume <ref> status <RW|RO|...> phase <Phase>, replicas <n>
 *   Endpoints <ref> addresses: ready <n>, not ready <n>[ (not ready: <ip> <Kind ns/name>, ...)]
 * "at snapshot" records carry AgeStamp 0 (AT_SNAPSHOT): the clock places them at the
 * snapshot time it chose and reports which.
 *
 * Records of an object on a node carry `host` (Pod/VolumeAttachment spec.nodeName, the Node
 * itself, JivaVolume metadata.labels.nodeID else spec.mountInfo.nodeID, Event source.host) and
 * the field `host_from` naming which.
 * Fields on every record: kind, namespace, name, object (`<Kind> <ref>`), what (created,
 * deletion, condition, phase, container-started, container-terminated, container-waiting,
 * event, status, unschedulable, taint, volumes-in-use, volumes-attached, attach-error,
 * detach-error, attached, node-id, mount-info, endpoints), plus Kubernetes paths such as
 * `spec.nodeName`, `status.phase`, `status.terminatingReplicas`, `container.name`,
 * `container.reason`, `container.exitCode`, `condition.type`, `condition.status`, `taint.key`.
 */

export interface RecordEnv {
  format: string;
  /** Text and byte offset of the lines the object was read from, from line `first` on. */
  unit?: { first: number; texts: string[]; offsets: number[] };
  emit(r: ParsedRecord): void;
  diag(d: Diagnostic): void;
}

export interface Draft {
  stamp: Stamp;
  message: string;
  what: string;
  fields?: Record<string, string | number | boolean | undefined>;
  /** Dotted path whose line is the provenance (`status.containerStatuses[0].state.waiting.reason`). */
  path?: string;
  severity?: Severity;
  host?: string;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function objectName(obj: K8sObject): string {
  return `${obj.kind} ${refOf(obj)}`;
}

/** Parses a Kubernetes time field; reports a bad one once per object and path. */
export function timeOf(obj: K8sObject, env: RecordEnv, text: unknown, path: string): Stamp | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const s = parseKubeTime(text);
  if (!s) {
    env.diag({
      severity: 'warning',
      code: 'parse/kubectl-bad-time',
      reason: `Unexpected time ${JSON.stringify(text)} in ${path} of ${objectName(obj)}, expected RFC3339 (2026-05-28T10:21:04Z)`,
      place: { file: obj.at.file, line: obj.lines[path] ?? obj.at.line },
    });
  }
  return s;
}

export function emitDraft(obj: K8sObject, env: RecordEnv, d: Draft): void {
  const line = (d.path ? obj.lines[d.path] : undefined) ?? obj.at.line;
  const u = env.unit;
  const idx = u ? line - u.first : -1;
  const fields: Record<string, string> = { kind: obj.kind, name: obj.name, object: objectName(obj), what: d.what };
  if (obj.namespace) fields.namespace = obj.namespace;
  for (const [k, v] of Object.entries(d.fields ?? {})) if (v !== undefined && v !== '') fields[k] = String(v);
  const rec: ParsedRecord = {
    stamp: d.stamp,
    source: 'kubectl',
    format: env.format,
    program: 'kubectl',
    message: d.message,
    fields,
    raw: u && idx >= 0 ? (u.texts[idx] ?? '') : '',
    at: { file: obj.at.file, line, offset: u && idx >= 0 ? (u.offsets[idx] ?? obj.at.offset) : obj.at.offset },
  };
  if (d.severity) rec.severity = d.severity;
  if (d.host) {
    rec.host = d.host;
    // which field named the node (a JivaVolume's nodeID label is a claim, not a placement)
    if (d.host === obj.host && obj.hostFrom) fields.host_from = obj.hostFrom;
  }
  env.emit(rec);
}

/** created / marked for deletion, for every kind. */
export function lifecycleDrafts(obj: K8sObject, env: RecordEnv, extra: Draft['fields'] = {}, host?: string): Draft[] {
  const out: Draft[] = [];
  const created = timeOf(obj, env, obj.creationTimestamp, 'metadata.creationTimestamp');
  const base = host ? { host } : {};
  if (created) out.push({ ...base, stamp: created, message: `${objectName(obj)} created`, what: 'created', fields: extra, path: 'metadata.creationTimestamp' });
  const deleted = timeOf(obj, env, obj.deletionTimestamp, 'metadata.deletionTimestamp');
  if (deleted) {
    const meta = isRecordValue(obj.body.metadata) ? obj.body.metadata : {};
    const finalizers = Array.isArray(meta.finalizers) ? meta.finalizers.join(',') : undefined;
    out.push({
      ...base,
      stamp: deleted,
      message: `${objectName(obj)} marked for deletion`,
      what: 'deletion',
      fields: { ...extra, 'metadata.deletionTimestamp': obj.deletionTimestamp, 'metadata.finalizers': finalizers },
      path: 'metadata.deletionTimestamp',
    });
  }
  return out;
}

/** One record per `status.conditions[]` entry, at its last transition (else at snapshot). */
export function conditionDrafts(obj: K8sObject, env: RecordEnv, host?: string): Draft[] {
  const status = isRecordValue(obj.body.status) ? obj.body.status : {};
  const conds = Array.isArray(status.conditions) ? status.conditions : [];
  return conds.filter(isRecordValue).map((c, i) => {
    const type = str(c.type) ?? '?';
    const st = str(c.status) ?? '?';
    const reason = str(c.reason);
    const path = `status.conditions[${i}].status`;
    const d: Draft = {
      stamp: timeOf(obj, env, c.lastTransitionTime, `status.conditions[${i}].lastTransitionTime`) ?? AT_SNAPSHOT,
      message: `${objectName(obj)} condition ${type}=${st}${reason ? ` (${reason})` : ''}`,
      what: 'condition',
      fields: { 'condition.type': type, 'condition.status': st, 'condition.reason': reason, 'condition.message': str(c.message) },
      path,
    };
    if (host) d.host = host;
    return d;
  });
}
