/**
 * Real-looking logs in every text format the scanner gates, for the gated-vs-full-parse
 * equivalence test: kubelet/klog noise, kernel and iSCSI lines, signature evidence and its
 * near misses (a literal without the rest of the pattern), multi-line records (klog `=<`
 * blocks, journal indented lines, CRI partial lines, headerless klog lines), journal markers,
 * an embedded goroutine dump, garbage, blank and CRLF lines, and invalid UTF-8.
 */

export type LogFormat =
  | 'syslog-rfc3164'
  | 'syslog-rfc3339'
  | 'journal-short'
  | 'journal-short-precise'
  | 'journal-short-iso'
  | 'dmesg'
  | 'klog'
  | 'container-cri'
  | 'container-timestamps';

export const LOG_FORMATS: readonly LogFormat[] = [
  'syslog-rfc3164',
  'syslog-rfc3339',
  'journal-short',
  'journal-short-precise',
  'journal-short-iso',
  'dmesg',
  'klog',
  'container-cri',
  'container-timestamps',
];

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const p6 = (n: number): string => String(n).padStart(6, '0');

interface Clock {
  month: number;
  day: number;
  secs: number;
  micros: number;
}

/** Kernel messages (what a kern.log or dmesg holds after its `[uptime]`). */
const KERNEL_NOISE = [
  'IPv6: ADDRCONF(NETDEV_CHANGE): cali{hex}: link becomes ready',
  '[UFW BLOCK] IN=eth0 OUT= MAC=ff:ff:ff:ff:ff:ff:b0:57:16:58:35:11:08:00 SRC=172.22.22.85 DST=172.22.22.255 LEN=197 PROTO=UDP SPT=58454 DPT=138',
  'audit: type=1400 audit(1779890613.071:1201): apparmor="DENIED" operation="capable" profile="cri-containerd.apparmor.d" pid={pid} comm="runc"',
  'eth0: renamed from veth{hex}',
];
const KERNEL_HITS = [
  ' connection1:0: detected conn error (1020)',
  'EXT4-fs (sdb): Remounting filesystem read-only',
  'sd 3:0:0:0: [sdb] rejecting I/O to offline device',
  'Buffer I/O error on dev sdb, logical block {pid}, lost async page write',
  ' session1: session recovery timed out after 120 secs',
];

/** Go component messages (kubelite in syslog/journal, container logs, klog files). */
function klogMessages(c: Clock): { noise: string[]; hits: string[] } {
  const t = `${p2(c.month)}${p2(c.day)} ${hms(c.secs)}.${p6(c.micros)}`;
  return {
    noise: [
      `I${t}    1189 kubelet.go:2469] "SyncLoop (PLEG): event for pod" pod="openebs/pvc-{hex}-jiva-rep-0" event={"ID":"{hex}","Type":"ContainerStarted"}`,
      `I${t}    1189 kubelet.go:2433] "SyncLoop UPDATE" source="api" pods=["openebs/openebs-localpv-provisioner-{hex}"]`,
      `I${t}    1189 kuberuntime_container.go:779] "Killing container with a grace period" pod="default/web-{hex}" containerName="app" gracePeriod=30`,
      `W${t}    1189 reflector.go:539] k8s.io/client-go/informers/factory.go:159: failed to list *v1.Node: context deadline exceeded`,
      `time="2026-05-28T20:21:04Z" level=info msg="StopPodSandbox for \\"{hex}\\" returns successfully"`,
    ],
    hits: [
      `E${t}    1189 pod_workers.go:1301] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"app\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=app pod=web-{hex}_default({hex})\\"" pod="default/web-{hex}"`,
      `I${t} 2122770 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/pvc-746b2837-jiva-ctrl-5d9c-{hex}"`,
      `E${t}    1884 nestedpendingoperations.go:348] Error: MountVolume.MountDevice failed for volume "pvc-746b2837-ca3c-4b95-9168-7b767573f799" : rpc error: code = FailedPrecondition desc = volume {pvc-746b2837-ca3c-4b95-9168-7b767573f799} is already mounted at more than one place: {{ }}`,
      `E${t}    4242 csi_attacher.go:386] kubernetes.io/csi: attacher.MountDevice failed: rpc error: code = Internal desc = iscsi: failed to sendtargets to portal 10.152.183.34:3260 output: iscsiadm: Login I/O error, failed to receive a PDU`,
    ],
  };
}

