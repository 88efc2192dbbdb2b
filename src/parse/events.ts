import type { ClockAssumption, Diagnostic, Event, EventTime, FileScan } from '../model/index.js';
import { isoFromMicros } from '../model/index.js';
import { newestEvidence, type Evidence } from './clock/anchor.js';
import { estimateBoots, type UptimePoint } from './clock/boot.js';
import { dedupe, type Draft } from './clock/dedupe.js';
import { applyBoot, resolveFile, uptimePoints, type Item } from './clock/file-times.js';
import { resolveInner } from './clock/inner.js';
import { ClockNotes } from './clock/notes.js';
import { StampResolver } from './clock/resolve.js';
import { chooseSnapshots, MTIME_SLACK, type SnapshotChoice } from './clock/snapshot.js';
import { FixedZone, isValidTimeZone, zoneOf, type Zone } from './clock/zone.js';

/**
 * The clock step: every record of every scan onto one UTC clock, de-duplicated across files,
 * in one stable order (time, file, line), numbered. Years, zones, boot times and snapshot times
 * come from flags or the whole evidence; each assumption is recorded with the number of events
 * whose time depends on it. Filtering by time is the pipeline's job.
 *
 * Every kubectl capture gets its own snapshot time (clock/snapshot.ts); the clock sets it on the
 * capture's objects (`K8sObject.snapshotTime`, `snapshotSource`), which the cluster state uses.
 */

export interface BuildEventsOptions {
  /** IANA zone for zone-less stamps. */
  tz: string;
  year?: number;
  /** Epoch micros of the (last) boot, for dmesg without another anchor. */
  bootTime?: number;
  /** Epoch micros ages are counted back from (--snapshot-time), for every capture. */
  snapshotTime?: number;
  /** "Now" in epoch micros, when nothing dates a year-less file (tests pin it). */
  now?: number;
  /**
   * The caller needs the scans' records no more: each is let go (`scan.records` emptied) once
   * its event is built, so records and events of the whole input never coexist.
   */
  consume?: boolean;
}

export interface BuiltEvents {
  events: Event[];
  assumptions: ClockAssumption[];
  diagnostics: Diagnostic[];
  /** Per input file: ISO UTC of its earliest and latest resolved time (records and samples). */
  ranges: Map<string, { first?: string; last?: string }>;
  /** Per kubectl capture: the snapshot time chosen and why. */
  snapshots: Map<string, SnapshotChoice>;
}

function runZone(tz: string, notes: ClockNotes): Zone {
  if (isValidTimeZone(tz)) return zoneOf(tz);
  notes.diag({
    severity: 'error',
    code: 'clock/unknown-zone',
    reason: `Unexpected time zone "${tz}", expected an IANA name such as Australia/Brisbane or UTC; UTC is used`,
    help: 'List the names with `timedatectl list-timezones`.',
  });
  return new FixedZone(0);
}

/** The record's final time: the inner clock when it agrees with the envelope, then the shift. */
function recordTime(item: Item, notes: ClockNotes, zoneKey: string): EventTime {
  const rec = item.record!;
  // Each item's time object is its own (resolved once per item): completed in place.
  let time: EventTime = item.resolved.time;
  if (rec.inner) {
    const envStamp = rec.stamp;
    const envZoneAssumed = time.zoneAssumed === true || (envStamp.kind === 'absolute' && envStamp.offsetMinutes === undefined);
    const envelope: EventTime = envZoneAssumed ? { ...time, zoneAssumed: true } : time;
    const inner =
      time.utcMicros === null && rec.inner.kind === 'absolute'
        ? { utcMicros: rec.inner.utcMicros, text: rec.inner.text, precision: rec.inner.precision }
        : resolveInner(rec.inner, envelope, item.resolved.zone, notes, { file: rec.at.file, line: rec.at.line });
    if (inner) {
      time = inner;
      if (inner.zoneAssumed && !item.resolved.keys.includes(zoneKey)) item.resolved.keys = [...item.resolved.keys, zoneKey];
    }
  }
  if (rec.shiftSeconds !== undefined && time.utcMicros !== null) time.utcMicros += Math.round(rec.shiftSeconds * 1_000_000);
  return time;
}

