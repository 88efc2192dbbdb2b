/**
 * Kubernetes objects shaped as the API serves them (k8s.io/api types), with the values of the
 * seed incidents and of other clusters. Tests serialise them as kubectl does (4-space JSON).
 */

export const PV_SEERR = 'pvc-746b2837-ca3c-4b95-9168-7b767573f799';
export const PV_SONARR = 'pvc-17e6e808-a9fc-4f64-b490-71deffdb81fd';

export function pod(name: string, ns: string, opts: { node?: string; labels?: Record<string, string>; owner?: { kind: string; name: string; uid?: string }; claim?: string; status?: Record<string, unknown>; meta?: Record<string, unknown> } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-05-01T00:00:00Z' },
      creationTimestamp: '2026-05-28T10:05:11Z',
      labels: opts.labels ?? {},
      name,
      namespace: ns,
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: opts.owner.kind, name: opts.owner.name, uid: opts.owner.uid ?? `uid-${opts.owner.name}` }] } : {}),
      resourceVersion: '48211957',
      uid: `uid-${name}`,
      ...opts.meta,
    },
    spec: {
      containers: [{ image: 'lscr.io/linuxserver/app:latest', name: name.split('-')[0], resources: {} }],
      ...(opts.node ? { nodeName: opts.node } : {}),
      volumes: [
        ...(opts.claim ? [{ name: 'config', persistentVolumeClaim: { claimName: opts.claim } }] : []),
        { name: 'kube-api-access-x', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] } },
      ],
    },
    status: opts.status ?? { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-05-28T10:06:00Z' }] },
  };
}

export const RADARR_WAITING = pod('radarr-0', 'media', {
  node: 'k8s03',
  claim: 'radarr-config',
  labels: { app: 'radarr' },
  owner: { kind: 'StatefulSet', name: 'radarr' },
  status: {
    phase: 'Pending',
    hostIP: '172.22.22.9',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-05-28T10:05:12Z' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [radarr]', lastProbeTime: null, lastTransitionTime: '2026-05-28T10:05:12Z' },
    ],
    containerStatuses: [{ image: 'lscr.io/linuxserver/radarr:latest', imageID: '', lastState: {}, name: 'radarr', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } }],
  },
});

export const SEERR_STUCK = pod('seerr-seerr-chart-0', 'media', {
  node: 'k8s03',
  claim: 'seerr-seerr-chart-config',
  owner: { kind: 'StatefulSet', name: 'seerr-seerr-chart' },
  meta: { deletionTimestamp: '2026-06-17T11:02:30Z', deletionGracePeriodSeconds: 30, finalizers: ['example.com/cleanup'] },
  status: {
    phase: 'Failed',
    containerStatuses: [
      {
        containerID: 'containerd://de45ec18c272b56a76c3e32ed25475da1f99d0ac7a5d398f6f7a2ed124bea08a',
        image: 'ghcr.io/seerr-team/seerr:v3.2.0',
        lastState: {},
        name: 'seerr',
        ready: false,
        restartCount: 0,
        state: { terminated: { containerID: 'containerd://de45ec18', exitCode: 1, finishedAt: '2026-06-17T11:02:01Z', reason: 'Error', startedAt: '2026-06-12T05:00:00Z' } },
      },
    ],
  },
});

export function replicaSet(name: string, ns: string, selector: Record<string, unknown>, status: Record<string, unknown>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { creationTimestamp: '2026-05-20T01:00:00Z', generation: 3, labels: { app: name.split('-')[0] }, name, namespace: ns, ownerReferences: [{ apiVersion: 'apps/v1', controller: true, kind: 'Deployment', name: name.replace(/-[a-z0-9]+$/, ''), uid: `uid-${name}-deploy` }], resourceVersion: '48300000', uid: `uid-${name}` },
    spec: { replicas: 1, selector, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'x' }] } } },
    status,
  };
}

export const NODE_K8S03 = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { creationTimestamp: '2025-11-02T03:00:00Z', labels: { 'kubernetes.io/hostname': 'k8s03', 'node.kubernetes.io/microk8s-controlplane': 'microk8s-controlplane' }, name: 'k8s03', resourceVersion: '48299999', uid: 'uid-k8s03' },
  spec: { taints: [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: '2026-05-28T11:50:00Z' }], unschedulable: true },
  status: {
    addresses: [{ address: '172.22.22.9', type: 'InternalIP' }],
    conditions: [
      { lastHeartbeatTime: '2026-05-28T11:59:00Z', lastTransitionTime: '2026-05-28T10:02:00Z', message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' },
    ],
    nodeInfo: { bootID: '5dffeb08-a273-44d5-ae9e-2fc244bbcbc5', kubeletVersion: 'v1.35.0', kernelVersion: '6.8.0-60-generic' },
    volumesAttached: [
      { devicePath: '', name: `kubernetes.io/csi/jiva.csi.openebs.io^${PV_SEERR}` },
      { devicePath: '/dev/disk/by-path/ip-10.152.183.80:3260-iscsi-iqn.2016-09.com.openebs.jiva:pvc-a634b9a3-lun-0', name: 'kubernetes.io/iscsi/10.152.183.80:3260:iqn.2016-09.com.openebs.jiva:pvc-a634b9a3:0' },
    ],
    volumesInUse: [`kubernetes.io/csi/jiva.csi.openebs.io^${PV_SEERR}`, 'kubernetes.io/iscsi/10.152.183.80:3260:iqn.2016-09.com.openebs.jiva:pvc-a634b9a3:0'],
  },
};

