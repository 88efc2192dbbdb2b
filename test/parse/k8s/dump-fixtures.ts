/**
 * Goroutine dump text in the shapes real Go versions print (runtime/traceback.go): Go >= 1.21
 * `created by X in goroutine N`, Go < 1.21 `created by X`, Go >= 1.23 `gp= m=` headers,
 * `(...)` inlined frames, `?` possibly-stale args, `fp= sp= pc=` tails (GOTRACEBACK=system).
 */

const K8S = '/go/src/k8s.io/kubernetes/vendor';

/** A client-go processorListener.pop goroutine blocked in select (Go 1.21+ shape). */
export function processorListener(id: number, minutes: number, parent = 8640): string[] {
  return [
    `goroutine ${id} [select, ${minutes} minutes]:`,
    'runtime.gopark(0xc0011b5f48?, 0x2?, 0x0?, 0x0?, 0xc0011b5ef4?)',
    '\t/usr/local/go/src/runtime/proc.go:424 +0xce',
    'runtime.selectgo(0xc0011b5f48, 0xc0011b5ef0, 0x0?, 0x0, 0x0?, 0x1)',
    '\t/usr/local/go/src/runtime/select.go:335 +0x7a5',
    `k8s.io/client-go/tools/cache.(*processorListener).pop(0xc000f1c${id % 1000}0)`,
    `\t${K8S}/k8s.io/client-go/tools/cache/shared_informer.go:1070 +0x1a5`,
    'k8s.io/apimachinery/pkg/util/wait.(*Group).Start.func1()',
    `\t${K8S}/k8s.io/apimachinery/pkg/util/wait/wait.go:72 +0x4c`,
    `created by k8s.io/apimachinery/pkg/util/wait.(*Group).Start in goroutine ${parent}`,
    `\t${K8S}/k8s.io/apimachinery/pkg/util/wait/wait.go:70 +0x73`,
    '',
  ];
}

/** The kubelet volume manager waiting for a volume (no minutes suffix: no GC saw it yet). */
export function waitForAttach(id: number): string[] {
  return [
    `goroutine ${id} [select]:`,
    'runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)',
    '\t/usr/local/go/src/runtime/proc.go:424 +0xce',
    'runtime.selectgo(0xc002b19a48, 0xc002b19a20, 0x0?, 0x0, 0x0?, 0x1)',
    '\t/usr/local/go/src/runtime/select.go:335 +0x7a5',
    'k8s.io/apimachinery/pkg/util/wait.waitForWithContext({0x4a5c7d8, 0xc000dd8eb0}, 0xc002b19b00, 0xc002314f60)',
    `\t${K8S}/k8s.io/apimachinery/pkg/util/wait/wait.go:205 +0xd7`,
    'k8s.io/apimachinery/pkg/util/wait.poll({0x4a5c7d8, 0xc000dd8eb0}, 0x20?, 0x0?, 0xc002314f60?)',
    `\t${K8S}/k8s.io/apimachinery/pkg/util/wait/poll.go:260 +0x89`,
    'k8s.io/apimachinery/pkg/util/wait.PollImmediate(...)',
    `\t${K8S}/k8s.io/apimachinery/pkg/util/wait/poll.go:132`,
    'k8s.io/kubernetes/pkg/kubelet/volumemanager.(*volumeManager).WaitForAttachAndMount(0xc000cd6400, {0x4a5c7d8, 0xc000dd8eb0}, 0xc0023e9b08)',
    '\t/go/src/k8s.io/kubernetes/pkg/kubelet/volumemanager/volume_manager.go:420 +0x29b',
    'k8s.io/kubernetes/pkg/kubelet.(*Kubelet).SyncPod(0xc000a5a008, {0x4a5c808, 0xc0016b9f40}, 0x0, 0xc0023e9b08, 0x0, 0xc001f5a0c0)',
    '\t/go/src/k8s.io/kubernetes/pkg/kubelet/kubelet.go:1930 +0x1605',
    'created by k8s.io/kubernetes/pkg/kubelet.(*podWorkers).UpdatePod in goroutine 412',
    '\t/go/src/k8s.io/kubernetes/pkg/kubelet/pod_workers.go:944 +0x10e5',
    '',
  ];
}