function draftOf(item: Item, time: EventTime): Draft {
  const rec = item.record!;
  const event: Event = {
    seq: 0,
    time,
    source: rec.source,
    format: rec.format,
    message: rec.message,
    fields: rec.fields,
    raw: rec.raw,
    from: [rec.at],
  };
  if (rec.host !== undefined) event.host = rec.host;
  if (rec.program !== undefined) event.program = rec.program;
  if (rec.pid !== undefined) event.pid = rec.pid;
  if (rec.severity !== undefined) event.severity = rec.severity;
  if (rec.uptime !== undefined) event.uptime = rec.uptime;
  if (rec.context) event.context = true;
  if (rec.hits && rec.hits.length > 0) event.hits = rec.hits;
  const d: Draft = { event, file: rec.at.file, line: rec.at.line, sortKey: Infinity, keys: item.resolved.keys };
  if (item.point) d.uptimeMicros = item.point.uptimeMicros;
  return d;
}

function isDraft(slot: Draft | Item): slot is Draft {
  return 'event' in slot;
}

/** Untimed records sort with the timed record before them in their file (else the one after). */
function neighbourKeys(drafts: Draft[]): void {
  let prev: number | undefined;
  for (const d of drafts) {
    const t = d.event.time.utcMicros;
    if (t !== null) prev = t;
    else if (prev !== undefined) d.sortKey = prev;
  }
  let next: number | undefined;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i]!;
    const t = d.event.time.utcMicros;
    if (t !== null) next = t;
    else if (d.sortKey === Infinity && next !== undefined) d.sortKey = next;
  }
}

function widen(ranges: Map<string, { lo: number; hi: number; loP: EventTime; hiP: EventTime }>, file: string, t: EventTime): void {
  if (t.utcMicros === null) return;
  const r = ranges.get(file);
  if (!r) ranges.set(file, { lo: t.utcMicros, hi: t.utcMicros, loP: t, hiP: t });
  else {
    if (t.utcMicros < r.lo) Object.assign(r, { lo: t.utcMicros, loP: t });
    if (t.utcMicros > r.hi) Object.assign(r, { hi: t.utcMicros, hiP: t });
  }
}

/** One warning per boot whose wall clock was stepped forward (see clock/boot.ts). */
function reportClockSteps(byFile: ReadonlyMap<string, readonly UptimePoint[]>, notes: ClockNotes): void {
  const seen = new Set<object>();
  for (const points of byFile.values()) {
    for (const p of points) {
      const step = p.epoch?.step;
      if (!step || seen.has(p.epoch!)) continue;
      seen.add(p.epoch!);
      notes.diag({
        severity: 'warning',
        code: 'clock/wall-clock-step',
        reason: `Unexpected jump of the wall clock by about ${step.seconds.toFixed(0)} s during one boot (kernel uptime against syslog time); kernel-only times use the clock after the jump`,
        place: { file: step.file, line: step.line },
        help: 'A node without a real-time clock (or with a wrong one) synchronised by NTP after boot: syslog stamps before this line are off by that much.',
      });
    }
  }
}

