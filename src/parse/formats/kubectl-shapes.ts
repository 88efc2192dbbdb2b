import { LINES } from './kubectl-json-reader.js';

/**
 * What hows keeps of each kind (FORMATS.md §6.2): a shape prunes an object body so memory
 * stays bounded however large the snapshot, and `notable` lists the dotted paths whose input
 * line is kept in `K8sObject.lines` (`[]` = every element: `status.containerStatuses[0]...`).
 * Unknown kinds keep metadata and `status.phase`/`status.conditions`.
 */

export type Shape = true | { readonly [key: string]: Shape } | readonly [Shape];

const META: Shape = {
  name: true,
  generateName: true,
  namespace: true,
  uid: true,
  resourceVersion: true,
  generation: true,
  labels: true,
  creationTimestamp: true,
  deletionTimestamp: true,
  deletionGracePeriodSeconds: true,
  finalizers: true,
  ownerReferences: [{ kind: true, name: true, uid: true, controller: true, apiVersion: true }],
};
const CONDITIONS: Shape = [
  { type: true, status: true, reason: true, message: true, lastTransitionTime: true, lastUpdateTime: true },
];
const CONTAINER_STATUS: Shape = [
  { name: true, ready: true, started: true, restartCount: true, containerID: true, image: true, state: true, lastState: true },
];
const ADDRESS: Shape = [{ ip: true, hostname: true, nodeName: true, targetRef: { kind: true, name: true, namespace: true, uid: true } }];
const WORKLOAD_STATUS = {
  replicas: true,
  readyReplicas: true,
  availableReplicas: true,
  updatedReplicas: true,
  unavailableReplicas: true,
  fullyLabeledReplicas: true,
  currentReplicas: true,
  terminatingReplicas: true,
  observedGeneration: true,
  currentRevision: true,
  updateRevision: true,
  conditions: CONDITIONS,
} as const;

const POD: Shape = {
  metadata: META,
  spec: {
    nodeName: true,
    hostNetwork: true,
    nodeSelector: true,
    volumes: [{ name: true, persistentVolumeClaim: true, csi: true, iscsi: true, ephemeral: true }],
    containers: [{ name: true, image: true }],
    initContainers: [{ name: true, image: true }],
  },
  status: {
    phase: true,
    reason: true,
    message: true,
    hostIP: true,
    podIP: true,
    startTime: true,
    nominatedNodeName: true,
    conditions: CONDITIONS,
    containerStatuses: CONTAINER_STATUS,
    initContainerStatuses: CONTAINER_STATUS,
  },
};

const EVENT_FIELDS = {
  metadata: META,
  reason: true,
  type: true,
  action: true,
  eventTime: true,
  series: true,
  reportingInstance: true,
  related: true,
} as const;

