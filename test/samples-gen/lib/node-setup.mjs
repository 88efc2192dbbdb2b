// Standard per-node evidence: rotated syslog (oldest rotation gzipped), kern.log, and the kubelite
// journal, plus the boot sequence a reboot leaves in them.
import { Host } from './host.mjs';
import { SEC, MIN } from './time.mjs';
import { KUBE_VERSION, node } from './cluster.mjs';
import { Rng } from './rng.mjs';
import { fillNoise, fillScheduled } from './noise.mjs';

/**
 * o: {name, ip, off, zone, dir, boots, machineId, rotations: [r0, r1, r2] (starts of syslog.2,
 * syslog.1, syslog), collectAt, kernFrom, journalFrom, gzipOldest=true, journalMode,
 * currentOnly (only the current syslog was copied, as from a node not involved)}
 */
export function standardHost(ev, o) {
  const h = new Host(ev, o);
  const [r0, r1, r2] = o.rotations;
  if (!o.currentOnly) {
    h.addSink('syslog.2', 'syslog', { from: r0, to: r1, gzip: o.gzipOldest !== false });
    h.addSink('syslog.1', 'syslog', { from: r1, to: r2 });
  }
  h.addSink('syslog', 'syslog', { from: r2, to: o.collectAt });
  if (o.kernFrom != null) h.addSink('kern.log', 'kern', { from: o.kernFrom, to: o.collectAt });
  if (o.journalFrom != null) h.addSink('kubelite.journal', 'journal', { from: o.journalFrom, to: o.collectAt, units: ['snap.microk8s.daemon-kubelite'], mode: o.journalMode ?? 'short' });
  return h;
}

/** Header line and `-- Boot <id> --` markers of a journalctl text file, from the records in it. */
export function finishJournal(h, file, begins, ends) {
  h.journalHeader(file, begins, ends);
  const f = h.ev.files.get(`${h.dir}/${file}`);
  const recs = f.records.filter((r) => r.role !== 'marker' || r.t !== -Infinity).sort((a, b) => a.t - b.t);
  let prev = null;
  for (const r of recs) {
    const b = h.bootAt(r.t);
    if (prev && b !== prev) h.marker(file, r.t - 0.5, `-- Boot ${b.id} --`);
    prev = b;
  }
}

export const KERNEL_BOOT = [
  [0, 'Linux version 5.15.0-107-generic (buildd@lcy02-amd64-017) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #117-Ubuntu SMP Fri Apr 26 12:26:49 UTC 2024 (Ubuntu 5.15.0-107.117-generic 5.15.148)'],
  [0, 'Command line: BOOT_IMAGE=/vmlinuz-5.15.0-107-generic root=/dev/mapper/ubuntu--vg-ubuntu--lv ro'],
  [0, 'DMI: QEMU Standard PC (i440FX + PIIX, 1996), BIOS rel-1.16.3-0-ga6ed6b701f0a-prebuilt.qemu.org 04/01/2014'],
  [0, 'Hypervisor detected: KVM'],
  [4123, 'Memory: 16331240K/16776684K available (16393K kernel code, 4386K rwdata, 10860K rodata, 3296K init, 6204K bss, 445184K reserved, 0K cma-reserved)'],
  [134512, 'smpboot: CPU0: AMD EPYC-Milan Processor (family: 0x19, model: 0x1, stepping: 0x1)'],
  [1023456, 'virtio_blk virtio2: [vda] 209715200 512-byte logical blocks (107 GB/100 GiB)'],
  [2345678, 'EXT4-fs (dm-0): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.'],
  [4567890, 'EXT4-fs (dm-0): re-mounted. Opts: (null). Quota mode: none.'],
  [5678901, 'Loading iSCSI transport class v2.0-870.'],
  [5789012, 'iscsi: registered transport (tcp)'],
  [8901234, 'IPVS: Registered protocols (TCP, UDP, SCTP, AH, ESP)'],
  [9123456, 'Initializing XFRM netlink socket'],
];

/**
 * The boot of host h at `bootAt`: ring-buffer lines logged when rsyslog starts, service starts,
 * kubelite start-up. Returns the time background traffic resumes.
 */
