// One node's log streams. A record is one message from one program at one instant; the host
// writes it into every sink (file) that would have captured it, each in its own envelope:
// rsyslog RFC 3164 files, kern.log, journalctl text or JSON exports, dmesg.
import { syslogStamp, journalShort, journalPrecise, ctime, uptime, fullStamp, klogStamp } from './time.mjs';

const TAB8 = '        ';
// systemd unit of a program's messages (what `journalctl -u` selects)
const UNITS = { iscsid: 'iscsid', multipathd: 'multipathd', 'microk8s.daemon-containerd': 'snap.microk8s.daemon-containerd', 'microk8s.daemon-k8s-dqlite': 'snap.microk8s.daemon-k8s-dqlite',
  'microk8s.daemon-kubelite': 'snap.microk8s.daemon-kubelite', snapd: 'snapd', 'systemd-networkd': 'systemd-networkd', 'systemd-logind': 'systemd-logind', sshd: 'ssh', CRON: 'cron' };

export class Host {
  /**
   * ev: Evidence; name, ip; off: zone offset (h) of every local stamp; zone: its abbreviation;
   * dir: folder of this host's files; boots: [{at, id}] ascending; sinks: see addSink.
   */
  constructor(ev, { name, ip, off, zone, dir, boots, machineId }) {
    Object.assign(this, { ev, name, ip, off, zone, dir, boots, machineId });
    this.sinks = [];
    this.pid = {};
  }
  /**
   * kind: syslog | kern | journal | dmesg | json. from/to: time window (to exclusive).
   * journal/json: units (systemd unit names), kernel (include kernel records), mode (short|precise).
   * dmesg: mode (ctime|raw); only the boot current at `to`.
   */
  addSink(file, kind, opts = {}) {
    const s = { file: `${this.dir}/${file}`, kind, from: -Infinity, to: Infinity, ...opts };
    if (kind === 'dmesg') s.from = Math.max(s.from, this.bootAt(s.to - 1).at);
    this.ev.lines(s.file, { gzip: !!opts.gzip });
    this.sinks.push(s);
    return s;
  }
  bootAt(t) {
    let b = this.boots[0];
    for (const x of this.boots) if (x.at <= t) b = x;
    return b;
  }
  /**
   * rec: {t, ident, pid?, msg, role, kernel?, up?, unit?, prio?, only?: [sink kinds]}. `up` overrides the printk
   * uptime (ring-buffer lines read late at boot). Tabs in msg: `#011` in syslog, 8 spaces in journal text.
   */
  emit(rec) {
    const { t, role } = rec;
    for (const s of this.sinks) {
      if (t < s.from || t >= s.to) continue;
      if (rec.only && !rec.only.includes(s.kind)) continue;
      const line = this.render(s, rec);
      if (line !== null) this.ev.add(s.file, t, line, role);
    }
  }
  render(s, rec) {
    const tag = rec.kernel ? 'kernel' : rec.pid != null ? `${rec.ident}[${rec.pid}]` : rec.ident;
    const up = rec.kernel ? (rec.up ?? rec.t - this.bootAt(rec.t).at) : 0;
    switch (s.kind) {
      case 'syslog':
      case 'kern': {
        if (s.kind === 'kern' && !rec.kernel) return null;
        const msg = rec.kernel ? `[${uptime(up)}] ${rec.msg}` : rec.msg;
        return `${syslogStamp(rec.t, this.off)} ${this.name} ${tag}: ${msg.replace(/\t/g, '#011')}`;
      }
      case 'journal': {
        if (!(rec.kernel ? s.kernel : s.units?.includes(rec.unit))) return null;
        const stamp = s.mode === 'precise' ? journalPrecise(rec.t, this.off) : journalShort(rec.t, this.off);
        return `${stamp} ${this.name} ${tag}: ${rec.msg.replace(/\t/g, TAB8)}`;
      }
      case 'dmesg': {
        if (!rec.kernel) return null;
        return s.mode === 'ctime' ? `[${ctimeOfUptime(this, rec, up)}] ${rec.msg}` : `[${uptime(up)}] ${rec.msg}`;
      }
      case 'json':
        if (!(rec.kernel ? s.kernel : s.units?.includes(rec.unit))) return null;
        return journalJson(this, s, rec, up);
      default:
        throw new Error(`sink kind ${s.kind}`);
    }
  }
  // convenience writers -----------------------------------------------------------------
  sys(t, ident, pid, msg, role = 'noise', unit = UNITS[ident]) { this.emit({ t, ident, pid, msg, role, unit }); }
  kern(t, msg, role = 'noise', up) { this.emit({ t, ident: 'kernel', msg, role, kernel: true, up }); }
  /** A kubelite stdout/stderr line (unit snap.microk8s.daemon-kubelite). */
  kraw(t, msg, role = 'noise') { this.emit({ t, ident: 'microk8s.daemon-kubelite', pid: this.pid.kubelite, msg, role, unit: 'snap.microk8s.daemon-kubelite' }); }
  /** A klog line from kubelite: `I0528 20:21:04.118402    4242 file.go:12] msg`. */
  klog(t, sev, src, msg, role = 'noise') { this.kraw(t, `${sev}${klogStamp(t, this.off)} ${String(this.pid.kubelite).padStart(7, ' ')} ${src}] ${msg}`, role); }
  /** systemd[1] line about a unit (shown by journalctl -u <unit> too). */
  unit(t, unit, msg, role = 'noise') { this.emit({ t, ident: 'systemd', pid: 1, msg, role, unit }); }
  /** Adds a journalctl marker line (`-- Boot ... --`, header) to one journal sink. */
  marker(file, t, text) { this.ev.add(`${this.dir}/${file}`, t, text, 'marker'); }
  /** Journal header line as systemd 249 prints it. */
  journalHeader(file, begins, ends) {
    this.marker(file, -Infinity, `-- Journal begins at ${fullStamp(begins, this.off, this.zone)}, ends at ${fullStamp(ends, this.off, this.zone)}. --`);
  }
}

