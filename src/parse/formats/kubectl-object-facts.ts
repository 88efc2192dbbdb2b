import { isoFromMicros, type K8sObject } from '../../model/index.js';
import { LINES } from './kubectl-json-reader.js';
import { parseKubeTime } from './kubectl-time.js';

/**
 * Facts about a Kubernetes object that the pruned body no longer shows: the newest time written
 * anywhere in it (a lower bound of the capture time, for the clock's snapshot choice) and the
 * node it is on.
 */

/**
 * Fields that hold the time something already happened. Times of the future (certificate
 * `notAfter`, `renewalTime`) and free-form annotations are not read. `deletionTimestamp` is the
 * end of the grace period, so its grace period is subtracted.
 */
const PAST_TIMES = new Set([
  'creationTimestamp',
  'lastTransitionTime',
  'lastHeartbeatTime',
  'lastProbeTime',
  'lastUpdateTime',
  'startedAt',
  'finishedAt',
  'startTime',
  'completionTime',
  'time', // managedFields[].time, attachError.time
  'timeAdded',
  'firstTimestamp',
  'lastTimestamp',
  'eventTime',
  'lastObservedTime',
  'deprecatedFirstTimestamp',
  'deprecatedLastTimestamp',
  'renewTime',
  'acquireTime',
  'lastScheduleTime',
  'lastSuccessfulTime',
]);

type Lined = { [LINES]?: Record<string | number, number> };
type Newest = NonNullable<K8sObject['newest']>;

interface Best {
  us: number;
  path: string;
  line: number;
}

function consider(best: Best | undefined, text: unknown, path: string, line: number | undefined, lessSeconds = 0): Best | undefined {
  if (typeof text !== 'string') return best;
  const s = parseKubeTime(text);
  if (!s) return best;
  const us = s.utcMicros - lessSeconds * 1_000_000;
  return !best || us > best.us ? { us, path, line: line ?? 0 } : best;
}

function walk(v: unknown, path: string, best: Best | undefined, depth: number): Best | undefined {
  if (v === null || typeof v !== 'object' || depth > 24) return best;
  const lines = (v as Lined)[LINES];
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) best = walk(v[i], `${path}[${i}]`, best, depth + 1);
    return best;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    const p = path ? `${path}.${k}` : k;
    if (typeof x === 'string') {
      if (PAST_TIMES.has(k)) best = consider(best, x, p, lines?.[k]);
    } else if (x !== null && typeof x === 'object' && k !== 'annotations' && k !== 'labels') {
      best = walk(x, p, best, depth + 1);
    }
  }
  if (typeof o.deletionTimestamp === 'string') {
    const grace = typeof o.deletionGracePeriodSeconds === 'number' ? o.deletionGracePeriodSeconds : 0;
    best = consider(best, o.deletionTimestamp, path ? `${path}.deletionTimestamp` : 'deletionTimestamp', lines?.deletionTimestamp, grace);
  }
  return best;
}

/** The newest past time written in a built JSON value (with the reader's line marks). */
export function newestTimeIn(value: unknown): Newest | undefined {
  const best = walk(value, '', undefined, 0);
  return best ? { time: isoFromMicros(best.us, best.us % 1_000_000 === 0 ? 's' : 'us'), path: best.path, line: best.line } : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function field(body: Record<string, unknown>, ...path: string[]): unknown {
  let v: unknown = body;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/**
 * The node an object is on: a Pod's or VolumeAttachment's `spec.nodeName`, a Node itself, a
 * JivaVolume's `metadata.labels.nodeID` (else `spec.mountInfo.nodeID`), an Event's reporting
 * host (`source.host`).
 */
export function hostOf(obj: Pick<K8sObject, 'kind' | 'name' | 'labels' | 'body' | 'apiVersion'>): Pick<K8sObject, 'host' | 'hostFrom'> {
  const b = obj.body;
  switch (obj.kind) {
    case 'Node':
      return obj.name ? { host: obj.name, hostFrom: 'metadata.name' } : {};
    case 'Pod':
    case 'VolumeAttachment': {
      const n = str(field(b, 'spec', 'nodeName'));
      return n ? { host: n, hostFrom: 'spec.nodeName' } : {};
    }
    case 'JivaVolume': {
      const label = str(obj.labels.nodeID);
      if (label) return { host: label, hostFrom: 'metadata.labels.nodeID' };
      const mi = str(field(b, 'spec', 'mountInfo', 'nodeID'));
      return mi ? { host: mi, hostFrom: 'spec.mountInfo.nodeID' } : {};
    }
    case 'Event': {
      const h = str(field(b, obj.apiVersion.startsWith('events.k8s.io/') ? 'deprecatedSource' : 'source', 'host'));
      return h ? { host: h, hostFrom: 'source.host' } : {};
    }
    default:
      return {};
  }
}
