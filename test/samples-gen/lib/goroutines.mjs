// A kubelite goroutine dump (runtime traceback text, Go 1.2x with `created by ... in goroutine N`)
// as the kubelet prints it on request: mostly idle machinery, plus the buckets a sample asks for.
import { Rng } from './rng.mjs';

const A = (r) => `0xc00${r.hex(6)}${r.pick(['0', '8'])}`;

const STACKS = {
  pop: (r) => [
    [`k8s.io/client-go/tools/cache.(*processorListener).pop(${A(r)})`, 'k8s.io/client-go/tools/cache/shared_informer.go:1032 +0x10d'],
    ['k8s.io/apimachinery/pkg/util/wait.(*Group).Start.func1()', 'k8s.io/apimachinery/pkg/util/wait/wait.go:72 +0x52'],
    [`created by k8s.io/apimachinery/pkg/util/wait.(*Group).Start in goroutine ${r.range(300, 900)}`, 'k8s.io/apimachinery/pkg/util/wait/wait.go:70 +0x73'],
  ],
  run: (r) => [
    ['k8s.io/client-go/tools/cache.(*processorListener).run.func1()', 'k8s.io/client-go/tools/cache/shared_informer.go:1066 +0x45'],
    ['k8s.io/apimachinery/pkg/util/wait.BackoffUntil.func1(0x30?)', 'k8s.io/apimachinery/pkg/util/wait/backoff.go:226 +0x33'],
    [`k8s.io/apimachinery/pkg/util/wait.BackoffUntil(${A(r)}?, {0x4bdc3a0, ${A(r)}}, 0x1, ${A(r)})`, 'k8s.io/apimachinery/pkg/util/wait/backoff.go:227 +0xaf'],
    [`k8s.io/apimachinery/pkg/util/wait.JitterUntil(${A(r)}, 0x3b9aca00, 0x0, 0x1, ${A(r)})`, 'k8s.io/apimachinery/pkg/util/wait/backoff.go:204 +0x7f'],
    ['k8s.io/apimachinery/pkg/util/wait.Until(...)', 'k8s.io/apimachinery/pkg/util/wait/backoff.go:161'],
    [`k8s.io/client-go/tools/cache.(*processorListener).run(${A(r)})`, 'k8s.io/client-go/tools/cache/shared_informer.go:1062 +0x6b'],
    ['k8s.io/apimachinery/pkg/util/wait.(*Group).Start.func1()', 'k8s.io/apimachinery/pkg/util/wait/wait.go:72 +0x52'],
    [`created by k8s.io/apimachinery/pkg/util/wait.(*Group).Start in goroutine ${r.range(300, 900)}`, 'k8s.io/apimachinery/pkg/util/wait/wait.go:70 +0x73'],
  ],
  // the four pod workers of seed 001, frames as the seed quotes them
  waitAttach: (r) => [
    ['sync.runtime_SemacquireMutex(...)', 'runtime/sema.go:95 +0x25'],
    [`sync.(*Mutex).lockSlow(${A(r)})`, 'sync/mutex.go:173 +0x15d'],
    ['sync.(*Mutex).Lock(...)', 'sync/mutex.go:92'],
    ['k8s.io/kubernetes/pkg/volume/util/operationexecutor.(*volumeToMount).WaitForAttachAndMount(...)', 'k8s.io/kubernetes/pkg/volume/util/operationexecutor/operation_executor.go:417 +0x1f2'],
    [`k8s.io/kubernetes/pkg/kubelet/volumemanager.(*volumeManager).WaitForAttachAndMount(${A(r)}, {0x4c1f2a8, ${A(r)}}, ${A(r)})`, 'k8s.io/kubernetes/pkg/kubelet/volumemanager/volume_manager.go:409 +0x2f5'],
    [`k8s.io/kubernetes/pkg/kubelet.(*Kubelet).SyncPod(${A(r)}, {0x4c1f2a8, ${A(r)}}, 0x0, ${A(r)}, 0x0, ${A(r)})`, 'k8s.io/kubernetes/pkg/kubelet/kubelet.go:1964 +0x1a4f'],
    [`k8s.io/kubernetes/pkg/kubelet.(*podWorkers).podWorkerLoop.func1({0x0, {0x0, 0x0, 0x0}, ${A(r)}, 0x0, 0x0, 0x0}, ${A(r)}, ${A(r)}, 0x0)`, 'k8s.io/kubernetes/pkg/kubelet/pod_workers.go:1282 +0x28a'],
    [`k8s.io/kubernetes/pkg/kubelet.(*podWorkers).podWorkerLoop(${A(r)}, {${A(r)}, 0x24}, ${A(r)})`, 'k8s.io/kubernetes/pkg/kubelet/pod_workers.go:1287 +0x5cd'],
    ['k8s.io/kubernetes/pkg/kubelet.(*podWorkers).UpdatePod.func1()', 'k8s.io/kubernetes/pkg/kubelet/pod_workers.go:945 +0x134'],
    [`created by k8s.io/kubernetes/pkg/kubelet.(*podWorkers).UpdatePod in goroutine ${r.range(300, 900)}`, 'k8s.io/kubernetes/pkg/kubelet/pod_workers.go:940 +0x1c6f'],
  ],
  watch: (r, creator) => [
    [`k8s.io/client-go/tools/cache.handleAnyWatch({0xc1f5d8e3a8b1c2e4?, 0x6f8f9a0?, 0x6fb2d20?}, {0x4c0c6f0, ${A(r)}}, {0x4c3e8a0, ${A(r)}}, {0x4c6bb40, 0x3b1ed40}, ${A(r)}, ...)`, 'k8s.io/client-go/tools/cache/reflector.go:803 +0x1af'],
    [`k8s.io/client-go/tools/cache.handleWatch(...)`, 'k8s.io/client-go/tools/cache/reflector.go:747'],
    [`k8s.io/client-go/tools/cache.(*Reflector).watch(${A(r)}, {0x0, 0x0}, ${A(r)}, ${A(r)})`, 'k8s.io/client-go/tools/cache/reflector.go:519 +0x1a5'],
    [`k8s.io/client-go/tools/cache.(*Reflector).ListAndWatch(${A(r)}, ${A(r)})`, 'k8s.io/client-go/tools/cache/reflector.go:376 +0x37b'],
    ['k8s.io/client-go/tools/cache.(*Reflector).Run.func1()', 'k8s.io/client-go/tools/cache/reflector.go:324 +0x25'],
    ['k8s.io/apimachinery/pkg/util/wait.BackoffUntil.func1(0x10?)', 'k8s.io/apimachinery/pkg/util/wait/backoff.go:226 +0x33'],
    [`k8s.io/apimachinery/pkg/util/wait.BackoffUntil(${A(r)}, {0x4bdc3c0, ${A(r)}}, 0x1, ${A(r)})`, 'k8s.io/apimachinery/pkg/util/wait/backoff.go:227 +0xaf'],
    [`k8s.io/client-go/tools/cache.(*Reflector).Run(${A(r)}, ${A(r)})`, 'k8s.io/client-go/tools/cache/reflector.go:323 +0x1bd'],
    [creator === 'pods' ? `created by k8s.io/kubernetes/pkg/kubelet/config.newSourceApiserverFromLW in goroutine ${r.range(100, 300)}` : `created by k8s.io/client-go/tools/cache.(*sharedIndexInformer).Run in goroutine ${r.range(300, 900)}`,
      creator === 'pods' ? 'k8s.io/kubernetes/pkg/kubelet/config/apiserver.go:66 +0x36a' : 'k8s.io/client-go/tools/cache/shared_informer.go:553 +0x5a5'],
  ],
  readLoop: (r) => [
    [`internal/poll.runtime_pollWait(0x7f${r.hex(10)}, 0x72)`, 'runtime/netpoll.go:351 +0x85'],
    [`internal/poll.(*pollDesc).wait(${A(r)}?, ${A(r)}?, 0x0)`, 'internal/poll/fd_poll_runtime.go:84 +0x27'],
    ['internal/poll.(*pollDesc).waitRead(...)', 'internal/poll/fd_poll_runtime.go:89'],
    [`internal/poll.(*FD).Read(${A(r)}, {${A(r)}, 0x9000, 0x9000})`, 'internal/poll/fd_unix.go:165 +0x27a'],
    [`net.(*netFD).Read(${A(r)}, {${A(r)}?, 0x5?, 0x5?})`, 'net/fd_posix.go:55 +0x25'],
    [`net.(*conn).Read(${A(r)}, {${A(r)}?, 0x0?, 0x0?})`, 'net/net.go:194 +0x45'],
    [`crypto/tls.(*Conn).Read(${A(r)}, {${A(r)}, 0x9000, ${A(r)}?})`, 'crypto/tls/conn.go:1385 +0x156'],
    [`golang.org/x/net/http2.(*Framer).ReadFrame(${A(r)})`, 'golang.org/x/net/http2/frame.go:506 +0x85'],
    [`golang.org/x/net/http2.(*clientConnReadLoop).run(${A(r)})`, 'golang.org/x/net/http2/transport.go:2358 +0xda'],
    [`golang.org/x/net/http2.(*ClientConn).readLoop(${A(r)})`, 'golang.org/x/net/http2/transport.go:2254 +0x7c'],
    [`created by golang.org/x/net/http2.(*Transport).newClientConn in goroutine ${r.range(100, 2000)}`, 'golang.org/x/net/http2/transport.go:869 +0xcfb'],
  ],
  worker: (r) => {
    const [pkg, typ] = r.pick([['volume/attachdetach', 'attachDetachController'], ['replicaset', 'ReplicaSetController'], ['endpointslice', 'Controller'], ['garbagecollector', 'GarbageCollector'], ['podgc', 'PodGCController']]);
    return [
      [`sync.runtime_notifyListWait(${A(r)}, 0x${r.hex(3)})`, 'runtime/sema.go:597 +0x159'],
      [`sync.(*Cond).Wait(${A(r)}?)`, 'sync/cond.go:71 +0x85'],
      [`k8s.io/client-go/util/workqueue.(*Typed[...]).Get(${A(r)})`, 'k8s.io/client-go/util/workqueue/queue.go:282 +0x8b'],
      [`k8s.io/kubernetes/pkg/controller/${pkg}.(*${typ}).processNextWorkItem(${A(r)}, {0x4c1f2a8, ${A(r)}})`, `k8s.io/kubernetes/pkg/controller/${pkg}/${pkg.split('/').pop()}_controller.go:${r.range(200, 900)} +0x${r.hex(2)}`],
      [`created by k8s.io/kubernetes/pkg/controller/${pkg}.(*${typ}).Run in goroutine ${r.range(300, 900)}`, `k8s.io/kubernetes/pkg/controller/${pkg}/${pkg.split('/').pop()}_controller.go:${r.range(150, 300)} +0x${r.hex(3)}`],
    ];
  },
  podWorker: (r) => [
    [`k8s.io/kubernetes/pkg/kubelet.(*podWorkers).podWorkerLoop(${A(r)}, {${A(r)}, 0x24}, ${A(r)})`, 'k8s.io/kubernetes/pkg/kubelet/pod_workers.go:1224 +0x1d4'],
    ['k8s.io/kubernetes/pkg/kubelet.(*podWorkers).UpdatePod.func1()', 'k8s.io/kubernetes/pkg/kubelet/pod_workers.go:945 +0x134'],
    [`created by k8s.io/kubernetes/pkg/kubelet.(*podWorkers).UpdatePod in goroutine ${r.range(300, 900)}`, 'k8s.io/kubernetes/pkg/kubelet/pod_workers.go:940 +0x1c6f'],
  ],
  sleep: (r) => [
    [`time.Sleep(0x${r.pick(['3b9aca00', '12a05f200', '2540be400'])})`, 'runtime/time.go:338 +0x165'],
    [`k8s.io/kubernetes/pkg/kubelet/${r.pick(['pleg', 'eviction', 'cm'])}.(*${r.pick(['GenericPLEG', 'managerImpl', 'containerManagerImpl'])}).${r.pick(['Relist', 'synchronize', 'Start.func2'])}()`, `k8s.io/kubernetes/pkg/kubelet/${r.pick(['pleg/generic.go', 'eviction/eviction_manager.go', 'cm/container_manager_linux.go'])}:${r.range(100, 700)} +0x${r.hex(2)}`],
    [`created by k8s.io/kubernetes/pkg/kubelet.(*Kubelet).Run in goroutine ${r.range(1, 400)}`, 'k8s.io/kubernetes/pkg/kubelet/kubelet.go:1641 +0x5a5'],
  ],
  gc: (r) => [
    [`runtime.gopark(0x${r.hex(10)}?, 0x3?, 0x${r.hex(2)}?, 0x${r.hex(2)}?, 0x0?)`, 'runtime/proc.go:435 +0xce'],
    [`runtime.gcBgMarkWorker(${A(r)})`, 'runtime/mgc.go:1423 +0xe9'],
    ['created by runtime.gcBgMarkStartWorkers in goroutine 1', 'runtime/mgc.go:1339 +0x105'],
  ],
};