/** Go < 1.21: every sync wait is `semacquire`, `created by` has no goroutine id. */
export const OLD_SEMACQUIRE = [
  'goroutine 43 [semacquire, 4 minutes]:',
  'sync.runtime_SemacquireMutex(0x406fe0?, 0x20?, 0xc0002e37a0?)',
  '\t/home/rogpeppe/go/src/runtime/sema.go:71 +0x25',
  'sync.(*Mutex).lockSlow(0x72a788)',
  '\t/home/rogpeppe/go/src/sync/mutex.go:153 +0x165',
  'sync.(*Mutex).Lock(...)',
  '\t/home/rogpeppe/go/src/sync/mutex.go:81',
  'main.init.0.func1.1()',
  '\t/home/rogpeppe/other/9fans/cmd/acme/acme.go:796 +0x49',
  'created by main.init.0.func1',
  '\t/home/rogpeppe/other/9fans/cmd/acme/acme.go:795 +0x8a',
  '',
];

/** Go >= 1.23 header with gp/m, new wait reason, locked to thread, fp= tails. */
export const NEW_MUTEX_LOCKED = [
  'goroutine 77 gp=0xc000583340 m=nil [sync.Mutex.Lock, 12 minutes, locked to thread]:',
  'runtime.gopark(0xc00005e6c0?, 0x0?, 0x0?, 0x0?, 0x0?)',
  '\t/usr/local/go/src/runtime/proc.go:435 +0xce fp=0xc000069e58 sp=0xc000069e38 pc=0x47250e',
  'sync.runtime_SemacquireMutex(0xc00001c0c8?, 0x0?, 0x0?)',
  '\t/usr/local/go/src/runtime/sema.go:95 +0x25',
  'sync.(*Mutex).Lock(...)',
  '\t/usr/local/go/src/sync/mutex.go:46',
  'github.com/containerd/containerd/v2/core/runtime/v2.(*ShimManager).Start(0xc0003d0000, {0x2a4c1e0, 0xc00062a0f0})',
  '\t/go/src/github.com/containerd/containerd/core/runtime/v2/shim_manager.go:214 +0x88',
  'created by github.com/containerd/containerd/v2/plugins/services/tasks.(*local).Create in goroutine 70',
  '\t/go/src/github.com/containerd/containerd/plugins/services/tasks/local.go:238 +0x1d6',
  '',
];

/** Runtime-only goroutines: buckets, never records. */
export const RUNTIME_ONLY = [
  'goroutine 2 gp=0xc000006c40 m=nil [force gc (idle), 60 minutes]:',
  'runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)',
  '\t/usr/local/go/src/runtime/proc.go:435 +0xce',
  'runtime.goparkunlock(...)',
  '\t/usr/local/go/src/runtime/proc.go:441',
  'runtime.forcegchelper()',
  '\t/usr/local/go/src/runtime/proc.go:348 +0xb8',
  'created by runtime.init.7 in goroutine 1',
  '\t/usr/local/go/src/runtime/proc.go:336 +0x1a',
  '',
  'goroutine 18 [GC worker (idle)]:',
  'runtime.gopark(0x1b6a4f1e7f3b?, 0x0?, 0x0?, 0x0?, 0x0?)',
  '\t/usr/local/go/src/runtime/proc.go:424 +0xce',
  'runtime.gcBgMarkWorker(0xc000116000)',
  '\t/usr/local/go/src/runtime/mgc.go:1363 +0xe9',
  'created by runtime.gcBgMarkStartWorkers in goroutine 1',
  '\t/usr/local/go/src/runtime/mgc.go:1279 +0x105',
  '',
];

