import { describe, expect, it } from 'vitest';
import type { FileScan } from '../../../src/model/index.js';
import { buildEvents, journalShort, klogFormat, syslogRfc3164, syslogRfc3339 } from '../../../src/parse/index.js';
import { iso, scanOf } from '../helpers.js';

const isoS = (s: string): number => Date.parse(s) * 1000;

describe('year inference', () => {
  it('subtracts a year at a Dec -> Jan rollover inside a file (anchored on dated evidence)', () => {
    const syslog = scanOf('k8s02/syslog', syslogRfc3164, [
      'Dec 30 23:00:00 k8s02 cron[1]: a',
      'Dec 31 23:59:59 k8s02 cron[1]: b',
      'Jan  1 00:00:01 k8s02 cron[1]: c',
      'Jan  2 10:00:00 k8s02 cron[1]: d',
    ]);
    const dated = scanOf('k8s01/syslog', syslogRfc3339, ['2027-01-02T12:00:00.000000+00:00 k8s01 cron[1]: e']);
    const b = buildEvents([syslog, dated], { tz: 'UTC' });
    expect(b.events.map(iso)).toEqual([
      '2026-12-30T23:00:00.000Z',
      '2026-12-31T23:59:59.000Z',
      '2027-01-01T00:00:01.000Z',
      '2027-01-02T10:00:00.000Z',
      '2027-01-02T12:00:00.000000Z',
    ]);
    expect(b.events[0]!.time.yearInferred).toBe(true);
    expect(b.events[4]!.time.yearInferred).toBeUndefined();
    expect(b.assumptions.find((a) => a.kind === 'year')).toMatchObject({
      files: ['k8s02/syslog'],
      events: 4,
      text: expect.stringContaining('2027-01-02T12:00:00Z at k8s01/syslog:1'),
    });
  });

  it('--year is the year of the newest line: earlier December lines fall in the year before', () => {
    const s = scanOf('syslog', syslogRfc3164, ['Dec 31 23:59:59 h p: a', 'Jan  1 00:00:01 h p: b']);
    expect(buildEvents([s], { tz: 'UTC', year: 2027 }).events.map(iso)).toEqual(['2026-12-31T23:59:59.000Z', '2027-01-01T00:00:01.000Z']);
  });

  it('--year with dated evidence of that year: skew allowed, never past the year', () => {
    const dated = scanOf('x', syslogRfc3339, ['2026-12-31T23:00:00.000000+00:00 h p: anchor']);
    const s = scanOf('syslog', syslogRfc3164, ['Dec 31 23:30:00 h p: after the evidence', 'Jan  1 00:10:00 h p: next year?']);
    expect(buildEvents([s, dated], { tz: 'UTC', year: 2026 }).events.map(iso)).toEqual([
      '2025-12-31T23:30:00.000Z',
      '2026-01-01T00:10:00.000Z',
      '2026-12-31T23:00:00.000000Z',
    ]);
    const one = scanOf('syslog', syslogRfc3164, ['Dec 31 23:30:00 h p: after the evidence']);
    expect(iso(buildEvents([one, dated], { tz: 'UTC', year: 2026 }).events[1]!)).toBe('2026-12-31T23:30:00.000Z');
  });

  it('lines out of order across New Year keep their own year', () => {
    const s = scanOf('syslog', syslogRfc3164, ['Dec 31 23:59:58 h p: a', 'Jan  1 00:00:01 h p: b', 'Dec 31 23:59:59 h p: c']);
    const dated = scanOf('x', syslogRfc3339, ['2027-01-01T00:00:05.000000+00:00 h p: anchor']);
    expect(buildEvents([s, dated], { tz: 'UTC' }).events.map(iso)).toEqual([
      '2026-12-31T23:59:58.000Z',
      '2026-12-31T23:59:59.000Z',
      '2027-01-01T00:00:01.000Z',
      '2027-01-01T00:00:05.000000Z',
    ]);
  });

  it('a time more than a week (LOG_SKEW) past the anchor moves back a year', () => {
    const s = scanOf('syslog', syslogRfc3164, ['Jun 30 10:00:00 h p: later than the evidence']);
    const dated = scanOf('x', syslogRfc3339, ['2026-05-28T10:00:00.000000+00:00 h p: anchor']);
    expect(iso(buildEvents([s, dated], { tz: 'UTC' }).events[0]!)).toBe('2025-06-30T10:00:00.000Z');
    const close = scanOf('syslog', syslogRfc3164, ['May 28 23:00:00 h p: same day, later hour']);
    expect(iso(buildEvents([close, dated], { tz: 'UTC' }).events[1]!)).toBe('2026-05-28T23:00:00.000Z');
    // logs collected two days after the newest snapshot keep the snapshot's year, with --year too
    const later = scanOf('syslog', syslogRfc3164, ['May 30 10:31:00 h p: collected later']);
    expect(iso(buildEvents([later, dated], { tz: 'UTC' }).events[1]!)).toBe('2026-05-30T10:31:00.000Z');
    expect(iso(buildEvents([later, dated], { tz: 'UTC', year: 2026 }).events[1]!)).toBe('2026-05-30T10:31:00.000Z');
  });

  it('uses the file samples with the records: a file longer than a year keeps both years', () => {
    const s = scanOf('syslog', syslogRfc3164, []);
    s.records = scanOf('syslog', syslogRfc3164, ['Mar  3 10:00:00 h p: old', 'Mar  2 10:00:00 h p: new']).records;
    s.records[0]!.at = { file: 'syslog', line: 10, offset: 500 };
    s.records[1]!.at = { file: 'syslog', line: 900, offset: 90000 };
    const wall = (month: number, day: number) => ({ kind: 'wall' as const, month, day, hour: 0, minute: 0, second: 0, micros: 0, precision: 's' as const, text: '' });
    s.samples = [
      { line: 300, stamp: wall(9, 1) },
      { line: 600, stamp: wall(1, 5) },
    ];
    const b = buildEvents([s], { tz: 'UTC', year: 2026 });
    expect(b.events.map(iso)).toEqual(['2025-03-03T10:00:00.000Z', '2026-03-02T10:00:00.000Z']);
    expect(b.ranges.get('syslog')).toEqual({ first: '2025-03-03T10:00:00Z', last: '2026-03-02T10:00:00Z' });
  });

  it('Feb 29 only in a leap year', () => {
    const s = scanOf('syslog', syslogRfc3164, ['Feb 29 12:00:00 h p: leap']);
    expect(iso(buildEvents([s], { tz: 'UTC', year: 2028 }).events[0]!)).toBe('2028-02-29T12:00:00.000Z');
    const b = buildEvents([s], { tz: 'UTC', year: 2027 });
    expect(iso(b.events[0]!)).toBe('2024-02-29T12:00:00.000Z');
    expect(b.diagnostics).toContainEqual(expect.objectContaining({ code: 'clock/leap-day', place: { file: 'syslog', line: 1 } }));
  });

  it('falls back to the file mtime, then to the current year with a warning', () => {
    const s = scanOf('syslog.2', journalShort, ['Dec 20 10:00:00 h p[1]: a', 'Feb 01 10:00:00 h p[1]: b'], { mtimeMicros: isoS('2025-03-01T00:00:00Z') });
    const b = buildEvents([s], { tz: 'UTC' });
    expect(b.events.map(iso)).toEqual(['2024-12-20T10:00:00.000Z', '2025-02-01T10:00:00.000Z']);
    expect(b.assumptions.find((a) => a.kind === 'year')!.text).toMatch(/modification time \(2025-03-01T00:00:00Z\)/);
    const bare = scanOf('kubelet.log', klogFormat, ['I0528 20:21:04.123456 1 a.go:1] x']);
    const g = buildEvents([bare], { tz: 'UTC', now: isoS('2026-06-01T00:00:00Z') });
    expect(iso(g.events[0]!)).toBe('2026-05-28T20:21:04.123456Z');
    expect(g.diagnostics).toContainEqual(expect.objectContaining({ code: 'clock/year-guessed', severity: 'warning' }));
  });

  it('takes the newest evidence from kubectl objects too', () => {
    const s = scanOf('syslog', syslogRfc3164, ['Dec 31 10:00:00 h p: a']);
    const snap: FileScan = { ...scanOf('pods.json', syslogRfc3164, []), objects: [] };
    snap.objects.push({
      kind: 'Pod',
      apiVersion: 'v1',
      name: 'x',
      labels: {},
      ownerReferences: [],
      body: {},
      at: { file: 'pods.json', line: 3, offset: 10 },
      lines: {},
      creationTimestamp: '2027-01-03T00:00:00Z',
    });
    expect(iso(buildEvents([s, snap], { tz: 'UTC' }).events[0]!)).toBe('2026-12-31T10:00:00.000Z');
  });
});