const SHAPES: Record<string, Shape> = {
  Pod: POD,
  Event: {
    ...EVENT_FIELDS,
    involvedObject: true,
    message: true,
    firstTimestamp: true,
    lastTimestamp: true,
    count: true,
    source: true,
    reportingComponent: true,
    // events.k8s.io/v1 names
    regarding: true,
    note: true,
    reportingController: true,
    deprecatedSource: true,
    deprecatedFirstTimestamp: true,
    deprecatedLastTimestamp: true,
    deprecatedCount: true,
  },
  ReplicaSet: { metadata: META, spec: { replicas: true, selector: true }, status: WORKLOAD_STATUS },
  Deployment: { metadata: META, spec: { replicas: true, selector: true, paused: true, strategy: { type: true } }, status: WORKLOAD_STATUS },
  StatefulSet: {
    metadata: META,
    spec: { replicas: true, selector: true, serviceName: true, podManagementPolicy: true, volumeClaimTemplates: [{ metadata: { name: true } }] },
    status: WORKLOAD_STATUS,
  },
  DaemonSet: {
    metadata: META,
    spec: { selector: true },
    status: {
      currentNumberScheduled: true,
      desiredNumberScheduled: true,
      numberReady: true,
      numberAvailable: true,
      numberUnavailable: true,
      numberMisscheduled: true,
      updatedNumberScheduled: true,
      observedGeneration: true,
      conditions: CONDITIONS,
    },
  },
  Node: {
    metadata: META,
    spec: { unschedulable: true, taints: true, podCIDR: true, providerID: true },
    status: {
      conditions: CONDITIONS,
      addresses: true,
      volumesInUse: true,
      volumesAttached: true,
      nodeInfo: { bootID: true, machineID: true, kernelVersion: true, osImage: true, kubeletVersion: true, containerRuntimeVersion: true },
    },
  },
  PersistentVolume: {
    metadata: META,
    spec: {
      csi: { driver: true, volumeHandle: true, fsType: true },
      iscsi: true,
      claimRef: { kind: true, namespace: true, name: true, uid: true },
      storageClassName: true,
      capacity: true,
      accessModes: true,
      persistentVolumeReclaimPolicy: true,
    },
    status: { phase: true, reason: true, message: true },
  },
  PersistentVolumeClaim: {
    metadata: META,
    spec: { volumeName: true, storageClassName: true, accessModes: true, resources: { requests: true } },
    status: { phase: true, capacity: true, conditions: CONDITIONS },
  },
  VolumeAttachment: {
    metadata: META,
    spec: { attacher: true, nodeName: true, source: { persistentVolumeName: true } },
    status: { attached: true, attachmentMetadata: true, attachError: true, detachError: true },
  },
  Service: { metadata: META, spec: { type: true, clusterIP: true, clusterIPs: true, ports: true, selector: true } },
  Endpoints: { metadata: META, subsets: [{ addresses: ADDRESS, notReadyAddresses: ADDRESS, ports: true }] },
  EndpointSlice: { metadata: META, addressType: true, endpoints: true, ports: true },
  JivaVolume: {
    metadata: META,
    spec: { pv: true, capacity: true, accessType: true, iscsiSpec: true, mountInfo: true, desiredReplicationFactor: true },
    status: { status: true, replicaCount: true, replicaStatus: true, phase: true },
  },
};

const GENERIC: Shape = { metadata: META, status: { phase: true, conditions: CONDITIONS } };

// The fields state signatures test (patterns/*/ `where`, `join`, `compare`): a finding cites
// the input line of each (state/lines.ts fieldLine).
const COMMON_NOTABLE = ['metadata.name', 'metadata.generation', 'metadata.creationTimestamp', 'metadata.deletionTimestamp', 'status.phase', 'status.conditions', 'status.conditions[].status'];
const WORKLOAD_NOTABLE = ['spec.replicas', 'spec.selector', 'status.replicas', 'status.readyReplicas', 'status.availableReplicas', 'status.terminatingReplicas', 'status.observedGeneration'];
const CONTAINER_NOTABLE = [
  'ready',
  'state.waiting',
  'state.waiting.reason',
  'state.running',
  'state.running.startedAt',
  'state.terminated',
  'state.terminated.reason',
  'state.terminated.finishedAt',
  'lastState.terminated.reason',
  'lastState.terminated.finishedAt',
  'restartCount',
];

