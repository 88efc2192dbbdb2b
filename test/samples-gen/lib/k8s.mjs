// kubectl -o json renderings of the cluster model (keys sorted, 4-space indent, as kubectl prints
// unstructured objects). Times are metav1.Time (RFC 3339 UTC seconds).
import { k8sTime, k8sMicro, SEC } from './time.mjs';
import { node as nodeDef, KUBE_VERSION } from './cluster.mjs';

export function sortDeep(v) {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') { const o = {}; for (const k of Object.keys(v).sort()) o[k] = sortDeep(v[k]); return o; }
  return v;
}
export const list = (items) => JSON.stringify(sortDeep({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }), null, 4) + '\n';
export const bare = (obj) => JSON.stringify(sortDeep(obj), null, 4) + '\n';

const cond = (type, status, t, extra = {}) => ({ lastProbeTime: null, lastTransitionTime: k8sTime(t), status, type, ...extra });
let rv = 4100000;
const nextRv = () => String((rv += 137));
/** resourceVersions count up per sample: call before building one, so a sample never depends on another. */
export function resetResourceVersions(start = 4100000) { rv = start; }

/** Pod object. p.state: running | creating | crashloop | succeeded | unscheduled | failed-terminating | degraded. */
export function pod(p, snapT) {
  const hostIP = p.node ? nodeDef(p.node).ip : undefined;
  const volumes = [
    ...p.pvcs.map((c, i) => ({ name: i === 0 ? 'config' : `data-${i}`, persistentVolumeClaim: { claimName: c } })),
    { name: p.saVol, projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } }] } },
  ];
  const containers = p.containers.map((c) => ({
    image: c.image, imagePullPolicy: 'IfNotPresent', name: c.name, ...(c.port ? { ports: [{ containerPort: c.port, name: c.port === 3260 ? 'iscsi' : 'http', protocol: 'TCP' }] } : {}),
    resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    volumeMounts: [...(p.pvcs.length ? [{ mountPath: '/config', name: 'config' }] : []), { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: p.saVol, readOnly: true }],
  }));
  const imageID = (c) => `${c.image.split(':')[0]}@${c.imageId}`;
  const running = (c, ready = true) => ({ containerID: `containerd://${c.cid}`, image: c.image, imageID: imageID(c), lastState: {}, name: c.name, ready, restartCount: c.restarts, started: ready, state: { running: { startedAt: k8sTime(p.started) } } });
  const ipFields = p.ip ? { podIP: p.ip, podIPs: [{ ip: p.ip }] } : {};
  const host = hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {};
  let status;
  switch (p.state) {
    case 'running':
      status = { conditions: [cond('PodReadyToStartContainers', 'True', p.started), cond('Initialized', 'True', p.created), cond('Ready', 'True', p.started + 5 * SEC), cond('ContainersReady', 'True', p.started + 5 * SEC), cond('PodScheduled', 'True', p.created)],
        containerStatuses: p.containers.map((c) => running(c)), ...host, phase: 'Running', ...ipFields, qosClass: 'BestEffort', startTime: k8sTime(p.created) };
      break;
    case 'degraded': {
      const last = p.extra.lastExit ?? { exitCode: 1, reason: 'Error' };
      status = { conditions: [cond('PodReadyToStartContainers', 'True', p.started), cond('Initialized', 'True', p.created), cond('Ready', 'True', p.extra.readySince), cond('ContainersReady', 'True', p.extra.readySince), cond('PodScheduled', 'True', p.created)],
        containerStatuses: p.containers.map((c) => ({ ...running(c), lastState: { terminated: { containerID: `containerd://${p.extra.lastCid}`, exitCode: last.exitCode, finishedAt: k8sTime(p.extra.readySince - 9 * SEC), reason: last.reason, startedAt: k8sTime(p.extra.readySince - 611 * SEC) } }, state: { running: { startedAt: k8sTime(p.extra.readySince - 8 * SEC) } } })),
        ...host, phase: 'Running', ...ipFields, qosClass: 'BestEffort', startTime: k8sTime(p.created) };
      break;
    }
    case 'creating':
      status = { conditions: [cond('PodReadyToStartContainers', 'False', p.created), cond('Initialized', 'True', p.created), cond('Ready', 'False', p.created, { message: `containers with unready status: [${p.containers.map((c) => c.name).join(' ')}]`, reason: 'ContainersNotReady' }), cond('ContainersReady', 'False', p.created, { message: `containers with unready status: [${p.containers.map((c) => c.name).join(' ')}]`, reason: 'ContainersNotReady' }), cond('PodScheduled', 'True', p.created)],
        containerStatuses: p.containers.map((c) => ({ image: c.image, imageID: '', lastState: {}, name: c.name, ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } })),
        ...host, phase: 'Pending', qosClass: 'BestEffort', startTime: k8sTime(p.created) };
      break;
    case 'crashloop': {
      const c = p.containers[0];
      const fin = p.extra.lastFinished ?? snapT - 95 * SEC;
      status = { conditions: [cond('PodReadyToStartContainers', 'True', p.started), cond('Initialized', 'True', p.created), cond('Ready', 'False', p.started, { message: `containers with unready status: [${c.name}]`, reason: 'ContainersNotReady' }), cond('ContainersReady', 'False', p.started, { message: `containers with unready status: [${c.name}]`, reason: 'ContainersNotReady' }), cond('PodScheduled', 'True', p.created)],
        containerStatuses: [{ containerID: `containerd://${c.cid}`, image: c.image, imageID: imageID(c), name: c.name, ready: false, restartCount: c.restarts, started: false,
          lastState: { terminated: { containerID: `containerd://${c.cid}`, exitCode: p.extra.exitCode ?? 1, finishedAt: k8sTime(fin), reason: 'Error', startedAt: k8sTime(fin - (p.extra.runSecs ?? 14) * SEC) } },
          state: { waiting: { message: `back-off 5m0s restarting failed container=${c.name} pod=${p.name}_${p.ns}(${p.uid})`, reason: 'CrashLoopBackOff' } } }],
        ...host, phase: 'Running', ...ipFields, qosClass: 'BestEffort', startTime: k8sTime(p.created) };
      break;
    }
    case 'succeeded':
      status = { conditions: [cond('PodReadyToStartContainers', 'False', p.started + 60 * SEC), cond('Initialized', 'True', p.created, { reason: 'PodCompleted' }), cond('Ready', 'False', p.started + 60 * SEC, { reason: 'PodCompleted' }), cond('ContainersReady', 'False', p.started + 60 * SEC, { reason: 'PodCompleted' }), cond('PodScheduled', 'True', p.created)],
        containerStatuses: p.containers.map((c) => ({ containerID: `containerd://${c.cid}`, image: c.image, imageID: imageID(c), lastState: {}, name: c.name, ready: false, restartCount: 0, started: false, state: { terminated: { containerID: `containerd://${c.cid}`, exitCode: 0, finishedAt: k8sTime(p.started + 58 * SEC), reason: 'Completed', startedAt: k8sTime(p.started) } } })),
        ...host, phase: 'Succeeded', ...ipFields, qosClass: 'BestEffort', startTime: k8sTime(p.created) };
      break;
    case 'unscheduled':
      status = { phase: 'Pending', qosClass: 'BestEffort' };
      break;
    case 'failed-terminating': {
      const c = p.containers[0];
      status = { conditions: [cond('PodReadyToStartContainers', 'False', p.extra.finished), cond('Initialized', 'True', p.created), cond('Ready', 'False', p.extra.finished, { reason: 'PodFailed' }), cond('ContainersReady', 'False', p.extra.finished, { reason: 'PodFailed' }), cond('PodScheduled', 'True', p.created)],
        containerStatuses: [{ containerID: `containerd://${c.cid}`, image: c.image, imageID: imageID(c), lastState: {}, name: c.name, ready: false, restartCount: c.restarts, started: false, state: { terminated: { containerID: `containerd://${c.cid}`, exitCode: 1, finishedAt: k8sTime(p.extra.finished), reason: 'Error', startedAt: k8sTime(p.started) } } }],
        ...host, phase: 'Failed', ...ipFields, qosClass: 'BestEffort', startTime: k8sTime(p.created) };
      break;
    }
    default:
      throw new Error(`pod state ${p.state}`);
  }
  const labels = { ...p.labels };
  if (!Object.keys(labels).length) labels['app.kubernetes.io/name'] = p.app;
  if (p.ownerKind === 'ReplicaSet') labels['pod-template-hash'] = p.ownerName.split('-').pop();
  if (p.ownerKind === 'StatefulSet') { labels['apps.kubernetes.io/pod-index'] = p.name.split('-').pop(); labels['statefulset.kubernetes.io/pod-name'] = p.name; }
  const meta = {
    creationTimestamp: k8sTime(p.created), labels, name: p.name, namespace: p.ns,
    ownerReferences: [{ apiVersion: p.ownerKind === 'Job' ? 'batch/v1' : 'apps/v1', blockOwnerDeletion: true, controller: true, kind: p.ownerKind, name: p.ownerName, uid: p.ownerUid }],
    resourceVersion: nextRv(), uid: p.uid,
    ...(p.ip ? { annotations: { 'cni.projectcalico.org/containerID': p.sandbox, 'cni.projectcalico.org/podIP': `${p.ip}/32`, 'cni.projectcalico.org/podIPs': `${p.ip}/32` } } : {}),
    ...(p.ownerKind !== 'StatefulSet' ? { generateName: `${p.ownerName}-` } : { generateName: `${p.ownerName}-` }),
    ...(p.extra.deletionTimestamp ? { deletionTimestamp: k8sTime(p.extra.deletionTimestamp), deletionGracePeriodSeconds: 30 } : {}),
  };
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: meta,
    spec: {
      containers, dnsPolicy: 'ClusterFirst', enableServiceLinks: true, ...(p.ownerKind === 'StatefulSet' ? { hostname: p.name } : {}),
      ...(p.node && p.state !== 'unscheduled' ? { nodeName: p.node } : {}), preemptionPolicy: 'PreemptLowerPriority', priority: 0,
      restartPolicy: p.ownerKind === 'Job' ? 'OnFailure' : 'Always', schedulerName: 'default-scheduler', securityContext: {},
      serviceAccount: 'default', serviceAccountName: 'default', terminationGracePeriodSeconds: 30,
      tolerations: [{ effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 }, { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 }],
      volumes,
    },
    status,
  };
}