/** Odd bodies: running elsewhere, non-Go frames, (scan), synctest, both elision markers, ancestors. */
export const ODDITIES = [
  'goroutine 5 [running]:',
  '\tgoroutine running on other thread; stack unavailable',
  'created by main.main in goroutine 1',
  '\t/src/main.go:20 +0x25',
  '',
  'goroutine 9 [syscall (scan), 40 minutes]:',
  'non-Go function at pc=0x7f1c2c0e4a2d',
  'syscall.Syscall6(0x3d, 0x1, 0xc0001a3cbc, 0x0, 0x0, 0x0, 0x0)',
  '\t/usr/local/go/src/syscall/syscall_linux.go:91 +0x39',
  'os.(*Process).blockUntilWaitable(0xc000132480)',
  '\t/usr/local/go/src/os/wait_waitid.go:32 +0x76',
  'created by os/exec.(*Cmd).Start',
  '\t/usr/local/go/src/os/exec/exec.go:709 +0x9b5',
  '',
  'goroutine 30 [chan receive, synctest bubble 1]:',
  'example.com/app.consume(0xc0000a6060)',
  '\t/src/app.go:14',
  'created by example.com/app.TestX in goroutine 29',
  '\t/src/app_test.go:9 +0x1a',
  '',
  'goroutine 31 [chan send, 2 minutes]:',
  'example.com/app.recurse(0x63)',
  '\t/src/app.go:30 +0x2a',
  '...additional frames elided...',
  'created by example.com/app.start',
  '\t/src/app.go:40 +0x2a',
  '',
  'goroutine 32 [chan send, 2 minutes]:',
  'example.com/app.recurse(0x63)',
  '\t/src/app.go:30 +0x2a',
  '...50 frames elided...',
  'example.com/app.recurse(0x1)',
  '\t/src/app.go:30 +0x2a',
  'created by example.com/app.start in goroutine 1',
  '\t/src/app.go:40 +0x2a',
  '[originating from goroutine 1]:',
  'example.com/app.start(...)',
  '\t/src/app.go:40 +0x2a',
  '',
];

export const SIGQUIT_PREAMBLE = ['SIGQUIT: quit', 'PC=0x4735e1 m=0 sigcode=0', ''];
export const SIGQUIT_TAIL = ['', 'rax    0xca', 'rbx    0x0', 'rip    0x4735e1', 'rflags 0x286', 'cs     0x33', 'fs     0x0', 'gs     0x0'];

export const DEBUG1_PROFILE = [
  'goroutine profile: total 1843',
  '120 @ 0x43e2ee 0x44f9c5 0x1b3c0b3 0x471c21',
  '#\t0x1b3c0b2\tk8s.io/client-go/tools/cache.(*processorListener).pop+0x112\t/src/client-go/tools/cache/shared_informer.go:1070',
  '#\t0x471c20\truntime.goexit+0x0\t\t\t\t\t\t/usr/local/go/src/runtime/asm_amd64.s:1700',
  '',
  '4 @ 0x43e2ee 0x40a4ec 0x1f88b7a 0x471c21',
  '# labels: {"pod":"media/radarr-0"}',
  '#\t0x1f88b79\tk8s.io/kubernetes/pkg/kubelet/volumemanager.(*volumeManager).WaitForAttachAndMount+0x298\t/src/pkg/kubelet/volumemanager/volume_manager.go:420',
  '#\t0x471c20\truntime.goexit+0x0\t\t\t\t\t\t\t\t/usr/local/go/src/runtime/asm_amd64.s:1700',
  '',
  '1 @ 0x43e2ee 0x4099fd 0x471c21',
  '#\t0x4099fc\truntime.gcBgMarkWorker+0xe8\t/usr/local/go/src/runtime/mgc.go:1363',
  '',
];

/** Seventeen processorListener goroutines (31..33 minutes) and four volume waits. */
export function kubeletDump(): string[] {
  const lines: string[] = ['goroutine 1042 [running]:', 'runtime/pprof.writeGoroutineStacks({0x4a2b9e0, 0xc0013c6000})', '\t/usr/local/go/src/runtime/pprof/pprof.go:764 +0x6a', 'created by net/http.(*Server).Serve in goroutine 310', '\t/usr/local/go/src/net/http/server.go:3285 +0x4b4', ''];
  for (let i = 0; i < 17; i++) lines.push(...processorListener(8800 + i, 31 + (i % 3)));
  for (let i = 0; i < 4; i++) lines.push(...waitForAttach(9100 + i));
  lines.push(...RUNTIME_ONLY);
  return lines;
}