function hms(secs: number): string {
  return `${p2(Math.floor(secs / 3600) % 24)}:${p2(Math.floor(secs / 60) % 60)}:${p2(secs % 60)}`;
}

const GARBAGE = ['garbage without a stamp', 'May 32 10:00:00 bad day', '2026-13-01T00:00:00Z month 13', '\t', 'Traceback (most recent call last):'];

const DUMP = ['goroutine 1 [select, 158 minutes]:', 'k8s.io/kubernetes/cmd/kubelite/app.glob..func1(0xc00fa3d631?)', '\tgithub.com/canonical/microk8s/kubelite/cmd/kubelite/app/server.go:97 +0x3c5', 'main.main()', '\tgithub.com/canonical/microk8s/kubelite/main.go:13 +0x1d', ''];

/** One log of `lines` entries (more physical lines with continuations) in `format`. */
export function realLog(format: LogFormat, lines: number, seed: number): Buffer {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const hex = (): string => Math.floor(r() * 0xffffffff).toString(16);
  const fill = (s: string): string => s.replace(/\{hex\}/g, hex).replace(/\{pid\}/g, () => String(1 + Math.floor(r() * 99999)));
  const clock: Clock = { month: 5, day: 28, secs: 18 * 3600, micros: 0 };
  let uptime = 4000 + r() * 100;
  const out: Buffer[] = [];
  const push = (s: string, crlf = false): void => void out.push(Buffer.from(`${s}${crlf ? '\r' : ''}\n`, 'utf8'));
  const stamp = (): string => {
    switch (format) {
      case 'syslog-rfc3164':
        return `${MONTHS[clock.month - 1]} ${String(clock.day).padStart(2, ' ')} ${hms(clock.secs)}`;
      case 'journal-short':
        return `${MONTHS[clock.month - 1]} ${p2(clock.day)} ${hms(clock.secs)}`;
      case 'journal-short-precise':
        return `${MONTHS[clock.month - 1]} ${p2(clock.day)} ${hms(clock.secs)}.${p6(clock.micros)}`;
      case 'journal-short-iso':
        return `2026-${p2(clock.month)}-${p2(clock.day)}T${hms(clock.secs)}+1000`;
      case 'syslog-rfc3339':
        return `2026-${p2(clock.month)}-${p2(clock.day)}T${hms(clock.secs)}.${p6(clock.micros)}+10:00`;
      default:
        return `2026-${p2(clock.month)}-${p2(clock.day)}T${hms(clock.secs)}.${p6(clock.micros)}123Z`;
    }
  };
  const envelope = (prog: string, pid: number | null, msg: string): string => {
    switch (format) {
      case 'dmesg':
        return `[${uptime.toFixed(6).padStart(12, ' ')}] ${msg}`;
      case 'klog':
        return msg;
      case 'container-cri':
        return `${stamp()} ${r() < 0.8 ? 'stderr' : 'stdout'} F ${msg}`;
      case 'container-timestamps':
        return `${stamp()} ${msg}`;
      default:
        return `${stamp()} k8s02 ${prog}${pid === null ? '' : `[${pid}]`}: ${msg}`;
    }
  };
  const journal = format.startsWith('journal');
  // rsyslog keeps printk's `[uptime]` in kern.log and syslog; journalctl does not print it.
  const kernel = (msg: string): string =>
    format.startsWith('syslog') ? envelope('kernel', null, `[${uptime.toFixed(6).padStart(12, ' ')}] ${msg}`) : envelope('kernel', null, msg);
  if (journal) push('-- Journal begins at Thu 2026-05-21 03:12:44 AEST, ends at Sat 2026-05-30 10:30:02 AEST. --');
  for (let i = 0; i < lines; i++) {
    clock.secs += Math.floor(r() * 3);
    clock.micros = Math.floor(r() * 1e6);
    uptime += r() * 2;
    const go = klogMessages(clock);
    const x = r();
    const crlf = r() < 0.01;
    // Signature evidence is rare in real logs (the bench corpus: under 1% of lines).
    if (x < 0.3) push(kernel(fill(pick(KERNEL_NOISE))), crlf);
    else if (x < 0.76) push(envelope('microk8s.daemon-kubelite', 1189, fill(pick(go.noise))), crlf);
    else if (x < 0.77) push(kernel(fill(pick(KERNEL_HITS))));
    else if (x < 0.78) push(envelope('microk8s.daemon-kubelite', 1189, fill(pick(go.hits))));
    else if (x < 0.82) {
      // A klog record with a `key=<` block, written as the format writes continuation lines.
      const head = `I${p2(clock.month)}${p2(clock.day)} ${hms(clock.secs)}.${p6(clock.micros)}    1189 kubelet.go:2542] "Probe failed" probeType="Readiness" pod="default/web-${hex()}" output=<`;
      const body = ['\tHTTP probe failed with statuscode: 503', '\tconnection refused', ' >'];
      if (format === 'klog' || format.startsWith('container')) {
        push(envelope('', null, head));
        for (const b of body) push(format === 'klog' ? b : envelope('', null, b));
      } else {
        push(envelope('microk8s.daemon-kubelite', 1189, head));
        for (const b of body) push(envelope('microk8s.daemon-kubelite', 1189, format.startsWith('syslog') ? b.replace('\t', '#011') : b.replace('\t', '        ')));
      }
    } else if (x < 0.85) {
      // Multi-line entries: indented journal lines, indented dmesg lines, headerless klog lines, CRI partials.
      const msg = fill(pick(go.noise));
      if (journal) {
        push(envelope('app', 4242, 'panic: runtime error: invalid memory address or nil pointer dereference'));
        push('                                  [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]');
        if (r() < 0.5) push('                                  connection refused while dialing');
      } else if (format === 'dmesg') {
        push(kernel('task kworker/u8:2:1234 blocked for more than 120 seconds.'));
        push('      Not tainted 5.15.0-91-generic #101-Ubuntu');
      } else if (format === 'klog') {
        push(msg);
        push('goroutine trace follows');
        push('  i/o timeout on 10.0.0.1:9501');
      } else if (format === 'container-cri') {
        const half = Math.floor(msg.length / 2);
        push(`${stamp()} stderr P ${msg.slice(0, half)}`);
        push(`${stamp()} stderr F ${msg.slice(half)}`);
      } else push(envelope('microk8s.daemon-kubelite', 1189, msg));
    } else if (x < 0.87 && journal) {
      push(`-- Boot ${hex()}${hex()}${hex()}${hex()}`.slice(0, 40).padEnd(40, '0') + ' --');
    } else if (x < 0.875 && (journal || format.startsWith('syslog'))) {
      for (const d of DUMP) push(envelope('microk8s.daemon-kubelite', 1189, d.replace('\t', format.startsWith('syslog') ? '#011' : '        ')));
    } else if (x < 0.9) push(pick(GARBAGE));
    else if (x < 0.91) push('');
    else if (x < 0.915) out.push(Buffer.concat([Buffer.from(envelope('app', 7, 'bytes \u00e9t\u00e9 ')), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]));
    else if (x < 0.92) push(envelope('app', 7, 'caf\u00e9 na\u00efve \u2603 EXT4-fs (sdc): Remounting filesystem read-only'));
    else push(envelope('systemd', 1, `Started Session ${i} of User root.`), crlf);
  }
  return Buffer.concat(out);
}
