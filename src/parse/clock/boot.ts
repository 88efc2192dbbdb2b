import type { Precision } from '../../model/index.js';
import { isoFromMicros } from '../../model/index.js';

/**
 * Kernel uptime -> wall clock (FORMATS.md 2.3). Lines are split into boot segments per file and
 * host (a new `_BOOT_ID` / `-- Boot` id, or the uptime going down, is a reboot); segments of one
 * boot id are one group. A group's boot epoch comes from its lines that carry both clocks; a
 * group without such lines borrows the epoch of another group holding the same kernel line (same
 * uptime to the microsecond, same text), or `--boot-time` for the last boot of a file, or stays
 * relative.
 *
 * The estimate, and why a line never leaves its own syslog second: a line stamped S (truncated
 * to a quantum q, 1 s for RFC 3164) with uptime u was written at R, S <= R < S + q, at least u
 * after boot B. So B < S + q - u for every line: U = min(S + q - u) is a hard upper bound. Lines
 * logged without delay also give S - u <= B (up to their delay), so among the lines with
 * S - u < U ("consistent" ones) L = max(S - u) is the best lower bound, and B is taken as L.
 * Then every consistent line maps to L + u in [S, S + q): inside its own second. The error is
 * U - L (< q); lines logged late (S - u >= U, early boot) map before their stamp, which is when
 * the kernel printed them. With one line, L + u = S exactly.
 */

export interface UptimePoint {
  file: string;
  line: number;
  host?: string;
  bootId?: string;
  uptimeMicros: number;
  /** The line's own resolved time (UTC micros) and the width of its stamp (1e6 for seconds). */
  wallUtc?: number;
  quantum?: number;
  /** Message text, to find the same kernel line in another file (records only). */
  message?: string;
  /** Set by estimateBoots: the boot epoch of the point's group (null: none, stays relative). */
  epoch?: BootEpoch | null;
}

export interface BootEpoch {
  epochMicros: number;
  precision: Precision;
  /** Assumption text. */
  text: string;
  /** The wall clock was stepped forward during the boot (first line after the step). */
  step?: { seconds: number; file: string; line: number };
}

interface Group {
  key: string;
  label: string;
  points: UptimePoint[];
  epoch: BootEpoch | null;
}

/** Uptime going down by more than this between two lines of one host is a reboot. */
const REBOOT_DROP = 1_000_000;

function precisionOfQuantum(q: number): Precision {
  return q >= 1_000_000 ? 's' : q >= 1000 ? 'ms' : 'us';
}