export function buildEvents(scans: readonly FileScan[], opts: BuildEventsOptions): BuiltEvents {
  const notes = new ClockNotes();
  const zone = runZone(opts.tz, notes);
  const resolver = new StampResolver(zone, notes);
  const zoneKey = notes.key('zone', `zone-less times read as ${zone.name} (--tz)`);
  const evidence = newestEvidence(scans);
  const snapshots = chooseSnapshots(scans, opts.snapshotTime, evidence);
  stampObjects(scans, snapshots, notes);
  checkDumpTimes(scans, evidence, notes);
  const base = { zone, notes, resolver, evidence, snapshots, now: opts.now ?? Date.now() * 1000 };
  const ctx = { ...base, ...(opts.year !== undefined ? { year: opts.year } : {}) };
  /** The draft of a record whose time is final (let go of the record when consuming). */
  const settle = (item: Item): Draft => {
    const d = draftOf(item, recordTime(item, notes, zoneKey));
    if (opts.consume) item.record = undefined;
    return d;
  };
  // Per file, in line order: the draft of each record whose time is already final, and the
  // items that wait for the boot times of the whole evidence (uptime-bearing lines) or only
  // widen the file's range (stamp samples). A record is let go as soon as its draft is made,
  // so the records, items and drafts of the whole input never coexist.
  const perFile: Array<{ scan: FileScan; slots: Array<Draft | Item> }> = [];
  const byFile = new Map<string, UptimePoint[]>();
  for (const scan of scans) {
    const items = resolveFile(scan, ctx);
    if (opts.consume) scan.records = [];
    const points = uptimePoints(scan.input.path, scan.input.host, items);
    if (points.length > 0) byFile.set(scan.input.path, points);
    const slots: Array<Draft | Item> = [];
    for (const item of items) slots.push(item.record && !item.point ? settle(item) : item);
    perFile.push({ scan, slots });
  }
  estimateBoots(byFile, opts.bootTime);
  reportClockSteps(byFile, notes);
  const ranges = new Map<string, { lo: number; hi: number; loP: EventTime; hiP: EventTime }>();
  const drafts: Draft[] = [];
  for (const { scan, slots } of perFile) {
    const file = scan.input.path;
    const relativeText = `no boot anchor for ${file}: kernel times kept relative to boot (pass --boot-time, or add kern.log or the journal of that boot)`;
    const fileDrafts: Draft[] = [];
    for (const slot of slots) {
      if (isDraft(slot)) {
        widen(ranges, file, slot.event.time);
        fileDrafts.push(slot);
        continue;
      }
      if (slot.point) applyBoot(slot, notes, relativeText);
      if (!slot.record) {
        widen(ranges, file, slot.resolved.time);
        continue;
      }
      const d = settle(slot);
      widen(ranges, file, d.event.time);
      fileDrafts.push(d);
    }
    neighbourKeys(fileDrafts);
    for (const d of fileDrafts) drafts.push(d);
  }
  const merged = dedupe(drafts);
  merged.sort((a, b) => {
    const ka = a.event.time.utcMicros ?? a.sortKey;
    const kb = b.event.time.utcMicros ?? b.sortKey;
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    return a.line - b.line;
  });
  const events = merged.map((d, seq) => {
    for (const key of d.keys) notes.count(key, d.file);
    d.event.seq = seq;
    return d.event;
  });
  const out = new Map<string, { first?: string; last?: string }>();
  for (const scan of scans) {
    const r = ranges.get(scan.input.path);
    out.set(
      scan.input.path,
      r ? { first: isoFromMicros(r.lo, r.loP.precision), last: isoFromMicros(r.hi, r.hiP.precision) } : {},
    );
  }
  return { events, assumptions: notes.assumptions(), diagnostics: notes.diagnostics(), ranges: out, snapshots };
}

/**
 * A goroutine dump file carries no clock: its time is --dump-time or the file's mtime. An mtime
 * more than MTIME_SLACK after the newest dated evidence is a copy or checkout, not the dump: the
 * blocked-since times it gives are wrong, which only --dump-time can fix (warned, not guessed).
 */
function checkDumpTimes(scans: readonly FileScan[], evidence: Evidence | undefined, notes: ClockNotes): void {
  if (!evidence) return;
  for (const scan of scans) {
    const b = scan.buckets.find((x) => x.dumpTimeSource === 'mtime');
    if (!b || b.dumpTime.kind !== 'absolute' || b.dumpTime.utcMicros <= evidence.utcMicros + MTIME_SLACK) continue;
    notes.diag({
      severity: 'warning',
      code: 'clock/dump-time-implausible',
      reason: `Unexpected dump time ${b.dumpTime.text} from the file's modification time: ${Math.round((b.dumpTime.utcMicros - evidence.utcMicros) / 86_400_000_000)} days after the newest dated evidence (${evidence.where}); the goroutine waits are placed from it`,
      place: { file: scan.input.path, line: b.headers[0]?.line ?? 1 },
      help: 'The file was copied or checked out after the dump: pass --dump-time with the time the dump was taken.',
    });
  }
}

/** Each capture's objects hold its snapshot time; the assumption names every capture file. */
function stampObjects(scans: readonly FileScan[], snapshots: ReadonlyMap<string, SnapshotChoice>, notes: ClockNotes): void {
  for (const scan of scans) {
    const choice = snapshots.get(scan.input.path);
    if (!choice) continue;
    notes.applies(notes.key('snapshot', choice.text), scan.input.path);
    const iso = isoFromMicros(choice.utcMicros, 's');
    for (const o of scan.objects) {
      o.snapshotTime = iso;
      o.snapshotSource = choice.text;
    }
  }
}
