import { describe, expect, it } from 'vitest';
import {
  journalShort,
  journalShortFull,
  journalShortIso,
  journalShortIsoPrecise,
  journalShortMonotonic,
  journalShortPrecise,
  journalShortUnix,
} from '../../../src/parse/index.js';
import { one, run } from '../helpers.js';

describe('journalctl text modes', () => {
  it('short: zero-padded day, host, ident[pid], klog inside with its own severity and µs clock', () => {
    const r = one(
      journalShort,
      'Aug 08 21:47:52 repsys11-c2-n3 microk8s.daemon-kubelite[2122770]: E0808 21:47:52.421564 2122770 dns.go:153] "Nameserver limits exceeded" err="Nameserver limits were exceeded, some nameservers have been omitted"',
    );
    expect(r).toMatchObject({
      source: 'journal',
      format: 'journal-short',
      host: 'repsys11-c2-n3',
      program: 'microk8s.daemon-kubelite',
      pid: 2122770,
      severity: 'error',
      stamp: { kind: 'wall', month: 8, day: 8, precision: 's' },
      inner: { kind: 'wall', month: 8, day: 8, hour: 21, minute: 47, second: 52, micros: 421564 },
      fields: { msg: 'Nameserver limits exceeded', err: 'Nameserver limits were exceeded, some nameservers have been omitted', 'klog.file': 'dns.go', 'klog.line': '153' },
    });
  });

  it('short-precise keeps microseconds', () => {
    const r = one(journalShortPrecise, 'May 28 20:21:04.118402 k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only');
    expect(r.stamp).toMatchObject({ kind: 'wall', micros: 118402, precision: 'us', text: 'May 28 20:21:04.118402' });
    expect(r.program).toBe('kernel');
  });

  it('short-iso / short-iso-precise: Z, +10:00 and +1000, with and without host', () => {
    const a = one(journalShortIso, '2023-12-16T04:14:34Z microk8s.daemon-kubelite[149510]: + local service_name=kube-controller-manager');
    expect(a).toMatchObject({ program: 'microk8s.daemon-kubelite', pid: 149510, message: '+ local service_name=kube-controller-manager' });
    expect(a.host).toBeUndefined();
    expect(a.stamp).toMatchObject({ kind: 'absolute', utcMicros: Date.UTC(2023, 11, 16, 4, 14, 34) * 1000, offsetMinutes: 0 });
    const b = one(journalShortIso, '2026-05-28T20:21:04+1000 k8s02 iscsid[912]: connection1:0: detected conn error (1020)');
    expect(b.stamp).toMatchObject({ utcMicros: Date.UTC(2026, 4, 28, 10, 21, 4) * 1000, offsetMinutes: 600 });
    const c = one(journalShortIsoPrecise, '2026-05-28T20:21:04.000123+10:00 k8s02 iscsid[912]: x');
    expect(c.stamp).toMatchObject({ utcMicros: Date.UTC(2026, 4, 28, 10, 21, 4) * 1000 + 123, precision: 'us' });
  });

  it('short-full keeps the zone abbreviation for the clock; a numeric zone is absolute', () => {
    const r = one(journalShortFull, 'Thu 2026-05-28 20:21:04 AEST k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only');
    expect(r.stamp).toMatchObject({ kind: 'wall', year: 2026, month: 5, day: 28, hour: 20, zoneAbbrev: 'AEST', text: 'Thu 2026-05-28 20:21:04 AEST' });
    expect(r.host).toBe('k8s02');
    const n = one(journalShortFull, 'Thu 2026-05-28 20:21:04 +10 k8s02 kernel: x');
    expect(n.stamp).toMatchObject({ kind: 'absolute', utcMicros: Date.UTC(2026, 4, 28, 10, 21, 4) * 1000, offsetMinutes: 600 });
  });

  it('short-unix and short-monotonic (and short-delta)', () => {
    const u = one(journalShortUnix, '1779963664.118402 k8s02 kernel: x');
    expect(u.stamp).toMatchObject({ kind: 'absolute', utcMicros: 1779963664118402 });
    const m = one(journalShortMonotonic, '[ 1234.567890] k8s02 kernel: EXT4-fs (sdb): Remounting filesystem read-only');
    expect(m).toMatchObject({ uptime: 1234.56789, stamp: { kind: 'uptime', seconds: 1234.56789 }, host: 'k8s02', program: 'kernel' });
    const d = one(journalShortMonotonic, '[ 1234.567890 <    0.000123>] k8s02 iscsid[912]: x');
    expect(d).toMatchObject({ uptime: 1234.56789, pid: 912, message: 'x' });
  });

  it('recognises marker lines, never as unparsed; boot markers set the boot id and stay as context', () => {
    const r = run(journalShort, [
      '-- Logs begin at Fri 2021-01-15 21:01:06 EET, end at Sat 2021-01-30 19:56:27 EET. --',
      'May 28 20:20:00 k8s02 systemd[1]: Started Kubernetes.',
      '-- Boot 5dffeb08a27344d5ae9e2fc244bbcbc5 --',
      'May 28 20:25:00 k8s02 systemd[1]: Started Kubernetes again.',
      '-- Reboot --',
      'May 28 20:30:00 k8s02 systemd[1]: Third boot.',
      '-- No entries --',
      '-- Journal begins at Mon 2022-05-02 10:00:00 UTC, ends at Tue 2022-05-03 10:00:00 UTC. --',
      '-- cursor: s=0639e8;i=2;b=5dff',
      'Hint: You are currently not seeing messages from other users and the system.',
      'Notice: journal has been rotated since unit was started, output may be incomplete.',
    ]);
    expect(r.unparsed).toBe(0);
    expect(r.diags).toEqual([]);
    const entries = r.records.filter((x) => !x.context);
    expect(entries.map((x) => x.bootId)).toEqual([undefined, '5dffeb08a27344d5ae9e2fc244bbcbc5', 'f.log#reboot-1']);
    const markers = r.records.filter((x) => x.context);
    expect(markers.map((x) => x.fields['journal.marker'])).toEqual(['boot', 'boot']);
  });

  it('joins space-indented continuation lines, strips the message indentation; [N blob data]', () => {
    const r = run(journalShort, [
      'May 28 20:21:04 k8s02 myapp[77]: first line',
      '                                 second line',
      '                                   indented more',
      'May 28 20:21:05 k8s02 myapp[77]: [1.2K blob data]',
    ]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]!.message).toBe('first line\nsecond line\n  indented more');
    expect(r.records[1]!.fields['journal.blob']).toBe('1.2K');
  });

  it('joins klog key=< blocks printed as separate entries (TAB shown as 8 spaces)', () => {
    const r = run(journalShort, [
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]: I0528 19:47:31.104822 2122770 kubelet.go:10] "Status" text=<',
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]:         line one',
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]:         line two',
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]:  > node="k8s03"',
    ]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.fields).toMatchObject({ text: 'line one\nline two', node: 'k8s03', msg: 'Status' });
  });

  it('falls back per line to another journal mode and counts real garbage', () => {
    const r = run(journalShort, ['May 28 20:21:04 k8s02 a[1]: x', 'May 28 20:21:04.000001 k8s02 a[1]: y', '{not a journal line}']);
    expect(r.records.map((x) => x.format)).toEqual(['journal-short', 'journal-short-precise', 'journal-short']);
    expect(r.unparsed).toBe(1);
  });
});
