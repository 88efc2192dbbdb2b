import type { K8sObject } from '../../model/index.js';
import { isRecordValue } from './kubectl-object.js';
import { str, timeOf, type Draft, type RecordEnv } from './kubectl-records.js';
import { AT_SNAPSHOT } from './kubectl-time.js';

/**
 * Events (core/v1 and events.k8s.io/v1, FORMATS.md §6.2) as records: message = the event's
 * message (`note`), placed at last seen = series.lastObservedTime -> lastTimestamp -> eventTime ->
 * metadata.creationTimestamp; when the first sighting (firstTimestamp / deprecatedFirstTimestamp
 * / eventTime) is earlier, a second record marks it (field `occurrence`: first | last | only).
 * Count = series.count -> count -> deprecatedCount -> 1.
 */

function pick(obj: K8sObject, env: RecordEnv, body: Record<string, unknown>, paths: string[]): { path: string; stamp: ReturnType<typeof timeOf> } | undefined {
  for (const path of paths) {
    const [a, b] = path.split('.');
    const v = b ? (isRecordValue(body[a!]) ? (body[a!] as Record<string, unknown>)[b] : undefined) : body[a!];
    const stamp = path === 'metadata.creationTimestamp' ? timeOf(obj, env, obj.creationTimestamp, path) : timeOf(obj, env, v, path);
    if (stamp) return { path, stamp };
  }
  return undefined;
}

export function eventDrafts(obj: K8sObject, env: RecordEnv): Draft[] {
  const e = obj.body;
  const v1 = obj.apiVersion.startsWith('events.k8s.io/');
  const target = isRecordValue(v1 ? e.regarding : e.involvedObject) ? ((v1 ? e.regarding : e.involvedObject) as Record<string, unknown>) : {};
  const source = isRecordValue(v1 ? e.deprecatedSource : e.source) ? ((v1 ? e.deprecatedSource : e.source) as Record<string, unknown>) : {};
  const series = isRecordValue(e.series) ? e.series : undefined;
  const count = [series?.count, e.count, e.deprecatedCount].find((c) => typeof c === 'number' && c > 0) as number | undefined;
  const last = pick(obj, env, e, ['series.lastObservedTime', v1 ? 'deprecatedLastTimestamp' : 'lastTimestamp', 'eventTime', 'metadata.creationTimestamp']);
  const first = pick(obj, env, e, [v1 ? 'deprecatedFirstTimestamp' : 'firstTimestamp', 'eventTime']);
  const tKind = str(target.kind);
  const tRef = [str(target.namespace), str(target.name)].filter(Boolean).join('/');
  const component = str(source.component) ?? str(e.reportingController) ?? str(e.reportingComponent);
  const node = str(source.host);
  const type = str(e.type);
  const message = (v1 ? str(e.note) : str(e.message)) ?? `${str(e.reason) ?? 'Event'} (no message)`;
  const fields = {
    reason: str(e.reason),
    type,
    involvedObject: tKind ? `${tKind} ${tRef}` : tRef,
    'involvedObject.kind': tKind,
    'involvedObject.namespace': str(target.namespace),
    'involvedObject.name': str(target.name),
    'involvedObject.fieldPath': str(target.fieldPath),
    count: count ?? 1,
    source: component,
    'source.host': node,
    reportingInstance: str(e.reportingInstance),
    first_seen: first?.stamp?.kind === 'absolute' ? first.stamp.text : undefined,
    last_seen: last?.stamp?.kind === 'absolute' ? last.stamp.text : undefined,
  };
  const severity = type === 'Warning' ? 'warning' : 'info';
  const path = v1 ? 'note' : 'message';
  const host = node ? { host: node } : {};
  const lastStamp = last?.stamp ?? AT_SNAPSHOT;
  const firstEarlier =
    first?.stamp && lastStamp.kind === 'absolute' && first.stamp.kind === 'absolute' && first.stamp.utcMicros < lastStamp.utcMicros;
  const out: Draft[] = [
    { ...host, stamp: lastStamp, message, what: 'event', fields: { ...fields, occurrence: firstEarlier ? 'last' : 'only' }, path, severity },
  ];
  if (firstEarlier) out.push({ ...host, stamp: first.stamp!, message, what: 'event', fields: { ...fields, occurrence: 'first' }, path, severity });
  return out;
}