export function bootBlock(h, bootAt, { role = 'context', kubelite = true, iscsid = true } = {}) {
  const rs = bootAt + 9 * SEC + 712345;
  h.sys(rs - 2, 'rsyslogd', null, `[origin software="rsyslogd" swVersion="8.2112.0" x-pid="${h.pid.rsyslogd}" x-info="https://www.rsyslog.com"] start`, role);
  h.sys(rs - 1, 'systemd', 1, 'Started System Logging Service.', role);
  for (const [up, msg] of KERNEL_BOOT) h.kern(rs, msg, role, up);
  h.kern(rs + 1, `systemd[1]: Hostname set to <${h.name}>.`, role, 3345678);
  const s = rs + 1200000;
  h.sys(s, 'systemd-timesyncd', h.pid.timesyncd ?? 612, 'Initial synchronization to time server 185.125.190.56:123 (ntp.ubuntu.com).', role);
  h.sys(s + 100000, 'systemd', 1, 'Started Service for snap application microk8s.daemon-containerd.', role);
  h.sys(s + 510000, 'systemd', 1, 'Started Service for snap application microk8s.daemon-k8s-dqlite.', role);
  if (iscsid) {
    h.sys(s + 920000, 'systemd', 1, 'Started iSCSI initiator daemon (iscsid).', role);
    h.sys(s + 921000, 'iscsid', h.pid.iscsid, `iSCSI daemon with pid=${h.pid.iscsid} started!`, role);
  }
  if (!kubelite) return s + 20 * SEC;
  const k = s + 1640000;
  h.unit(k, 'snap.microk8s.daemon-kubelite', 'Started Service for snap application microk8s.daemon-kubelite.', role);
  const SNAP = '/snap/microk8s/7394';
  const wrap = [`+ export PATH=${SNAP}/usr/sbin:${SNAP}/usr/bin:${SNAP}/sbin:${SNAP}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, '+ ARCH=x86_64', '+ export SNAP_DATA=/var/snap/microk8s/7394',
    `+ exec ${SNAP}/kubelite --scheduler-args-file=/var/snap/microk8s/7394/args/kube-scheduler --controller-manager-args-file=/var/snap/microk8s/7394/args/kube-controller-manager --proxy-args-file=/var/snap/microk8s/7394/args/kube-proxy --kubelet-args-file=/var/snap/microk8s/7394/args/kubelet --apiserver-args-file=/var/snap/microk8s/7394/args/kube-apiserver --kubeconfig-file=/var/snap/microk8s/7394/credentials/client.config --start-control-plane=true`];
  wrap.forEach((w, i) => h.emit({ t: k + 200000 + i * 1000, ident: 'microk8s.daemon-kubelite', pid: h.pid.kubelite - 3 + (i === 3 ? 3 : 0), msg: w, role, unit: 'snap.microk8s.daemon-kubelite' }));
  const starts = [
    ['I', 'server.go:150', `Version: ${KUBE_VERSION}`],
    ['I', 'options.go:221', `external host was not specified, using ${h.ip}`],
    ['I', 'server.go:487', `"Kubelet version" kubeletVersion="${KUBE_VERSION}"`],
    ['I', 'shared_informer.go:313', 'Waiting for caches to sync for node_authorizer'],
    ['I', 'controller.go:615', 'quota admission added evaluator for: leases.coordination.k8s.io'],
    ['I', 'controller.go:615', 'quota admission added evaluator for: endpoints'],
    ['I', 'controller.go:615', 'quota admission added evaluator for: serviceaccounts'],
    ['I', 'kubelet_node_status.go:75', `"Attempting to register node" node="${h.name}"`],
    ['I', 'kubelet_node_status.go:78', `"Successfully registered node" node="${h.name}"`],
  ];
  starts.forEach(([sev, src, msg], i) => h.klog(k + SEC + i * 230117, sev, src, msg, role));
  return k + 20 * SEC + MIN / 2;
}

const BASE_PIDS = { containerd: 1044, dqlite: 1120, iscsid: 871, multipathd: 612, networkd: 701, logind: 809, rsyslogd: 786, snapd: 903 };

/**
 * The three nodes of a sample with a single boot each: standard sinks, `extra(name, host)` for
 * additional sinks, then background noise and scheduled traffic. o: {seed, off, zone, boots,
 * pids (name -> {kubelite, ...}), rotations, collectAt, kernFrom, journalFrom (name -> t|null),
 * noiseFrom, perHour, busy, currentOnly: [names whose rotated syslogs were not copied]}. Returns {name: host}.
 */
export function setupNodes(ev, cl, o, extra = () => {}) {
  const hosts = {};
  for (const name of ['k8s01', 'k8s02', 'k8s03']) {
    const r = new Rng(o.seed, name, 'ids');
    const h = standardHost(ev, { name, ip: node(name).ip, off: o.off, zone: o.zone, dir: name, machineId: r.hex(32), boots: [{ at: o.boots[name], id: r.hex(32) }],
      rotations: o.rotations, collectAt: o.collectAt, kernFrom: o.kernFrom, journalFrom: o.journalFrom(name), currentOnly: o.currentOnly?.includes(name) });
    h.pid = { ...BASE_PIDS, ...o.pids[name] };
    extra(name, h);
    fillNoise(h, cl, { seed: o.seed, from: o.noiseFrom, to: o.collectAt, perHour: o.perHour, busy: o.busy ?? [] });
    fillScheduled(h, { seed: o.seed, from: o.rotations[0], to: o.collectAt, rotations: o.rotations });
    hosts[name] = h;
  }
  return hosts;
}