const NOTABLE: Record<string, string[]> = {
  Pod: [
    'spec.nodeName',
    'status.reason',
    'spec.volumes[].persistentVolumeClaim.claimName',
    ...CONTAINER_NOTABLE.map((p) => `status.containerStatuses[].${p}`),
    ...CONTAINER_NOTABLE.map((p) => `status.initContainerStatuses[].${p}`),
  ],
  Event: ['message', 'note', 'reason', 'count', 'firstTimestamp', 'lastTimestamp', 'eventTime', 'series.count', 'series.lastObservedTime', 'deprecatedCount'],
  ReplicaSet: WORKLOAD_NOTABLE,
  Deployment: WORKLOAD_NOTABLE,
  StatefulSet: WORKLOAD_NOTABLE,
  DaemonSet: ['spec.selector', 'status.numberReady', 'status.numberUnavailable'],
  Node: ['spec.unschedulable', 'spec.taints[].key', 'status.volumesInUse', 'status.volumesAttached', 'status.nodeInfo.bootID'],
  PersistentVolume: ['spec.claimRef.name', 'spec.csi.volumeHandle', 'spec.iscsi.targetPortal'],
  PersistentVolumeClaim: ['spec.volumeName'],
  VolumeAttachment: ['spec.nodeName', 'status.attached', 'status.attachError.message', 'status.detachError.message'],
  Service: ['spec.clusterIP', 'spec.selector'],
  Endpoints: ['subsets[].addresses', 'subsets[].notReadyAddresses'],
  JivaVolume: [
    'metadata.labels.nodeID',
    'spec.mountInfo',
    'spec.mountInfo.nodeID',
    'spec.mountInfo.stagingPath',
    'spec.mountInfo.devicePath',
    'spec.iscsiSpec.targetIP',
    'status.status',
    'status.replicaCount',
  ],
};

export function shapeOf(kind: string): Shape {
  return SHAPES[kind] ?? GENERIC;
}

export function notableOf(kind: string): string[] {
  return [...COMMON_NOTABLE, ...(NOTABLE[kind] ?? [])];
}

/** A copy without the reader's LINES marks (kept subtrees must not hold line maps). */
function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = plain((v as Record<string, unknown>)[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

export function prune(v: unknown, shape: Shape): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (shape === true) return plain(v);
  if (Array.isArray(shape)) return Array.isArray(v) ? v.map((x) => prune(x, shape[0] as Shape)) : plain(v);
  if (Array.isArray(v)) return plain(v);
  const out: Record<string, unknown> = {};
  const src = v as Record<string, unknown>;
  for (const key of Object.keys(shape)) {
    if (Object.hasOwn(src, key)) out[key] = prune(src[key], (shape as Record<string, Shape>)[key]!);
  }
  return out;
}

type Lined = { [LINES]?: Record<string | number, number> };

/** A notable pattern split once: `a.b[].c` -> ['a', 'b', '[]', 'c']. */
export type NotablePattern = readonly string[];

const compiled = new Map<string, NotablePattern[]>();

/** The notable patterns of a kind, compiled once (collectLines runs per object). */
export function notablePatterns(kind: string): NotablePattern[] {
  let out = compiled.get(kind);
  if (!out) {
    out = notableOf(kind).map((p) => p.split('.').flatMap((seg) => (seg.endsWith('[]') ? [seg.slice(0, -2), '[]'] : [seg])));
    compiled.set(kind, out);
  }
  return out;
}

function walk(v: unknown, segs: NotablePattern, i: number, path: string, out: Record<string, number>): void {
  if (i === segs.length || v === null || typeof v !== 'object') return;
  const seg = segs[i]!;
  const lines = (v as Lined)[LINES];
  const last = i === segs.length - 1;
  if (seg === '[]') {
    if (!Array.isArray(v)) return;
    for (let k = 0; k < v.length; k++) {
      const p = `${path}[${k}]`;
      if (last && lines?.[k] !== undefined) out[p] = lines[k]!;
      else walk(v[k], segs, i + 1, p, out);
    }
    return;
  }
  const next = (v as Record<string, unknown>)[seg];
  if (next === undefined || !Object.hasOwn(v, seg)) return;
  const p = path ? `${path}.${seg}` : seg;
  if (last) {
    if (lines?.[seg] !== undefined) out[p] = lines[seg]!;
  } else walk(next, segs, i + 1, p, out);
}

/** Adds `path -> line` for every match of a compiled notable pattern. */
export function collectLines(root: unknown, pattern: NotablePattern, out: Record<string, number>): void {
  walk(root, pattern, 0, '', out);
}