/**
 * Dump lines (TAB-indented locations, blank line between goroutines) and the roles of each line.
 * special: [{kind, state, count}] goroutines that carry a signature (role 'signal').
 */
export function goroutineDump(seed, { total = 140, special = [], uptimeMin = 158 }) {
  const r = new Rng(seed, 'goroutines');
  const out = [];
  const push = (text, role) => out.push({ text, role });
  const emit = (id, state, frames, role = 'noise') => {
    push(`goroutine ${id} [${state}]:`, role);
    for (const [fn, loc] of frames) { push(fn, role); push(`\t${loc}`, role); }
    push('', role);
  };
  emit(r.range(90000, 99000), 'running', [
    [`runtime/pprof.writeGoroutineStacks({0x4b8c560, ${A(r)}})`, 'runtime/pprof/pprof.go:764 +0x6a'],
    [`runtime/pprof.writeGoroutine({0x4b8c560?, ${A(r)}?}, 0x2?)`, 'runtime/pprof/pprof.go:753 +0x25'],
    [`runtime/pprof.(*Profile).WriteTo(0x6fb2d20?, {0x4b8c560?, ${A(r)}?}, 0xc?)`, 'runtime/pprof/pprof.go:377 +0x14b'],
    [`net/http/pprof.handler.ServeHTTP({${A(r)}, 0x9}, {0x4c21b30, ${A(r)}}, ${A(r)})`, 'net/http/pprof/pprof.go:272 +0x4b5'],
    [`created by net/http.(*Server).Serve in goroutine ${r.range(200, 400)}`, 'net/http/server.go:3454 +0x485'],
  ]);
  emit(1, `select, ${uptimeMin} minutes`, [
    [`k8s.io/kubernetes/cmd/kubelite/app.glob..func1(${A(r)}?, {0x43c7c1e?, 0x4?, 0x4?})`, 'github.com/canonical/microk8s/kubelite/cmd/kubelite/app/server.go:97 +0x3c5'],
    ['main.main()', 'github.com/canonical/microk8s/kubelite/main.go:13 +0x1d'],
  ]);
  emit(2, 'force gc (idle), 1 minutes', [['runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)', 'runtime/proc.go:435 +0xce'], ['runtime.forcegchelper()', 'runtime/proc.go:348 +0xb8'], ['created by runtime.init.7 in goroutine 1', 'runtime/proc.go:336 +0x1a']]);
  const slots = [];
  for (const s of special) for (let i = 0; i < s.count; i++) slots.push(s);
  const spacing = Math.floor((total - 3) / (slots.length + 1));
  let id = 40;
  const kinds = [[4, 'pop'], [3, 'run'], [10, 'readLoop'], [8, 'worker'], [5, 'watch'], [6, 'podWorker'], [2, 'sleep'], [2, 'gc']];
  let watchedPods = false;
  for (let n = 0; n < total - 3; n++) {
    id += 1 + (r.chance(0.8) ? r.int(30) : r.int(1500));
    const s = slots.length && n > 0 && n % spacing === 0 ? slots.shift() : null;
    if (s) { emit(id, s.state, STACKS[s.kind](r), s.role ?? 'signal'); continue; }
    const k = r.weighted(kinds);
    const m = (hi) => { const v = r.chance(0.4) ? 0 : r.range(1, hi); return v ? `, ${v} minutes` : ''; };
    if (k === 'watch') {
      // the kubelet's pod source watch is alive (events keep arriving): no minutes
      const pods = !watchedPods; watchedPods = true;
      emit(id, pods ? 'select' : `select${m(9)}`, STACKS.watch(r, pods ? 'pods' : 'informer'));
      continue;
    }
    const state = { pop: `select${m(4)}`, run: `chan receive, ${uptimeMin - 2} minutes`, readLoop: `IO wait${m(6)}`, worker: `sync.Cond.Wait${m(9)}`, podWorker: `chan receive${m(9)}`, sleep: 'sleep', gc: 'GC worker (idle)' }[k];
    emit(id, state, STACKS[k](r));
  }
  return out;
}