export const NODE_K8S01_NOT_READY = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { creationTimestamp: '2025-11-02T03:00:00Z', labels: {}, name: 'k8s01', uid: 'uid-k8s01' },
  spec: {
    taints: [
      { effect: 'NoSchedule', key: 'node.kubernetes.io/unreachable', timeAdded: '2026-05-28T10:16:04Z' },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', timeAdded: '2026-05-28T10:16:04Z' },
    ],
  },
  status: {
    conditions: [{ lastHeartbeatTime: '2026-05-28T10:15:00Z', lastTransitionTime: '2026-05-28T10:16:04Z', message: 'Kubelet stopped posting node status.', reason: 'NodeStatusUnknown', status: 'Unknown', type: 'Ready' }],
    nodeInfo: { bootID: 'a1b2' },
  },
};

export function pv(name: string, claim: { ns: string; name: string }) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { annotations: { 'pv.kubernetes.io/provisioned-by': 'jiva.csi.openebs.io' }, creationTimestamp: '2026-01-10T00:00:00Z', finalizers: ['kubernetes.io/pv-protection'], name, uid: `uid-${name}` },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.name, namespace: claim.ns, uid: `uid-${claim.name}` },
      csi: { driver: 'jiva.csi.openebs.io', fsType: 'ext4', volumeAttributes: { 'openebs.io/cas-type': 'jiva' }, volumeHandle: name },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'openebs-jiva-csi-default',
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound' },
  };
}

export function pvc(name: string, ns: string, volume: string) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { creationTimestamp: '2026-01-10T00:00:00Z', name, namespace: ns, uid: `uid-${name}` },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'openebs-jiva-csi-default', volumeMode: 'Filesystem', volumeName: volume },
    status: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, phase: 'Bound' },
  };
}

export function jivaVolume(name: string, opts: { apiVersion?: string; nodeLabel?: string; mountInfo?: Record<string, string>; targetIP?: string } = {}) {
  return {
    apiVersion: opts.apiVersion ?? 'openebs.io/v1',
    kind: 'JivaVolume',
    metadata: { creationTimestamp: '2026-01-10T00:00:05Z', labels: { 'openebs.io/component': 'jiva-volume', 'openebs.io/persistent-volume': name, ...(opts.nodeLabel ? { nodeID: opts.nodeLabel } : {}) }, name, namespace: 'openebs', uid: `uid-jv-${name}` },
    spec: {
      accessType: 'mount',
      capacity: '1Gi',
      desiredReplicationFactor: 3,
      iscsiSpec: { iqn: `iqn.2016-09.com.openebs.jiva:${name}`, targetIP: opts.targetIP ?? '10.152.183.57', targetPort: 3260 },
      mountInfo: opts.mountInfo ?? { devicePath: '', fsType: '', stagingPath: '' },
      policy: { replicaSC: 'openebs-hostpath', target: { replicationFactor: 3 } },
      pv: name,
    },
    status: { phase: 'Ready', replicaCount: 3, replicaStatus: [{ address: 'tcp://10.1.236.245:9502', mode: 'RW' }], status: 'RW' },
    versionDetails: { autoUpgrade: false, desired: '3.6.0', status: { current: '3.6.0' } },
  };
}

export function coreEvent(name: string, over: Record<string, unknown>) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    count: 1,
    eventTime: null,
    firstTimestamp: '2026-03-30T02:10:00Z',
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'sonarr-dd4cb4f69-8kmhv', namespace: 'media', uid: 'uid-sonarr-dd4cb4f69-8kmhv' },
    lastTimestamp: '2026-03-30T02:10:00Z',
    message: 'Successfully assigned media/sonarr-dd4cb4f69-8kmhv to k8s03',
    metadata: { creationTimestamp: '2026-03-30T02:10:00Z', name, namespace: 'media', uid: `uid-${name}` },
    reason: 'Scheduled',
    reportingComponent: '',
    reportingInstance: '',
    source: { component: 'default-scheduler' },
    type: 'Normal',
    ...over,
  };
}

export const asList = (items: unknown[]) => JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4) + '\n';
