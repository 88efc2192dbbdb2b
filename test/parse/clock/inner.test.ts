import { describe, expect, it } from 'vitest';
import { buildEvents, containerCriFormat, journalJson, journalShort, journalShortFull, syslogRfc3339 } from '../../../src/parse/index.js';
import { iso, scanOf } from '../helpers.js';

describe('clocks inside messages', () => {
  it('klog in a journal line: its own severity, microsecond time and key=value fields', () => {
    const s = scanOf('k8s03/kubelite.txt', journalShort, [
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]: I0528 19:47:31.104822 2122770 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/pvc-746b2837-jiva-ctrl-5d9c-x2"',
    ]);
    const e = buildEvents([s], { tz: 'Australia/Brisbane', year: 2026 }).events[0]!;
    expect(iso(e)).toBe('2026-05-28T09:47:31.104822Z');
    expect(e.time).toMatchObject({ precision: 'us', text: '0528 19:47:31.104822', yearInferred: true, zoneAssumed: true });
    expect(e).toMatchObject({ severity: 'info', host: 'k8s03', pid: 2122770 });
    expect(e.fields).toMatchObject({ controller: 'taint-eviction-controller', pod: 'openebs/pvc-746b2837-jiva-ctrl-5d9c-x2', msg: 'Deleting pod' });
  });

  it('takes the year that puts the header nearest the envelope (New Year)', () => {
    const s = scanOf('j.txt', journalShortFull, ['Fri 2027-01-01 00:00:01 UTC k8s03 kubelite[1]: E1231 23:59:59.999999 1 a.go:1] "late"']);
    const e = buildEvents([s], { tz: 'Australia/Sydney' }).events[0]!;
    expect(iso(e)).toBe('2026-12-31T23:59:59.999999Z');
    expect(e.time.zoneAssumed).toBeUndefined();
    expect(e.time.yearInferred).toBeUndefined();
  });

  it('reads the header in the envelope offset, or in --tz for epoch envelopes', () => {
    const rsys = scanOf('syslog', syslogRfc3339, ['2026-05-28T20:21:04.200000+10:00 k8s02 kubelite[1]: I0528 20:21:04.123456 1 a.go:1] x']);
    expect(iso(buildEvents([rsys], { tz: 'UTC' }).events[0]!)).toBe('2026-05-28T10:21:04.123456Z');
    const json = scanOf('j.json', journalJson, [
      JSON.stringify({ __REALTIME_TIMESTAMP: String(Date.parse('2026-05-28T10:21:04.2Z') * 1000), SYSLOG_IDENTIFIER: 'k', MESSAGE: 'I0528 20:21:04.123456 1 a.go:1] x' }),
    ]);
    const b = buildEvents([json], { tz: 'Australia/Brisbane' });
    expect(iso(b.events[0]!)).toBe('2026-05-28T10:21:04.123456Z');
    expect(b.events[0]!.time.zoneAssumed).toBe(true);
    expect(b.assumptions).toEqual([expect.objectContaining({ kind: 'zone', events: 1 })]);
  });

  it('keeps the envelope and warns when the two clocks disagree by more than an hour', () => {
    const s = scanOf('syslog', syslogRfc3339, ['2026-05-28T20:21:04.000000+10:00 k8s02 kubelite[1]: I0528 12:00:00.000000 1 a.go:1] x']);
    const b = buildEvents([s], { tz: 'UTC' });
    expect(iso(b.events[0]!)).toBe('2026-05-28T10:21:04.000000Z');
    expect(b.diagnostics).toEqual([expect.objectContaining({ code: 'clock/inner-mismatch', severity: 'warning', place: { file: 'syslog', line: 1 } })]);
  });

  it('logrus time= inside a CRI line is the event time', () => {
    const s = scanOf('c.log', containerCriFormat, ['2026-03-28T09:14:02.923456789Z stderr F time="2026-03-28T09:14:02.5Z" level=error msg="iSCSI login failed"']);
    const e = buildEvents([s], { tz: 'UTC' }).events[0]!;
    expect(iso(e)).toBe('2026-03-28T09:14:02.500Z');
    expect(e.severity).toBe('error');
  });
});