/** Node object. o: {ready, since, heartbeat, bootId, unschedulable, volumesInUse, volumesAttached, taints, created} */
export function nodeObj(name, o) {
  const n = nodeDef(name);
  const hb = k8sTime(o.heartbeat);
  const c = (type, status, reason, message, since) => ({ lastHeartbeatTime: hb, lastTransitionTime: k8sTime(since), message, reason, status, type });
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'projectcalico.org/IPv4Address': `${n.ip}/24`, 'projectcalico.org/IPv4VXLANTunnelAddr': n.tunnel, 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
      creationTimestamp: k8sTime(o.created), labels: { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'microk8s.io/cluster': 'true', 'node.kubernetes.io/microk8s-controlplane': 'microk8s-controlplane' },
      name, resourceVersion: nextRv(), uid: o.uid },
    spec: { ...(o.unschedulable ? { unschedulable: true } : {}), ...(o.taints?.length ? { taints: o.taints } : {}) },
    status: {
      addresses: [{ address: n.ip, type: 'InternalIP' }, { address: name, type: 'Hostname' }],
      allocatable: { cpu: '4', 'ephemeral-storage': '101417560Ki', memory: '16161020Ki', pods: '110' },
      capacity: { cpu: '4', 'ephemeral-storage': '102466136Ki', memory: '16263420Ki', pods: '110' },
      conditions: [
        c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', o.since),
        c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', o.since),
        c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', o.since),
        o.ready === false ? c('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', o.since) : c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', o.since),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: { architecture: 'amd64', bootID: o.bootId, containerRuntimeVersion: 'containerd://1.7.27', kernelVersion: '5.15.0-107-generic', kubeProxyVersion: KUBE_VERSION, kubeletVersion: KUBE_VERSION, machineID: o.machineId, operatingSystem: 'linux', osImage: 'Ubuntu 22.04.4 LTS', systemUUID: o.systemUuid },
      ...(o.volumesAttached ? { volumesAttached: o.volumesAttached } : {}),
      ...(o.volumesInUse ? { volumesInUse: o.volumesInUse } : {}),
    },
  };
}

