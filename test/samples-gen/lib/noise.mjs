// Ordinary traffic of a microk8s node: kubelet/apiserver chatter, containerd, systemd, cron,
// sshd, snapd, rsyslogd and the kernel. Nothing here may look like a failure signature
// (guard.mjs enforces it); it is the haystack the signatures are found in.
import { Rng } from './rng.mjs';
import { NODES, KUBE_VERSION } from './cluster.mjs';
import { HOUR, MIN, SEC, isoNano, isoOff, DAY, parts } from './time.mjs';

const ref = (p) => `${p.ns}/${p.name}`;
const PROBE_PATHS = ['/healthz', '/ready', '/ping', '/api/health', '/-/ready', '/livez', '/status'];
const EXEC = ['[/bin/calico-node -felix-live]', '[/bin/calico-node -felix-ready]', '[/bin/sh -c pg_isready -U postgres -h 127.0.0.1 -p 5432]',
  '[/bin/sh -c redis-cli ping]', '[mysqladmin ping -h localhost]', '[/bin/sh -c wget -q -O- http://localhost:9500/metrics]'];
const UFW = [[137, 'UDP'], [138, 'UDP'], [1900, 'UDP'], [5353, 'UDP'], [10001, 'UDP'], [5355, 'UDP'], [3702, 'UDP']];
const TRACE_RES = [['leases', 'coordination.k8s.io', 'kube-node-lease', '*coordination.Lease'], ['leases', 'coordination.k8s.io', 'kube-node-lease', '*coordination.Lease'], ['configmaps', '', 'kube-system', '*core.ConfigMap'], ['endpointslices', 'discovery.k8s.io', 'media', '*discovery.EndpointSlice']];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** Weighted templates: (h, t, r, c) => void; c = {pods on node, all pods, off, dqlite}. */
const TEMPLATES = [
  [3.5, (h, t, r) => h.klog(t, 'E', 'summary_sys_containers.go:51', '"Failed to get system container stats" err="failed to get cgroup stats for \\"/system.slice/snap.microk8s.daemon-kubelite.service\\": failed to get container info for \\"/system.slice/snap.microk8s.daemon-kubelite.service\\": unknown container \\"/system.slice/snap.microk8s.daemon-kubelite.service\\"" containerName="/system.slice/snap.microk8s.daemon-kubelite.service"')],
  [4, (h, t, r) => h.klog(t, 'E', 'dns.go:153', '"Nameserver limits exceeded" err="Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 172.22.22.1 1.1.1.1 9.9.9.9"')],
  [5, (h, t, r, c) => { const p = r.pick(c.pods); h.klog(t, 'I', 'kubelet.go:2542', `"SyncLoop (probe)" probe="${r.pick(['readiness', 'readiness', 'liveness', 'startup'])}" status="${r.pick(['ready', 'ready', 'started', ''])}" pod="${ref(p)}"`); }],
  [4, (h, t, r, c) => { const p = r.pick(c.pods); h.klog(t, 'I', 'kubelet.go:2433', `"SyncLoop UPDATE" source="api" pods=["${ref(p)}"]`); }],
  [3, (h, t, r, c) => { const p = r.pick(c.pods); const k = r.pick(p.containers); h.klog(t, 'I', 'kubelet.go:2469', `"SyncLoop (PLEG): event for pod" pod="${ref(p)}" event={"ID":"${p.uid}","Type":"ContainerStarted","Data":"${r.chance(0.5) ? k.cid : p.sandbox}"}`); }],
  [2.5, (h, t, r, c) => { const p = r.pick(c.pods); h.klog(t, 'I', 'reconciler_common.go:251', `"operationExecutor.VerifyControllerAttachedVolume started for volume \\"${p.saVol}\\" (UniqueName: \\"kubernetes.io/projected/${p.uid}-${p.saVol}\\") pod \\"${p.name}\\" (UID: \\"${p.uid}\\") " pod="${ref(p)}"`); }],
  [2.5, (h, t, r, c) => { const p = r.pick(c.pods); const v = r.pick([['config', 'configmap'], [p.saVol, 'projected'], ['tls', 'secret']]); h.klog(t, 'I', 'operation_generator.go:637', `"MountVolume.SetUp succeeded for volume \\"${v[0]}\\" (UniqueName: \\"kubernetes.io/${v[1]}/${p.uid}-${v[0]}\\") pod \\"${p.name}\\" (UID: \\"${p.uid}\\") " pod="${ref(p)}"`); }],
  [2, (h, t, r, c) => { const p = r.pick(c.pods); const k = r.pick(p.containers); h.klog(t, 'W', 'container.go:589', `Failed to get RecentStats("/kubepods/${r.pick(['burstable', 'besteffort'])}/pod${p.uid}/${k.cid}") while determining the next housekeeping: unable to find data in memory cache`); }],
  [2, (h, t, r) => h.klog(t, 'I', 'log.go:245', `http: TLS handshake error from ${r.pick(NODES).ip}:${r.range(32768, 60999)}: EOF`)],
  [1.2, (h, t, r) => h.klog(t, 'E', 'authentication.go:74', '"Unable to authenticate the request" err="[invalid bearer token, service account token has expired]"')],
  [1, (h, t, r) => h.klog(t, 'I', 'scope.go:117', `"RemoveContainer" containerID="${r.hex(64)}"`)],
  [0.6, (h, t, r) => h.klog(t, 'I', 'kubelet_volumes.go:163', `"Cleaned up orphaned pod volumes dir" podUID="${r.uuid()}" path="/var/snap/microk8s/common/var/lib/kubelet/pods/${r.uuid()}/volumes"`)],
  [0.5, (h, t, r) => h.klog(t, 'W', 'warnings.go:70', `spec.template.spec.containers[0].env[${r.range(2, 9)}]: hides previous definition of "TZ", which may be dropped when using apply`)],
  [0.4, (h, t, r, c) => { const p = r.pick(c.all); h.klog(t, 'I', 'alloc.go:330', `"allocated clusterIPs" service="${p.ns}/${p.app}-metrics" clusterIPs={"IPv4":"10.152.183.${r.range(2, 250)}"}`); }],
  [1.1, (h, t, r) => {
    const id = (h.traceId = (h.traceId ?? 1000000000 + r.int(9e8)) + r.range(1, 900));
    const [res, grp, ns, type] = r.pick(TRACE_RES); const ms = r.range(500, 1900); const who = r.pick(NODES).name;
    const url = grp ? `/apis/${grp}/v1/namespaces/${ns}/${res}/${who}` : `/api/v1/namespaces/${ns}/${res}/${who}`;
    const start = t - ms * 1000;
    const p = parts(start, h.off);
    const clock = (x) => { const q = parts(x, h.off); return `${pad(q.h)}:${pad(q.mi)}:${pad(q.s)}.${String(Math.floor(q.us / 1000)).padStart(3, '0')}`; };
    h.klog(t, 'I', 'trace.go:236', `Trace[${id}]: "Update" accept:application/vnd.kubernetes.protobuf, */*,audit-id:${r.uuid()},client:${r.pick(NODES).ip},api-group:${grp},api-version:v1,name:${who},subresource:,namespace:${ns},protocol:HTTP/2.0,resource:${res},scope:resource,url:${url},user-agent:kubelite/${KUBE_VERSION} (linux/amd64) kubernetes/0f7c2b4,verb:PUT (${pad(p.d)}-${MONTHS[p.mo]}-${p.y} ${clock(start)}) (total time: ${ms}ms):`);
    h.kraw(t + 1, `Trace[${id}]: ["GuaranteedUpdate etcd3" audit-id:,key:/${res}/${ns}/${who},type:${type},resource:${res}${grp ? '.' + grp : ''} ${ms - 1}ms (${clock(start + 400)})`);
    h.kraw(t + 2, `Trace[${id}]:  ---"Txn call completed" ${ms - 3}ms (${clock(t - 900)})]`);
    h.kraw(t + 3, `Trace[${id}]: [${ms}.${String(r.int(1e6)).padStart(6, '0')}ms] [${ms}.${String(r.int(1e6)).padStart(6, '0')}ms] END`);
  }],
  // containerd
  [6, (h, t, r, c) => { const p = r.pick(c.pods); h.sys(t, 'microk8s.daemon-containerd', h.pid.containerd, `time="${isoNano(t, c.off, r.int(1000))}" level=info msg="ExecSync for \\"${p.containers[0].cid}\\" with command ${r.pick(EXEC)} and timeout ${r.pick([1, 5, 10])} (s)"`); }],
  [5, (h, t, r, c) => { const p = r.pick(c.pods); h.sys(t, 'microk8s.daemon-containerd', h.pid.containerd, `time="${isoNano(t, c.off, r.int(1000))}" level=info msg="ExecSync for \\"${p.containers[0].cid}\\" returns with exit code 0"`); }],
  [2, (h, t, r, c) => h.sys(t, 'microk8s.daemon-containerd', h.pid.containerd, `time="${isoNano(t, c.off, r.int(1000))}" level=info msg="Finish piping \\"${r.pick(['stdout', 'stderr'])}\\" of container exec \\"${r.hex(64)}\\""`)],
  [0.6, (h, t, r, c) => { const p = r.pick(c.pods); h.sys(t, 'microk8s.daemon-containerd', h.pid.containerd, `time="${isoNano(t, c.off, r.int(1000))}" level=info msg="ImageCreate event name:\\"${p.containers[0].image}\\" labels:{key:\\"io.cri-containerd.image\\" value:\\"managed\\"}"`); }],
  [0.4, (h, t, r, c) => h.sys(t, 'microk8s.daemon-containerd', h.pid.containerd, `time="${isoNano(t, c.off, r.int(1000))}" level=info msg="RemoveContainer for \\"${r.hex(64)}\\" returns successfully"`)],
  // systemd and friends
  [9, (h, t, r, c) => { const p = r.pick(c.pods); h.sys(t, 'systemd', 1, `run-containerd-runc-k8s.io-${p.containers[0].cid}-runc.${r.hex(6).replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[d])}.mount: Deactivated successfully.`); }],
  [0.6, (h, t, r, c) => { const p = r.pick(c.pods); h.sys(t, 'systemd', 1, `var-snap-microk8s-common-var-lib-kubelet-pods-${p.uid.replace(/-/g, '\\x2d')}-volumes-kubernetes.io\\x7eprojected-kube\\x2dapi\\x2daccess\\x2d${p.saVol.slice(-5)}.mount: Deactivated successfully.`); }],
  [1.5, (h, t, r) => h.sys(t, 'systemd-networkd', h.pid.networkd, `cali${r.hex(11)}: ${r.pick(['Link UP', 'Gained carrier', 'Gained IPv6LL', 'Link DOWN'])}`)],
  [0.3, (h, t, r) => h.sys(t, 'systemd-udevd', r.range(30000, 90000), `Using default interface naming scheme 'v249'.`)],
  [0.8, (h, t, r, c) => { if (c.dqlite) h.emit({ t, ident: 'microk8s.daemon-k8s-dqlite', pid: h.pid.dqlite, unit: 'snap.microk8s.daemon-k8s-dqlite', role: 'noise', msg: `time="${isoOff(t, c.off, true)}" level=info msg="COMPACT deleted ${r.range(100, 4000)} rows from ${r.range(900, 1100)} revisions in ${(r.f() * 80).toFixed(6)}ms - compacted to ${r.range(2000000, 2400000)}/${r.range(2400000, 2500000)}"` }); }],
  // kernel
  [1.6, (h, t, r, c) => { const [port, proto] = r.pick(UFW); const src = `172.22.22.${r.range(20, 120)}`; h.kern(t, `[UFW BLOCK] IN=eth0 OUT= MAC=ff:ff:ff:ff:ff:ff:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:08:00 SRC=${src} DST=172.22.22.255 LEN=${r.range(40, 400)} TOS=0x00 PREC=0x00 TTL=${r.pick([64, 128])} ID=${r.range(1, 65535)} PROTO=${proto} SPT=${r.range(1024, 65535)} DPT=${port} LEN=${r.range(20, 380)} `); void c; }],
  [0.8, (h, t, r) => { h.auditSerial = (h.auditSerial ?? 1800) + r.range(1, 40); h.kern(t, `audit: type=1400 audit(${Math.floor(t / 1e6)}.${String(r.int(1000)).padStart(3, '0')}:${h.auditSerial}): apparmor="DENIED" operation="capable" class="cap" profile="cri-containerd.apparmor.d" pid=${r.range(3000, 400000)} comm="${r.pick(['iptables', 'ip6tables', 'calico-node', 'runc'])}" capability=12  capname="net_admin"`); }],
  [0.5, (h, t, r) => h.kern(t, `IPv6: ADDRCONF(NETDEV_CHANGE): cali${r.hex(11)}: link becomes ready`)],
  [0.2, (h, t, r) => h.kern(t, `cali${r.hex(11)}: ${r.pick(['entered promiscuous mode', 'left promiscuous mode'])}`)],
];

