// Pasted kubectl text: tables padded like kubectl's tabwriter, `describe` Events sections, and
// the Go/kubectl time renderings they use.
import { human, parts } from './time.mjs';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => String(n).padStart(2, '0');

/** Rows of cells padded to column width + `gap` spaces (last column unpadded). */
export function table(rows, gap = 3, indent = '') {
  const w = [];
  for (const r of rows) r.forEach((c, i) => { w[i] = Math.max(w[i] ?? 0, c.length); });
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i] + gap))).join('').trimEnd());
}

/** `describe` time: `Wed, 17 Jun 2026 21:05:09 +1000`. */
export function rfc1123z(t, off) {
  const p = parts(t, off);
  return `${DAYS[p.wd]}, ${p2(p.d)} ${MON[p.mo]} ${p.y} ${p2(p.h)}:${p2(p.mi)}:${p2(p.s)} ${off < 0 ? '-' : '+'}${p2(Math.abs(off))}00`;
}

/** describe Age column: first-seen age, or `LAST (xCOUNT over FIRST)`. */
export function describeAge(now, first, last, count) {
  return count > 1 ? `${human(now - last)} (x${count} over ${human(now - first)})` : human(now - first);
}

/** The `Events:` block of `kubectl describe`. ev: [{type, reason, first, last, count, from, message}] */
export function eventsBlock(now, ev) {
  if (!ev.length) return ['Events:                      <none>'];
  const rows = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']];
  for (const e of ev) rows.push([e.type, e.reason, describeAge(now, e.first, e.last ?? e.first, e.count ?? 1), e.from, e.message]);
  return ['Events:', ...table(rows, 2, '  ')];
}