/** core/v1 Event. e: {ns, name, kind, obj, uid, reason, message, type, first, last, count, component, host, fieldPath} */
export function event(e) {
  return {
    apiVersion: 'v1', kind: 'Event', count: e.count ?? 1, eventTime: null, firstTimestamp: k8sTime(e.first), lastTimestamp: k8sTime(e.last ?? e.first),
    involvedObject: { apiVersion: e.kind === 'Node' ? 'v1' : 'v1', kind: e.kind ?? 'Pod', name: e.obj, ...(e.ns && e.kind !== 'Node' ? { namespace: e.ns } : {}), resourceVersion: nextRv(), uid: e.uid, ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}) },
    message: e.message, metadata: { creationTimestamp: k8sTime(e.first), name: `${e.obj}.${e.hash}`, namespace: e.ns ?? 'default', resourceVersion: nextRv(), uid: e.evUid },
    reason: e.reason, reportingComponent: e.component === 'kubelet' ? 'kubelet' : e.component ?? '', reportingInstance: e.host ?? '', source: { component: e.component ?? 'kubelet', ...(e.host ? { host: e.host } : {}) }, type: e.type ?? 'Warning',
  };
}

export function pvc(ns, name, pv, sc, uid, created, size = '1Gi') {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', 'volume.beta.kubernetes.io/storage-provisioner': sc === 'openebs-jiva-csi-default' ? 'jiva.csi.openebs.io' : 'openebs.io/provisioner-iscsi' }, creationTimestamp: k8sTime(created), finalizers: ['kubernetes.io/pvc-protection'], name, namespace: ns, resourceVersion: nextRv(), uid },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, storageClassName: sc, volumeMode: 'Filesystem', volumeName: pv }, status: { accessModes: ['ReadWriteOnce'], capacity: { storage: size }, phase: 'Bound' } };
}