/** The first templates are kubelite lines (left out for hosts whose kubelite is not running). */
const KUBELITE_TEMPLATES = 15;

/**
 * Random background noise on host h between from and to, at `perHour` template draws per hour
 * (`busy`: [{from, to, factor}] raises the rate). `down`: [{from, to}] when the node is off.
 */
export function fillNoise(h, cl, { seed, from, to, perHour, busy = [], down = [], dqlite = true, kubelite = true }) {
  const r = new Rng(seed, h.name, 'noise');
  const c = { pods: cl.on(h.name), all: cl.pods.filter((p) => p.state === 'running'), off: h.off, dqlite };
  const table = TEMPLATES.filter((tpl, i) => kubelite || i >= KUBELITE_TEMPLATES);
  const mean = HOUR / perHour;
  let t = from + Math.floor(r.expo() * mean);
  while (t < to) {
    const off = down.find((d) => t >= d.from && t < d.to);
    if (off) { t = off.to + Math.floor(r.expo() * mean); continue; }
    r.weighted(table)(h, t, r, c);
    const f = busy.filter((b) => t >= b.from && t < b.to).reduce((a, b) => a * b.factor, 1);
    t += 1 + Math.floor((r.expo() * mean) / f);
  }
}

/**
 * Scheduled traffic: cron (sysstat every 10 min, hourly run-parts), daily timers, logrotate with
 * the rsyslog HUP at each rotation in `rotations`, ansible ssh sessions, snapd refresh checks.
 */
