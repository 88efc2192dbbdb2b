import { describe, expect, it } from 'vitest';
import type { FileScan } from '../../src/model/index.js';
import {
  buildEvents,
  journalShort,
  journalShortFull,
  journalShortPrecise,
  syslogRfc3164,
  syslogRfc3339,
  textFormat,
} from '../../src/parse/index.js';
import { iso, scanOf } from './helpers.js';

const isoS = (s: string): number => Date.parse(s) * 1000;

describe('buildEvents: de-duplication', () => {
  it('one event for a kernel line read from syslog and kern.log; repeated lines of one file stay apart', () => {
    const line = 'May 28 20:21:09 k8s02 kernel: [ 1239.100000] connection1:0: detected conn error (1020)';
    const syslog = scanOf('k8s02/syslog', syslogRfc3164, [line, 'May 28 20:21:09 k8s02 iscsid: connection1:0: detected conn error (1020)', line]);
    const kern = scanOf('k8s02/kern.log', syslogRfc3164, [line]);
    const b = buildEvents([syslog, kern], { tz: 'UTC', year: 2026 });
    const kernel = b.events.filter((e) => e.program === 'kernel');
    expect(kernel).toHaveLength(2);
    expect(kernel[0]!.from).toEqual([
      { file: 'k8s02/kern.log', line: 1, offset: 0 },
      { file: 'k8s02/syslog', line: 1, offset: 0 },
    ]);
    expect(kernel[1]!.from).toEqual([expect.objectContaining({ file: 'k8s02/syslog', line: 3 })]);
    expect(b.events.filter((e) => e.program === 'iscsid')).toHaveLength(1);
    expect(b.assumptions.find((a) => a.kind === 'year')!.events).toBe(3);
  });

  it('one event for a line in syslog (seconds) and in the journal (microseconds), with the finer time', () => {
    const syslog = scanOf('syslog', syslogRfc3164, ['May 28 20:21:09 k8s02 iscsid: connection1:0: detected conn error (1020)']);
    const journal = scanOf('journal.txt', journalShortPrecise, ['May 28 20:21:09.730211 k8s02 iscsid[912]: connection1:0: detected conn error (1020)']);
    const b = buildEvents([syslog, journal], { tz: 'UTC', year: 2026 });
    expect(b.events).toHaveLength(1);
    expect(iso(b.events[0]!)).toBe('2026-05-28T20:21:09.730211Z');
    expect(b.events[0]!.from.map((p) => p.file)).toEqual(['journal.txt', 'syslog']);
  });

  it('does not merge the same message on other hosts or a second apart', () => {
    const a = scanOf('a', syslogRfc3164, ['May 28 20:21:09 k8s02 iscsid: x', 'May 28 20:21:20 k8s02 iscsid: y']);
    const b = scanOf('b', syslogRfc3164, ['May 28 20:21:09 k8s03 iscsid: x', 'May 28 20:21:22 k8s02 iscsid: y']);
    expect(buildEvents([a, b], { tz: 'UTC', year: 2026 }).events).toHaveLength(4);
  });

  it('unions signature hits of merged records', () => {
    const a = scanOf('a', syslogRfc3164, ['May 28 20:21:09 k8s02 iscsid: x']);
    const b = scanOf('b', syslogRfc3164, ['May 28 20:21:09 k8s02 iscsid: x']);
    a.records[0]!.hits = [{ id: 'iscsi-conn-error', captures: { code: '1020' } }];
    b.records[0]!.hits = [{ id: 'iscsi-conn-error', captures: { code: '1020' } }, { id: 'other', captures: {} }];
    expect(buildEvents([a, b], { tz: 'UTC', year: 2026 }).events[0]!.hits!.map((h) => h.id)).toEqual(['iscsi-conn-error', 'other']);
  });
});

describe('buildEvents: consume', () => {
  it('lets go of the records as it builds their events, and builds the same events', () => {
    const lines = ['May 28 20:21:09 k8s02 kernel: [ 1239.100000] connection1:0: detected conn error (1020)', 'garbage', 'Dec 31 23:59:59 k8s02 p: rollover', 'Jan  1 00:00:01 k8s02 p: new year'];
    const plain = buildEvents([scanOf('k8s02/syslog', syslogRfc3164, lines)], { tz: 'UTC', year: 2026 });
    const scan = scanOf('k8s02/syslog', syslogRfc3164, lines);
    expect(scan.records.length).toBeGreaterThan(0);
    const consumed = buildEvents([scan], { tz: 'UTC', year: 2026, consume: true });
    expect(scan.records).toEqual([]);
    expect(consumed.events).toEqual(plain.events);
    expect(consumed.assumptions).toEqual(plain.assumptions);
    expect(consumed.ranges).toEqual(plain.ranges);
  });
});