/** PV: in-tree iSCSI (legacy Jiva) when portal is given, else Jiva CSI. */
export function pv(v, created) {
  const iqn = `iqn.2016-09.com.openebs.jiva:${v.pv}`;
  const source = v.csi
    ? { csi: { driver: 'jiva.csi.openebs.io', fsType: 'ext4', volumeAttributes: { 'openebs.io/cas-type': 'jiva', 'storage.kubernetes.io/csiProvisionerIdentity': '1716180000000-8081-jiva.csi.openebs.io' }, volumeHandle: v.pv } }
    : { iscsi: { fsType: 'ext4', iqn, iscsiInterface: 'default', lun: 0, targetPortal: `${v.ip}:3260` } };
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { annotations: { 'pv.kubernetes.io/provisioned-by': v.csi ? 'jiva.csi.openebs.io' : 'openebs.io/provisioner-iscsi' }, creationTimestamp: k8sTime(created), finalizers: ['kubernetes.io/pv-protection'], name: v.pv, resourceVersion: nextRv(), uid: v.pvUid },
    spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: v.size ?? '1Gi' }, claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: v.claim, namespace: v.ns, uid: v.pvcUid }, ...source, persistentVolumeReclaimPolicy: 'Delete', storageClassName: v.csi ? 'openebs-jiva-csi-default' : 'openebs-jiva-default', volumeMode: 'Filesystem' },
    status: { phase: 'Bound' } };
}

export function ctrlService(v, created) {
  const name = v.csi ? `${v.pv}-jiva-ctrl-svc` : `${v.pv}-ctrl-svc`;
  return { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: k8sTime(created), labels: { 'openebs.io/cas-type': 'jiva', 'openebs.io/persistent-volume': v.pv }, name, namespace: 'openebs', resourceVersion: nextRv(), uid: v.svcUid },
    spec: { clusterIP: v.ip, clusterIPs: [v.ip], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'iscsi', port: 3260, protocol: 'TCP', targetPort: 3260 }, { name: 'api', port: 9501, protocol: 'TCP', targetPort: 9501 }, { name: 'exporter', port: 9500, protocol: 'TCP', targetPort: 9500 }],
      selector: { 'openebs.io/controller': 'jiva-controller', 'openebs.io/persistent-volume': v.pv }, sessionAffinity: 'None', type: 'ClusterIP' }, status: { loadBalancer: {} } };
}