export function fillScheduled(h, { seed, from, to, rotations = [], down = [], sshEvery = 6 * HOUR }) {
  const r = new Rng(seed, h.name, 'scheduled');
  const isDown = (t) => down.some((d) => t >= d.from && t < d.to);
  let pid = 20000 + r.int(20000);
  const cron = (t, cmd) => {
    if (isDown(t) || t < from || t >= to) return;
    const p = (pid += r.range(3, 40));
    h.sys(t, 'CRON', p, 'pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)');
    h.sys(t + 1800, 'CRON', p + 1, `(root) CMD (${cmd})`);
    h.sys(t + 60000 + r.int(400000), 'CRON', p, 'pam_unix(cron:session): session closed for user root');
  };
  const first = Math.ceil(from / (10 * MIN)) * 10 * MIN;
  for (let t = first; t < to; t += 10 * MIN) {
    cron(t + SEC + r.int(300000), 'command -v debian-sa1 > /dev/null && debian-sa1 1 1');
    const local = t + h.off * HOUR;
    if (local % HOUR === 0) cron(t + 17 * MIN + SEC + r.int(300000), '   cd / && run-parts --report /etc/cron.hourly');
  }
  const daily = (t0, start, name, unit) => {
    for (let d = Math.floor((from + h.off * HOUR) / DAY) * DAY - h.off * HOUR; d < to; d += DAY) {
      const t = d + t0 + r.int(50 * MIN);
      if (t < from || t >= to || isDown(t)) continue;
      h.sys(t, 'systemd', 1, `Starting ${start}...`);
      h.sys(t + 2 * SEC + r.int(3 * SEC), 'systemd', 1, `${unit}.service: Deactivated successfully.`);
      h.sys(t + 2 * SEC + r.int(3 * SEC) + 900, 'systemd', 1, `Finished ${start}.`);
    }
  };
  daily(6 * HOUR, 'Daily apt download activities', 'apt-daily');
  daily(6 * HOUR + 40 * MIN, 'Daily apt upgrade and clean activities', 'apt-daily-upgrade');
  daily(9 * HOUR + 13 * MIN, 'Message of the Day', 'motd-news');
  daily(14 * HOUR + 2 * MIN, 'Cleanup of Temporary Directories', 'systemd-tmpfiles-clean');
  daily(18 * HOUR + 31 * MIN, 'Refresh fwupd metadata and update motd', 'fwupd-refresh');
  for (const R of rotations) {
    if (R < from || R >= to) continue;
    h.sys(R - SEC + 3000, 'systemd', 1, 'Starting Rotate log files...');
    h.sys(R, 'rsyslogd', null, `[origin software="rsyslogd" swVersion="8.2112.0" x-pid="${h.pid.rsyslogd}" x-info="https://www.rsyslog.com"] rsyslogd was HUPed`);
    h.sys(R + 81234, 'systemd', 1, 'logrotate.service: Deactivated successfully.');
    h.sys(R + 81300, 'systemd', 1, 'Finished Rotate log files.');
  }
  // snapd refresh checks every ~4-7 h
  for (let t = from + r.int(4 * HOUR); t < to; t += 4 * HOUR + r.int(3 * HOUR)) {
    if (isDown(t)) continue;
    h.sys(t, 'snapd', h.pid.snapd, 'storehelpers.go:923: cannot refresh: snap has no updates available: "core20", "core22", "lxd", "microk8s", "snapd"');
  }
  // ansible runs from the admin host
  let session = 40 + r.int(20);
  for (let t = from + r.int(sshEvery); t < to; t += sshEvery + r.int(HOUR)) {
    if (isDown(t)) continue;
    const sp = 100000 + r.int(800000);
    const port = r.range(40000, 60999);
    session++;
    h.sys(t, 'sshd', sp, `Accepted publickey for ubuntu from 172.22.22.100 port ${port} ssh2: ED25519 SHA256:Vq0yR4mB8c2hN1dK7fT5uJ3wL9pX6sZ0aE2gH4iY8oQ`);
    h.sys(t + 4000, 'sshd', sp, 'pam_unix(sshd:session): session opened for user ubuntu(uid=1000) by (uid=0)');
    h.sys(t + 9000, 'systemd-logind', h.pid.logind, `New session ${session} of user ubuntu.`);
    h.sys(t + 11000, 'systemd', 1, `Started Session ${session} of User ubuntu.`);
    const sd = t + SEC + r.int(2 * SEC);
    h.sys(sd, 'sudo', null, `  ubuntu : TTY=unknown ; PWD=/home/ubuntu ; USER=root ; COMMAND=/bin/sh -c echo BECOME-SUCCESS-${r.hex(32).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[d])} ; /usr/bin/python3`);
    h.sys(sd + 700, 'sudo', null, 'pam_unix(sudo:session): session opened for user root(uid=0) by ubuntu(uid=1000)');
    h.sys(sd + 3 * SEC, 'sudo', null, 'pam_unix(sudo:session): session closed for user root');
    const e = t + 8 * SEC + r.int(20 * SEC);
    h.sys(e, 'sshd', sp, `Received disconnect from 172.22.22.100 port ${port}:11: disconnected by user`);
    h.sys(e + 200, 'sshd', sp, `Disconnected from user ubuntu 172.22.22.100 port ${port}`);
    h.sys(e + 600, 'sshd', sp, 'pam_unix(sshd:session): session closed for user ubuntu');
    h.sys(e + 900, 'systemd-logind', h.pid.logind, `Session ${session} logged out. Waiting for processes to exit.`);
    h.sys(e + 1500, 'systemd-logind', h.pid.logind, `Removed session ${session}.`);
  }
}