function splitGroups(byFile: ReadonlyMap<string, readonly UptimePoint[]>): { groups: Map<string, Group>; lastOfFile: Group[] } {
  const groups = new Map<string, Group>();
  const lastOfFile: Group[] = [];
  for (const [file, points] of byFile) {
    const current = new Map<string, { group: Group; last: number; bootId?: string }>();
    let index = 0;
    for (const p of points) {
      const hostKey = p.host ?? '';
      const cur = current.get(hostKey);
      if (!cur || cur.bootId !== p.bootId || p.uptimeMicros < cur.last - REBOOT_DROP) {
        const key = p.bootId !== undefined ? `boot\u0000${p.bootId}` : `${file}\u0000${hostKey}\u0000${index++}`;
        const label = p.bootId !== undefined ? `boot ${p.bootId}` : `${p.host ?? file} boot #${index}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { key, label, points: [], epoch: null }));
        current.set(hostKey, { group, last: p.uptimeMicros, ...(p.bootId !== undefined ? { bootId: p.bootId } : {}) });
      }
      const c = current.get(hostKey)!;
      c.group.points.push(p);
      c.last = p.uptimeMicros;
    }
    for (const c of current.values()) lastOfFile.push(c.group);
  }
  return { groups, lastOfFile };
}

/** A wall clock stepped forward by more than this during one boot is reported as a step. */
const STEP = 2_000_000;

/**
 * The pairs that describe the boot's final wall clock. A node whose clock was behind at boot
 * (no RTC battery, fake-hwclock) is stepped forward by NTP later: every line before the step
 * has an upper bound S + q - u more than STEP below the upper bounds of all lines after it.
 * The last such split with at least two lines after it wins (one late-logged line is no step).
 */
function finalClockPairs(group: Group): { pairs: UptimePoint[]; stepSeconds: number } {
  const all = group.points.filter((p) => p.wallUtc !== undefined).sort((a, b) => a.uptimeMicros - b.uptimeMicros);
  const n = all.length;
  const upper = all.map((p) => p.wallUtc! + (p.quantum ?? 1) - p.uptimeMicros);
  const suffixMin = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) suffixMin[i] = Math.min(upper[i]!, i + 1 < n ? suffixMin[i + 1]! : Infinity);
  const prefixMax = new Array<number>(n);
  for (let i = 0; i < n; i++) prefixMax[i] = Math.max(upper[i]!, i > 0 ? prefixMax[i - 1]! : -Infinity);
  for (let k = n - 2; k >= 1; k--) {
    if (prefixMax[k - 1]! < suffixMin[k]! - STEP) {
      return { pairs: all.slice(k), stepSeconds: (suffixMin[k]! - prefixMax[k - 1]!) / 1e6 };
    }
  }
  return { pairs: all, stepSeconds: 0 };
}

/** L and U from the lines carrying both clocks (see the module comment), or null. */
function estimate(group: Group): BootEpoch | null {
  const { pairs, stepSeconds } = finalClockPairs(group);
  if (pairs.length === 0) return null;
  let upper = Infinity;
  let quantum = 1;
  for (const p of pairs) {
    upper = Math.min(upper, p.wallUtc! + (p.quantum ?? 1) - p.uptimeMicros);
    quantum = Math.max(quantum, p.quantum ?? 1);
  }
  let lower = -Infinity;
  for (const p of pairs) {
    const b = p.wallUtc! - p.uptimeMicros;
    if (b < upper && b > lower) lower = b;
  }
  const errorSeconds = (upper - lower) / 1e6;
  const step =
    stepSeconds > 0
      ? `; the wall clock was stepped forward by about ${stepSeconds.toFixed(0)} s at uptime ${(pairs[0]!.uptimeMicros / 1e6).toFixed(0)} s (${pairs[0]!.file}:${pairs[0]!.line}), earlier lines keep their own stamps`
      : '';
  const epoch: BootEpoch = {
    epochMicros: lower,
    precision: precisionOfQuantum(quantum),
    text: `kernel uptime of ${group.label} placed with boot time ${isoFromMicros(lower)} estimated from ${pairs.length} line(s) carrying both clocks (error < ${errorSeconds.toFixed(6)} s)${step}`,
  };
  if (stepSeconds > 0) epoch.step = { seconds: stepSeconds, file: pairs[0]!.file, line: pairs[0]!.line };
  return epoch;
}

function sameHost(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * A group without its own estimate takes the epoch of an estimated group holding the same
 * kernel line (same uptime to the microsecond, same text, compatible host). Only the uptimes
 * such groups need are indexed.
 */
function borrowEpochs(groups: readonly Group[]): void {
  const orphans = groups.filter((g) => !g.epoch);
  if (orphans.length === 0) return;
  const wanted = new Set<number>();
  for (const g of orphans) for (const p of g.points) if (p.message !== undefined) wanted.add(p.uptimeMicros);
  const byUptime = new Map<number, Array<{ p: UptimePoint; g: Group }>>();
  for (const g of groups) {
    if (!g.epoch) continue;
    for (const p of g.points) {
      if (p.message === undefined || !wanted.has(p.uptimeMicros)) continue;
      (byUptime.get(p.uptimeMicros) ?? byUptime.set(p.uptimeMicros, []).get(p.uptimeMicros)!).push({ p, g });
    }
  }
  for (const g of orphans) {
    for (const p of g.points) {
      const hit = byUptime.get(p.uptimeMicros)?.find((c) => c.p.message === p.message && sameHost(c.p.host, p.host));
      if (!hit) continue;
      const e = hit.g.epoch!;
      g.epoch = {
        ...e,
        text: `kernel uptime of ${g.label} placed with boot time ${isoFromMicros(e.epochMicros)} of ${hit.g.label} (the same kernel line is in both, ${p.file}:${p.line})`,
      };
      break;
    }
  }
}

/**
 * Sets the boot epoch of every uptime point (`point.epoch`, null = no anchor: relative).
 * `byFile` holds each file's points in line order.
 */
export function estimateBoots(byFile: ReadonlyMap<string, readonly UptimePoint[]>, bootTime: number | undefined): void {
  const { groups, lastOfFile } = splitGroups(byFile);
  for (const g of groups.values()) g.epoch = estimate(g);
  borrowEpochs([...groups.values()]);
  if (bootTime !== undefined) {
    for (const g of lastOfFile) {
      if (!g.points.some((p) => p.wallUtc === undefined)) continue;
      g.epoch = {
        epochMicros: bootTime,
        precision: bootTime % 1_000_000 === 0 ? 's' : 'us',
        text: `kernel uptime of ${g.label} placed with --boot-time ${isoFromMicros(bootTime)}`,
      };
    }
  }
  for (const g of groups.values()) for (const p of g.points) p.epoch = g.epoch;
}