describe('buildEvents: order and numbering', () => {
  it('sorts by time, then file, then line, numbers the events, and keeps untimed lines by their neighbours', () => {
    const a = scanOf('a.log', syslogRfc3164, ['May 28 20:00:02 h p: a1', 'garbage after a1', 'May 28 20:00:05 h p: a2']);
    const b = scanOf('b.log', syslogRfc3164, ['May 28 20:00:02 h p: b1', 'May 28 20:00:03 h p: b2']);
    const notes = scanOf('notes.txt', textFormat, ['a note with no time']);
    const ev = buildEvents([b, notes, a], { tz: 'UTC', year: 2026 }).events;
    expect(ev.map((e) => e.message)).toEqual(['a1', 'garbage after a1', 'b1', 'b2', 'a2', 'a note with no time']);
    expect(ev.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ev[1]!.time.utcMicros).toBeNull();
  });

  it('journal boot markers are kept in place as context records', () => {
    const s = scanOf('j.txt', journalShort, ['May 28 20:00:00 h a[1]: before', '-- Boot 5dffeb08a27344d5ae9e2fc244bbcbc5 --', 'May 28 20:30:00 h a[1]: after']);
    const ev = buildEvents([s], { tz: 'UTC', year: 2026 }).events;
    expect(ev.map((e) => [e.message, e.context ?? false])).toEqual([
      ['before', false],
      ['-- Boot 5dffeb08a27344d5ae9e2fc244bbcbc5 --', true],
      ['after', false],
    ]);
  });

  it('applies shiftSeconds (a goroutine blocked N minutes before the dump)', () => {
    const s = scanOf('x', syslogRfc3339, ['2026-05-28T21:20:14.000000+10:00 k8s03 kubelite[1]: goroutine 8812 [select, 33 minutes]:']);
    s.records[0]!.shiftSeconds = -33 * 60;
    expect(iso(buildEvents([s], { tz: 'UTC' }).events[0]!)).toBe('2026-05-28T10:47:14.000000Z');
  });

  it('reports each file range, including sampled lines the records do not cover', () => {
    const s = scanOf('syslog', syslogRfc3164, ['May 28 20:00:02 h p: a']);
    s.samples = [{ line: 1000, stamp: { kind: 'wall', month: 5, day: 29, hour: 1, minute: 0, second: 0, micros: 0, precision: 's', text: 'May 29 01:00:00' } }];
    const empty = scanOf('empty', textFormat, []);
    const r = buildEvents([s, empty], { tz: 'UTC', year: 2026 }).ranges;
    expect(r.get('syslog')).toEqual({ first: '2026-05-28T20:00:02Z', last: '2026-05-29T01:00:00Z' });
    expect(r.get('empty')).toEqual({});
  });
});

describe('buildEvents: zones and ages', () => {
  it('flags zone-less lines only, and DST-ambiguous local times', () => {
    const s = scanOf('syslog', syslogRfc3164, ['Apr  5 02:30:00 h p: twice', 'Apr  5 02:30:01 h p: twice again']);
    const z = scanOf('z', syslogRfc3339, ['2026-04-05T02:30:00.000000+11:00 h p: zoned']);
    const b = buildEvents([s, z], { tz: 'Australia/Sydney', year: 2026 });
    expect(b.events.map((e) => e.time.zoneAssumed ?? false)).toEqual([true, false, true]);
    expect(iso(b.events[0]!)).toBe('2026-04-04T15:30:00.000Z');
    expect(b.diagnostics).toEqual([expect.objectContaining({ code: 'clock/dst-ambiguous', count: 2, place: { file: 'syslog', line: 1 } })]);
  });

  it('reads short-full abbreviations; an unknown one falls back to --tz with a warning', () => {
    const s = scanOf('j', journalShortFull, ['Thu 2026-05-28 20:21:04 AEST k8s02 kernel: a', 'Thu 2026-05-28 20:21:05 QQT k8s02 kernel: b']);
    const b = buildEvents([s], { tz: 'UTC' });
    expect(iso(b.events[0]!)).toBe('2026-05-28T10:21:04.000Z');
    expect(b.events[0]!.time.zoneAssumed).toBeUndefined();
    expect(iso(b.events[1]!)).toBe('2026-05-28T20:21:05.000Z');
    expect(b.events[1]!.time.zoneAssumed).toBe(true);
    expect(b.diagnostics).toEqual([expect.objectContaining({ code: 'clock/unknown-zone-abbreviation' })]);
  });

  it('an unknown --tz is an error diagnostic and UTC is used', () => {
    const s = scanOf('syslog', syslogRfc3164, ['May 28 20:00:02 h p: a']);
    const b = buildEvents([s], { tz: 'Mars/Olympus', year: 2026 });
    expect(iso(b.events[0]!)).toBe('2026-05-28T20:00:02.000Z');
    expect(b.diagnostics[0]).toMatchObject({ severity: 'error', code: 'clock/unknown-zone' });
  });

  it('resolves ages against --snapshot-time, else the file mtime, and records which', () => {
    const scan = (): FileScan => {
      const s = scanOf('events.txt', textFormat, ['2m13s       Warning   FailedMount   pod/seerr-0   x']);
      s.records[0]!.stamp = { kind: 'age', seconds: 133, errorSeconds: 1, text: '2m13s' };
      return s;
    };
    const snap = buildEvents([scan()], { tz: 'UTC', snapshotTime: isoS('2026-05-28T10:30:00Z') });
    expect(iso(snap.events[0]!)).toBe('2026-05-28T10:27:47.000Z');
    expect(snap.events[0]!.time.precision).toBe('age');
    expect(snap.assumptions).toEqual([expect.objectContaining({ kind: 'snapshot', events: 1, text: expect.stringContaining('--snapshot-time') })]);
    const withMtime = scan();
    withMtime.mtimeMicros = isoS('2026-05-28T11:00:00Z');
    expect(buildEvents([withMtime], { tz: 'UTC' }).assumptions[0]!.text).toMatch(/modification time/);
    const none = buildEvents([scan()], { tz: 'UTC' });
    expect(none.events[0]!.time.utcMicros).toBeNull();
    expect(none.diagnostics[0]!.code).toBe('clock/no-snapshot-time');
  });
});
