// Clock helpers. Instants are integer microseconds since the Unix epoch (UTC); `off` is the
// fixed UTC offset in hours of the clock that prints the stamp (10 = AEST, 0 = UTC).

export const US = 1e6;
export const SEC = US, MIN = 60 * US, HOUR = 3600 * US, DAY = 86400 * US;
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n) => String(n).padStart(2, '0');
const p6 = (n) => String(n).padStart(6, '0');

/** Epoch micros of a wall-clock time at a fixed offset. */
export function at(y, mo, d, h = 0, mi = 0, s = 0, us = 0, off = 10) {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - off * 3600e3) * 1000 + us;
}

/** Broken-down wall clock of an instant at an offset. */
export function parts(t, off) {
  const ms = Math.floor(t / 1000) + off * 3600e3;
  const d = new Date(ms);
  const us = ((t % US) + US) % US;
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), us, wd: d.getUTCDay() };
}

const hms = (p) => `${p2(p.h)}:${p2(p.mi)}:${p2(p.s)}`;
const offStr = (off, colon = true) => (off === 0 ? (colon ? '+00:00' : '+0000') : `${off < 0 ? '-' : '+'}${p2(Math.abs(off))}${colon ? ':' : ''}00`);

/** RFC 3164 syslog stamp, day space-padded: `May 28 20:21:04`, `Jul  5 01:30:47`. */
export function syslogStamp(t, off) { const p = parts(t, off); return `${MON[p.mo]} ${String(p.d).padStart(2, ' ')} ${hms(p)}`; }
/** journalctl -o short stamp, day zero-padded: `May 08 20:21:04`. */
export function journalShort(t, off) { const p = parts(t, off); return `${MON[p.mo]} ${p2(p.d)} ${hms(p)}`; }
/** journalctl -o short-precise stamp: `May 28 20:21:04.118402`. */
export function journalPrecise(t, off) { return `${journalShort(t, off)}.${p6(parts(t, off).us)}`; }
/** klog header time (after the severity letter): `0528 20:21:04.118402`. */
export function klogStamp(t, off) { const p = parts(t, off); return `${p2(p.mo + 1)}${p2(p.d)} ${hms(p)}.${p6(p.us)}`; }
/** dmesg -T ctime: `Thu May 28 20:21:04 2026` (day space-padded). */
export function ctime(t, off) { const p = parts(t, off); return `${WDAY[p.wd]} ${MON[p.mo]} ${String(p.d).padStart(2, ' ')} ${hms(p)} ${p.y}`; }
/** journalctl --header style: `Thu 2026-05-28 20:21:04 AEST`. */
export function fullStamp(t, off, zone) { const p = parts(t, off); return `${WDAY[p.wd]} ${p.y}-${p2(p.mo + 1)}-${p2(p.d)} ${hms(p)} ${zone}`; }
/** ISO date-time at the offset without fraction: `2026-05-28T20:21:04+10:00` (`Z` for UTC when z). */
export function isoOff(t, off, z = false) { const p = parts(t, off); return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)}T${hms(p)}${off === 0 && z ? 'Z' : offStr(off)}`; }
/** ISO with microseconds at the offset. */
export function isoOffUs(t, off, z = false) { const p = parts(t, off); return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)}T${hms(p)}.${p6(p.us)}${off === 0 && z ? 'Z' : offStr(off)}`; }
/** ISO with nanoseconds (containerd logrus, CRI logs); the last three digits come from `ns`. */
export function isoNano(t, off, ns, z = false) { const p = parts(t, off); return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)}T${hms(p)}.${p6(p.us)}${String(ns).padStart(3, '0')}${off === 0 && z ? 'Z' : offStr(off)}`; }
/** metav1.Time: RFC 3339 UTC seconds. */
export function k8sTime(t) { return isoOff(t, 0, true); }
/** metav1.MicroTime. */
export function k8sMicro(t) { return isoOffUs(t, 0, true); }
/** printk uptime `%5lu.%06lu` for micros since boot. */
export function uptime(dt) { const s = Math.floor(dt / US); return `${String(s).padStart(5, ' ')}.${p6(dt - s * US)}`; }
/** Go time.Time String() at a fixed zone: `2026-06-17 21:05:47.118402113 +1000 AEST`. */
export function goTime(t, off, zone, ns = 0) { const p = parts(t, off); return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)} ${hms(p)}.${p6(p.us)}${String(ns).padStart(3, '0')} ${offStr(off, false)} ${zone}`; }
/** kubectl HumanDuration of a span in micros (as `kubectl get`/`describe` print ages). */
export function human(dt) {
  const s = Math.floor(dt / US);
  if (s < 0) return '<invalid>';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 192) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  return `${d}d`;
}
