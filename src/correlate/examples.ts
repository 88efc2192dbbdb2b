/**
 * Runs the correlation over a signature's example lines as one small evidence set (the
 * ExampleCorrelator that signatures/selftest.ts is given). Example stamps are placed without
 * the clock stage: absolute stamps as they are, zone-less ones as UTC (year 2000 when absent),
 * uptimes from the epoch; only their order and distances matter here.
 */
import type { Event, ParsedRecord } from '../model/event.js';
import type { SignatureHit } from '../model/scan.js';
import type { ClusterState } from '../model/state.js';
import type { Stamp } from '../model/time.js';
import type { CompiledSignatures, ExampleCorrelator, ExampleOptions, LineParser } from '../signatures/index.js';
import { runExamples } from '../signatures/index.js';
import { correlate } from './correlate.js';

export function exampleTime(s: Stamp, uptime?: number): number | null {
  switch (s.kind) {
    case 'absolute':
      return s.utcMicros;
    case 'wall':
      return Date.UTC(s.year ?? 2000, s.month - 1, s.day, s.hour, s.minute, s.second) * 1000 + s.micros;
    case 'uptime':
      return Math.round(s.seconds * 1e6);
    default:
      return uptime === undefined ? null : Math.round(uptime * 1e6);
  }
}

/** A cluster state with nothing in it (no snapshots, no goroutine dumps). */
export const EMPTY_STATE: ClusterState = {
  objects: () => [],
  get: () => undefined,
  related: () => [],
  relations: () => [],
  buckets: () => [],
  snapshotTime: () => undefined,
};

/** Records -> events in input order (seq = index), with their hits. */
export function eventsFromRecords(set: CompiledSignatures, records: readonly ParsedRecord[]): { events: Event[]; hits: Map<number, SignatureHit[]> } {
  const events: Event[] = records.map((r, seq) => ({
    seq,
    time: { utcMicros: exampleTime(r.stamp, r.uptime), text: 'text' in r.stamp ? r.stamp.text : '', precision: 'us' },
    ...(r.host ? { host: r.host } : {}),
    source: r.source,
    format: r.format,
    ...(r.program ? { program: r.program } : {}),
    message: r.message,
    fields: r.fields,
    raw: r.raw,
    from: [{ ...r.at, line: seq + 1 }],
  }));
  const hits = new Map<number, SignatureHit[]>();
  records.forEach((r, seq) => {
    const h = set.match(r);
    if (h.length) hits.set(seq, h);
  });
  return { events, hits };
}

export const exampleCorrelator: ExampleCorrelator = (set, records, state) => {
  const { events, hits } = eventsFromRecords(set, records);
  const { findings } = correlate({ events, hits, state: state ?? EMPTY_STATE, signatures: set, displayTz: 'UTC' });
  // `count` is checkable in `expect` too (a burst example can say how many events it holds).
  return findings.map((f) => ({ id: f.id, captures: { count: String(f.count), ...f.captures } }));
};

/** runExamples with the correlation wired in: what `hows patterns test` and the test suite run. */
export function testExamples(
  set: CompiledSignatures,
  parseLine: LineParser,
  opts: Omit<ExampleOptions, 'correlate'> = {},
): ReturnType<typeof runExamples> {
  return runExamples(set, parseLine, { ...opts, correlate: exampleCorrelator });
}
