/**
 * Large inputs generated line by line (never held whole), for the streaming tests: a goroutine
 * dump of many stacks and a pretty-printed kubectl List of many pods.
 */

const PKGS = ['k8s.io/client-go/tools/cache', 'k8s.io/apimachinery/pkg/util/wait', 'k8s.io/kubernetes/pkg/kubelet', 'google.golang.org/grpc/internal/transport', 'net/http'];

/** Lines of goroutine `id` with one of `shapes` distinct stacks (12 frames each). */
export function* dumpGoroutine(id: number, shapes: number): Generator<string> {
  const s = id % shapes;
  yield `goroutine ${id} [select, ${1 + (id % 40)} minutes]:`;
  yield 'runtime.gopark(0xc0011b5f48?, 0x2?, 0x0?, 0x0?, 0xc0011b5ef4?)';
  yield '\t/usr/local/go/src/runtime/proc.go:424 +0xce';
  for (let f = 0; f < 11; f++) {
    const pkg = PKGS[(s + f) % PKGS.length]!;
    yield `${pkg}.(*worker${s}).step${f}(0xc000${(id * 7 + f) % 100000}, {0x4a5c7d8, 0xc000dd8eb0}, 0x${f}?)`;
    yield `\t/go/src/${pkg}/worker_${s}.go:${100 + f * 7} +0x${(0x1a5 + f).toString(16)}`;
  }
  yield `created by ${PKGS[s % PKGS.length]}.(*pool${s}).Start in goroutine ${s + 1}`;
  yield `\t/go/src/${PKGS[s % PKGS.length]}/pool.go:70 +0x73`;
  yield '';
}

export function* bigDump(targetBytes: number, shapes: number): Generator<string> {
  let bytes = 0;
  for (let id = 1; bytes < targetBytes; id++) {
    for (const l of dumpGoroutine(id, shapes)) {
      bytes += l.length + 1;
      yield l;
    }
  }
}

/** One pod as kubectl prints it inside a List (8-space item indent). */
function podLines(i: number): string[] {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      annotations: { 'cni.projectcalico.org/podIP': `10.1.${i % 250}.${i % 200}/32`, 'kubectl.kubernetes.io/last-applied-configuration': 'x'.repeat(400) },
      creationTimestamp: '2026-05-28T10:05:11Z',
      labels: { app: `app-${i % 50}`, 'pod-template-hash': '5d8f7c9b6' },
      name: `app-${i % 50}-5d8f7c9b6-${i}`,
      namespace: `ns-${i % 20}`,
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: `app-${i % 50}-5d8f7c9b6`, uid: `uid-rs-${i % 50}` }],
      resourceVersion: String(48000000 + i),
      uid: `0f6c2a1e-${i}`,
    },
    spec: {
      containers: [{ env: [{ name: 'TZ', value: 'Australia/Brisbane' }], image: 'lscr.io/linuxserver/app:latest', name: 'app', ports: [{ containerPort: 8080, protocol: 'TCP' }], resources: { limits: { memory: '512Mi' } } }],
      nodeName: `k8s0${1 + (i % 3)}`,
      volumes: [{ name: 'config', persistentVolumeClaim: { claimName: `config-${i}` } }],
    },
    status: {
      conditions: [{ lastProbeTime: null, lastTransitionTime: '2026-05-28T10:06:00Z', status: 'True', type: 'Ready' }],
      containerStatuses: [{ containerID: `containerd://${i}`, image: 'lscr.io/linuxserver/app:latest', lastState: {}, name: 'app', ready: true, restartCount: i % 4, started: true, state: { running: { startedAt: '2026-05-28T10:05:40Z' } } }],
      phase: 'Running',
      podIP: `10.1.${i % 250}.${i % 200}`,
    },
  };
  return JSON.stringify(pod, null, 4)
    .split('\n')
    .map((l) => `        ${l}`);
}

export function* bigPodList(targetBytes: number): Generator<string> {
  yield '{';
  yield '    "apiVersion": "v1",';
  yield '    "items": [';
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const lines = podLines(i);
    if (i > 0) yield '        },';
    for (let k = 0; k < lines.length - 1; k++) {
      bytes += lines[k]!.length + 1;
      yield lines[k]!;
    }
  }
  yield '        }';
  yield '    ],';
  yield '    "kind": "List",';
  yield '    "metadata": {';
  yield '        "resourceVersion": ""';
  yield '    }';
  yield '}';
}