/** JivaVolume openebs.io/v1. o: {nodeID, mountInfo, status, phase, replicas:[{address, mode}]} */
export function jivaVolume(v, created, o) {
  return { apiVersion: 'openebs.io/v1', kind: 'JivaVolume',
    metadata: { annotations: { 'openebs.io/volume-policy': '' }, creationTimestamp: k8sTime(created), finalizers: ['jivavolume.openebs.io/finalizer'], generation: o.generation ?? 3, labels: { 'openebs.io/component': 'jiva-volume', 'openebs.io/persistent-volume': v.pv, ...(o.nodeID ? { nodeID: o.nodeID } : {}) }, name: v.pv, namespace: 'openebs', resourceVersion: nextRv(), uid: v.jvUid },
    spec: { accessType: 'mount', capacity: v.size ?? '1Gi', desiredReplicationFactor: 3, iscsiSpec: { iqn: `iqn.2016-09.com.openebs.jiva:${v.pv}`, targetIP: v.ip, targetPort: 3260 }, mountInfo: o.mountInfo, policy: { replicaSC: 'openebs-hostpath' }, pv: v.pv },
    status: { phase: o.phase ?? 'Ready', replicaCount: o.replicas?.length ?? 3, replicaStatus: o.replicas ?? [], status: o.status ?? 'RW' },
    versionDetails: { autoUpgrade: false, desired: '3.6.0', status: { current: '3.6.0', dependentsUpgraded: true, lastUpdateTime: null } } };
}

/** ReplicaSet of a Deployment. o: {ns, app, hash, uid, deployUid, created, replicas, status, image, revision} */
export function replicaSet(o) {
  const labels = { 'app.kubernetes.io/name': o.app, 'pod-template-hash': o.hash };
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { annotations: { 'deployment.kubernetes.io/desired-replicas': String(o.desired ?? 1), 'deployment.kubernetes.io/max-replicas': String((o.desired ?? 1) + 1), 'deployment.kubernetes.io/revision': String(o.revision ?? 1) },
      creationTimestamp: k8sTime(o.created), generation: o.generation ?? 2, labels, name: `${o.app}-${o.hash}`, namespace: o.ns,
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: o.app, uid: o.deployUid }], resourceVersion: nextRv(), uid: o.uid },
    spec: { replicas: o.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ image: o.image, imagePullPolicy: 'IfNotPresent', name: o.app, resources: {} }], restartPolicy: 'Always' } } },
    status: o.status };
}

/** Deployment. o: {ns, app, uid, created, generation, observedGeneration, replicas, image, status} */
export function deployment(o) {
  const labels = { 'app.kubernetes.io/name': o.app };
  return { apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { annotations: { 'deployment.kubernetes.io/revision': String(o.revision ?? 1) }, creationTimestamp: k8sTime(o.created), generation: o.generation, labels, name: o.app, namespace: o.ns, resourceVersion: nextRv(), uid: o.uid },
    spec: { progressDeadlineSeconds: 600, replicas: o.replicas, revisionHistoryLimit: 10, selector: { matchLabels: labels }, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: { metadata: { labels }, spec: { containers: [{ image: o.image, imagePullPolicy: 'IfNotPresent', name: o.app, resources: {} }], restartPolicy: 'Always' } } },
    status: o.status };
}

export function lease(name, holder, acquire, renew, transitions, uid) {
  return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { creationTimestamp: '2025-11-02T04:11:52Z', name, namespace: 'kube-system', resourceVersion: nextRv(), uid },
    spec: { acquireTime: k8sMicro(acquire), holderIdentity: holder, leaseDurationSeconds: 15, leaseTransitions: transitions, renewTime: k8sMicro(renew) } };
}
