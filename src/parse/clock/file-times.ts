import type { EventTime, FileScan, Precision, ScannedRecord, Stamp } from '../../model/index.js';
import { yearAnchor, type AgeReference, type Evidence } from './anchor.js';
import type { UptimePoint } from './boot.js';
import type { ClockNotes } from './notes.js';
import type { Resolved, StampResolver } from './resolve.js';
import { walkYears } from './year.js';
import type { Zone } from './zone.js';

/**
 * The clock's per-file pass: a file's records and samples in line order, their years walked,
 * their stamps resolved; kernel uptimes collected for the boot estimate across files.
 */
export interface Item {
  line: number;
  stamp: Stamp;
  uptime?: number;
  record?: ScannedRecord;
  resolved: Resolved;
  point?: UptimePoint;
}

export interface FileContextOpts {
  zone: Zone;
  notes: ClockNotes;
  resolver: StampResolver;
  evidence: Evidence | undefined;
  year?: number;
  /** Per file: the time its ages count back from (clock/snapshot.ts). */
  snapshots: ReadonlyMap<string, AgeReference>;
  now: number;
}

const QUANTUM: Record<Precision, number> = { us: 1, ms: 1000, s: 1_000_000, min: 60_000_000, age: 1 };

/** Placeholder until an item's stamp is resolved (right after the year walk). */
const PENDING: Resolved = { time: { utcMicros: null, text: '', precision: 's' }, zone: { name: '', offsetAt: () => 0, toUtc: (w) => ({ utcMicros: w, fold: 'ok' }) }, keys: [] };

function untimed(text: string): Resolved['time'] {
  return { utcMicros: null, text, precision: 's' };
}

/** Resolves every stamp of one file except kernel uptimes (those wait for the boot estimate). */
export function resolveFile(scan: FileScan, o: FileContextOpts): Item[] {
  const file = scan.input.path;
  const raw: Item[] = [];
  for (const r of scan.records) {
    const item: Item = { line: r.at.line, stamp: r.stamp, record: r, resolved: PENDING };
    if (r.uptime !== undefined) item.uptime = r.uptime;
    raw.push(item);
  }
  for (const s of scan.samples) {
    const item: Item = { line: s.line, stamp: s.stamp, resolved: PENDING };
    if (s.uptime !== undefined) item.uptime = s.uptime;
    raw.push(item);
  }
  raw.sort((a, b) => a.line - b.line);
  const needsYear = raw.some((i) => i.stamp.kind === 'wall' && i.stamp.year === undefined);
  let years = new Map<number, number>();
  let yearKey: string | undefined;
  if (needsYear) {
    const anchor = yearAnchor(scan, o, o.evidence, o.zone);
    yearKey = o.notes.key('year', anchor.text);
    if (anchor.guessed) {
      o.notes.diag({
        severity: 'warning',
        code: 'clock/year-guessed',
        reason: 'Unexpected year-less times with no dated evidence and no file time; the current year is assumed',
        place: { file, line: 1 },
        help: 'Pass --year, or add a dated source (kubectl JSON, RFC 3339 syslog, journal JSON).',
      });
    }
    const walk = walkYears(raw, anchor.local, anchor.skew, o.zone);
    years = walk.years;
    for (const line of walk.leapJumps) {
      o.notes.diag({
        severity: 'info',
        code: 'clock/leap-day',
        reason: 'Feb 29 placed in the nearest earlier leap year',
        place: { file, line },
      });
    }
  }
  const ageRef = o.snapshots.get(file);
  for (const i of raw) i.resolved = resolveStamp(i.stamp, i.line, file, years, yearKey, ageRef, o);
  return raw;
}

function resolveStamp(
  stamp: Stamp,
  line: number,
  file: string,
  years: Map<number, number>,
  yearKey: string | undefined,
  ageRef: AgeReference | undefined,
  o: FileContextOpts,
): Resolved {
  switch (stamp.kind) {
    case 'absolute':
      return o.resolver.absolute(stamp);
    case 'wall':
      return o.resolver.wall(stamp, years.get(line), yearKey, { file, line });
    case 'age':
      return o.resolver.age(stamp, ageRef, { file, line });
    case 'uptime':
      return { time: untimed(stamp.text), zone: o.zone, keys: [] as string[] };
    default:
      return { time: untimed(''), zone: o.zone, keys: [] };
  }
}

/**
 * The uptime points of a file in line order. Samples carry no host or boot id: they take those
 * of the record before them (or the file's host).
 */
export function uptimePoints(file: string, fileHost: string | undefined, items: Item[]): UptimePoint[] {
  const points: UptimePoint[] = [];
  let host = fileHost;
  let bootId: string | undefined;
  for (const item of items) {
    if (item.record) {
      host = item.record.host ?? fileHost;
      bootId = item.record.bootId;
    }
    if (item.uptime === undefined) continue;
    const p: UptimePoint = { file, line: item.line, uptimeMicros: Math.round(item.uptime * 1_000_000) };
    if (host !== undefined) p.host = host;
    if (bootId !== undefined) p.bootId = bootId;
    const t = item.resolved.time;
    if (item.stamp.kind !== 'uptime' && t.utcMicros !== null) {
      p.wallUtc = t.utcMicros;
      p.quantum = QUANTUM[t.precision];
    }
    if (item.record) p.message = item.record.message;
    item.point = p;
    points.push(p);
  }
  return points;
}

/**
 * Applies a boot epoch to an item: an uptime-only stamp becomes epoch + uptime (or stays
 * relative); a line with its own stamp takes epoch + uptime only inside its own stamp's width
 * (finer order within the second, never another second).
 */
export function applyBoot(item: Item, notes: ClockNotes, relativeText: string): void {
  const p = item.point;
  if (!p) return;
  const epoch = p.epoch ?? null;
  const t: EventTime = item.resolved.time;
  if (item.stamp.kind === 'uptime') {
    if (epoch) {
      t.utcMicros = epoch.epochMicros + p.uptimeMicros;
      t.precision = epoch.precision;
      item.resolved.keys = [notes.key('boot', epoch.text)];
    } else {
      t.relative = true;
      item.resolved.keys = [notes.key('boot', relativeText)];
    }
    return;
  }
  if (!epoch || p.wallUtc === undefined || p.quantum === undefined) return;
  const mapped = epoch.epochMicros + p.uptimeMicros;
  if (mapped >= p.wallUtc && mapped < p.wallUtc + p.quantum) t.utcMicros = mapped;
}