function ctimeOfUptime(host, rec, up) {
  // dmesg -T prints boot time + uptime in the capturing shell's zone (the host's zone here)
  return ctime(host.bootAt(rec.t).at + up, host.off);
}

// syslog priority: 3 (err) for failure texts, 6 (info) otherwise
const prio = (msg) => (/error|failed|rejecting|Aborting|timed out|read-only/i.test(msg) ? '3' : '6');

function journalJson(host, s, rec, up) {
  const boot = host.bootAt(rec.t);
  const mono = rec.t - boot.at;
  const seq = (host.jseq = (host.jseq ?? 0x2f1a00) + 1);
  const o = {
    __CURSOR: `s=${host.machineId.slice(0, 32)};i=${seq.toString(16)};b=${boot.id};m=${mono.toString(16)};t=${rec.t.toString(16)};x=${((seq * 2654435761) >>> 0).toString(16).padStart(8, '0')}${((mono * 40503) >>> 0).toString(16).padStart(8, '0')}`,
    __REALTIME_TIMESTAMP: String(rec.t),
    __MONOTONIC_TIMESTAMP: String(mono),
    _BOOT_ID: boot.id,
  };
  if (rec.kernel) {
    Object.assign(o, { _SOURCE_MONOTONIC_TIMESTAMP: String(up), _TRANSPORT: 'kernel', PRIORITY: rec.prio ?? prio(rec.msg), SYSLOG_FACILITY: '0', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: rec.msg, _MACHINE_ID: host.machineId, _HOSTNAME: host.name });
    if (rec.device) o._KERNEL_DEVICE = rec.device;
  } else {
    Object.assign(o, {
      PRIORITY: rec.prio ?? prio(rec.msg), SYSLOG_FACILITY: '3', SYSLOG_IDENTIFIER: rec.ident, ...(rec.pid != null ? { SYSLOG_PID: String(rec.pid) } : {}),
      _PID: String(rec.pid ?? 1), _UID: '0', _GID: '0', _COMM: rec.comm ?? rec.ident, _EXE: rec.exe ?? `/usr/sbin/${rec.ident}`, _CMDLINE: rec.cmdline ?? `/usr/sbin/${rec.ident}`,
      _CAP_EFFECTIVE: '1ffffffffff', _SELINUX_CONTEXT: 'unconfined\n', _SYSTEMD_CGROUP: `/system.slice/${rec.unit}.service`, _SYSTEMD_UNIT: `${rec.unit}.service`, _SYSTEMD_SLICE: 'system.slice',
      _SYSTEMD_INVOCATION_ID: host.invocation?.[rec.unit] ?? '0'.repeat(32), _TRANSPORT: 'syslog', SYSLOG_TIMESTAMP: `${syslogStamp(rec.t, host.off)} `, MESSAGE: rec.msg,
      _SOURCE_REALTIME_TIMESTAMP: String(rec.t - 37), _MACHINE_ID: host.machineId, _HOSTNAME: host.name,
    });
  }
  if (rec.msgBytes) o.MESSAGE = [...Buffer.from(rec.msg, 'utf8')];
  void s;
  return JSON.stringify(o);
}
