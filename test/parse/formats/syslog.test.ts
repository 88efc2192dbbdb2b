import { describe, expect, it } from 'vitest';
import { syslogRfc3164, syslogRfc3339, syslogRfc5424 } from '../../../src/parse/index.js';
import { one, run } from '../helpers.js';

describe('syslog RFC 3164 (traditional)', () => {
  it('reads a kern.log line: host, program kernel, printk uptime out of the message', () => {
    const r = one(syslogRfc3164, 'May 28 20:21:04 k8s02 kernel: [ 1234.567890] EXT4-fs (sdb): Remounting filesystem read-only');
    expect(r).toMatchObject({
      source: 'syslog',
      format: 'syslog-rfc3164',
      host: 'k8s02',
      program: 'kernel',
      uptime: 1234.56789,
      message: 'EXT4-fs (sdb): Remounting filesystem read-only',
      stamp: { kind: 'wall', month: 5, day: 28, hour: 20, minute: 21, second: 4, micros: 0, precision: 's', text: 'May 28 20:21:04' },
    });
    expect(r.stamp).not.toHaveProperty('year');
    expect(r.pid).toBeUndefined();
  });

  it('keeps a wide printk uptime and a CONFIG_PRINTK_CALLER id out of the message', () => {
    const r = one(syslogRfc3164, 'Dec 31 23:59:59 k8s01 kernel: [17159596.699613] [  T4211] sd 3:0:0:0: [sdc] tag#7 FAILED Result: hostbyte=DID_TRANSPORT_FAILFAST');
    expect(r.uptime).toBeCloseTo(17159596.699613, 6);
    expect(r.fields['kernel.caller']).toBe('T4211');
    expect(r.message).toBe('sd 3:0:0:0: [sdc] tag#7 FAILED Result: hostbyte=DID_TRANSPORT_FAILFAST');
  });

  it('reads a space-padded day and a program name with dots, dashes and a pid', () => {
    const r = one(
      syslogRfc3164,
      'Jul  5 01:30:47 vyushmanov-GL703VD microk8s.daemon-kubelite[6102]: I0705 01:30:47.403935    6102 handler.go:232] Adding GroupVersion crd.projectcalico.org v1 to ResourceManager',
    );
    expect(r).toMatchObject({ host: 'vyushmanov-GL703VD', program: 'microk8s.daemon-kubelite', pid: 6102, severity: 'info' });
    expect(r.stamp).toMatchObject({ month: 7, day: 5, hour: 1 });
    expect(r.inner).toMatchObject({ kind: 'wall', month: 7, day: 5, hour: 1, minute: 30, second: 47, micros: 403935, precision: 'us' });
    expect(r.fields).toMatchObject({ 'klog.severity': 'I', 'klog.file': 'handler.go', 'klog.line': '232' });
    expect(r.message.startsWith('I0705 01:30:47.403935')).toBe(true);
  });

  it('reads iscsid lines (codes 1020, 1021, 1022) and a tag with a slash', () => {
    const lines = [
      'May 28 20:21:09 k8s02 iscsid: connection1:0: detected conn error (1020)',
      'Mar 30 11:02:17 k8s03 iscsid: connection4:0: detected conn error (1021)',
      'Mar 30 11:02:18 k8s03 iscsid: connection4:0: detected conn error (1022)',
      'Jun  1 04:00:01 node-7 /usr/sbin/cron[991]: (root) CMD (run-parts /etc/cron.hourly)',
    ];
    const { records, unparsed } = run(syslogRfc3164, lines);
    expect(unparsed).toBe(0);
    expect(records.map((r) => r.program)).toEqual(['iscsid', 'iscsid', 'iscsid', '/usr/sbin/cron']);
    expect(records[0]!.message).toBe('connection1:0: detected conn error (1020)');
    expect(records[2]!.message).toContain('(1022)');
    expect(records[3]!.pid).toBe(991);
  });

  it('does not read `word:text` as a tag (untagged lines keep their text)', () => {
    const r = one(syslogRfc3164, 'May 28 20:21:04 k8s02 connection1:0: detected conn error (1020)');
    expect(r.program).toBeUndefined();
    expect(r.message).toBe('connection1:0: detected conn error (1020)');
    expect(one(syslogRfc3164, 'May 28 20:21:04 k8s02 http://example.org/ is down').program).toBeUndefined();
  });

  it('keeps a line with no tag as message without program (rsyslog -- MARK --)', () => {
    const r = one(syslogRfc3164, 'May 28 20:40:00 k8s02 -- MARK --');
    expect(r.program).toBeUndefined();
    expect(r.host).toBe('k8s02');
    expect(r.message).toBe('-- MARK --');
  });

  it('decodes #011 and \\011 escapes but not #123', () => {
    const r = one(syslogRfc3164, 'May 28 20:21:04 k8s02 app[1]: a#011b\\011c see issue #123 and #0');
    expect(r.message).toBe('a\tb\tc see issue #123 and #0');
  });

  it('keeps the count of `message repeated N times` and the repeated text as message', () => {
    const r = one(syslogRfc3164, 'May 28 20:21:05 k8s02 iscsid: message repeated 3 times: [ connection1:0: detected conn error (1020)]');
    expect(r.fields.repeated).toBe('3');
    expect(r.message).toBe('connection1:0: detected conn error (1020)');
  });

  it('emits an unparsed line as text, counts it and reports it with its place', () => {
    const r = run(syslogRfc3164, ['May 28 20:21:04 k8s02 kernel: ok', 'this is not syslog', 'May 28 20:21:05 k8s02 kernel: ok again']);
    expect(r.records).toHaveLength(3);
    expect(r.unparsed).toBe(1);
    expect(r.records[1]).toMatchObject({ source: 'text', stamp: { kind: 'none' }, fields: { unparsed: 'true' }, message: 'this is not syslog' });
    expect(r.diags).toEqual([
      expect.objectContaining({ code: 'parse/unparsed-line', place: { file: 'f.log', line: 2, offset: 33 }, snippet: 'this is not syslog' }),
    ]);
  });

  it('rejects impossible stamps as unparsed (month, day, hour)', () => {
    const r = run(syslogRfc3164, ['Foo 28 20:21:04 h p: x', 'Feb 30 20:21:04 h p: x', 'May 28 25:21:04 h p: x']);
    expect(r.unparsed).toBe(3);
  });

  it('falls back per line to the other syslog layouts (rotations with another template)', () => {
    const r = run(syslogRfc3164, [
      'May 28 20:21:04 k8s02 kernel: a',
      '2026-05-28T20:21:05.000123+10:00 k8s02 kernel: b',
      '<30>1 2026-05-28T20:21:06Z k8s02 iscsid 912 - - c',
      'May 28 20:21:07 k8s02 kernel: d',
    ]);
    expect(r.unparsed).toBe(0);
    expect(r.records.map((x) => x.format)).toEqual(['syslog-rfc3164', 'syslog-rfc3339', 'syslog-rfc5424', 'syslog-rfc3164']);
  });

  it('joins klog continuation entries (key=< block with #011 lines) to their record', () => {
    const r = run(syslogRfc3164, [
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]: E0528 19:47:31.104822 2122770 pod_workers.go:1300] "Error syncing pod, skipping" err=<',
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]: #011failed to "StartContainer" for "jiva" with CrashLoopBackOff:',
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]: #011back-off 5m0s restarting failed container',
      'May 28 19:47:31 k8s03 microk8s.daemon-kubelite[2122770]:  > pod="openebs/pvc-746b2837-jiva-rep-0" podUID="1f0c"',
      'May 28 19:47:32 k8s03 microk8s.daemon-kubelite[2122770]: I0528 19:47:32.000001 2122770 kubelet.go:2400] "SyncLoop (PLEG)"',
    ]);
    expect(r.records).toHaveLength(2);
    const first = r.records[0]!;
    expect(first.at).toMatchObject({ line: 1, endLine: 4 });
    expect(first.severity).toBe('error');
    expect(first.fields.err).toBe('failed to "StartContainer" for "jiva" with CrashLoopBackOff:\nback-off 5m0s restarting failed container');
    expect(first.fields.pod).toBe('openebs/pvc-746b2837-jiva-rep-0');
    expect(first.raw.split('\n')).toHaveLength(4);
    expect(r.wants.slice(0, 4)).toEqual([true, true, true, false]);
  });

  it('does not join lines of another pid, or lines that are not adjacent', () => {
    const r = run(syslogRfc3164, [
      'May 28 19:47:31 k8s03 kubelite[1]: I0528 19:47:31.104822 1 a.go:1] "x"',
      'May 28 19:47:31 k8s03 kubelite[2]: #011not mine',
    ]);
    expect(r.records).toHaveLength(2);
  });

  it('offers isContinuation for the scanner (TAB-led klog lines, block ends)', () => {
    expect(syslogRfc3164.isContinuation!('May 28 19:47:31 k8s03 kubelite[1]: #011value')).toBe(true);
    expect(syslogRfc3164.isContinuation!('May 28 19:47:31 k8s03 kubelite[1]:  >')).toBe(true);
    expect(syslogRfc3164.isContinuation!('May 28 19:47:31 k8s03 kubelite[1]: I0528 x')).toBe(false);
  });
});

describe('syslog RFC 3339 (rsyslog high precision)', () => {
  it('reads an absolute stamp with microseconds and offset', () => {
    const r = one(
      syslogRfc3339,
      '2024-02-13T21:46:14.539371+09:00 homework microk8s.daemon-kubelite[1535548]: E0213 21:46:14.539067 1535548 pod_workers.go:1300] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"c\\""',
    );
    expect(r.stamp).toEqual({
      kind: 'absolute',
      utcMicros: Date.UTC(2024, 1, 13, 12, 46, 14) * 1000 + 539371,
      precision: 'us',
      text: '2024-02-13T21:46:14.539371+09:00',
      offsetMinutes: 540,
    });
    expect(r.fields.err).toBe('failed to "StartContainer" for "c"');
    expect(r.severity).toBe('error');
  });

  it('reads Z and whole seconds, and rsyslogd repeated MARK lines', () => {
    const r = one(syslogRfc3339, '2020-05-31T00:00:45.698463+00:00 localhost rsyslogd:  message repeated 76 times: [-- MARK --]');
    expect(r).toMatchObject({ host: 'localhost', program: 'rsyslogd', message: '-- MARK --', fields: { repeated: '76' } });
    const z = one(syslogRfc3339, '2026-08-05T17:14:44Z k8s02 kernel: EXT4-fs (sde): Remounting filesystem read-only');
    expect(z.stamp).toMatchObject({ precision: 's', offsetMinutes: 0 });
  });
});

describe('syslog RFC 5424', () => {
  it('reads PRI as severity and facility, BOM, dash fields', () => {
    const r = one(syslogRfc5424, "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8");
    expect(r).toMatchObject({
      host: 'mymachine.example.com',
      program: 'su',
      severity: 'critical',
      message: "'su root' failed for lonvick on /dev/pts/8",
      fields: { 'syslog.facility': 'auth', msgid: 'ID47' },
      stamp: { kind: 'absolute', precision: 'ms', utcMicros: Date.UTC(2003, 9, 11, 22, 14, 15, 3) * 1000 },
    });
    expect(r.pid).toBeUndefined();
  });

  it('reads structured data with escapes into fields', () => {
    const r = one(
      syslogRfc5424,
      '<165>1 2003-10-11T22:14:15.003-07:00 host evntslog 42 ID47 [exampleSDID@32473 iut="3" eventSource="Appl\\"ication" eventID="1011"][examplePriority@32473 class="high"] An application event',
    );
    expect(r.fields).toMatchObject({
      'exampleSDID@32473.iut': '3',
      'exampleSDID@32473.eventSource': 'Appl"ication',
      'examplePriority@32473.class': 'high',
    });
    expect(r).toMatchObject({ pid: 42, severity: 'notice', message: 'An application event' });
  });

  it('keeps a nil timestamp as no stamp and a nil host as the file host', () => {
    const r = one(syslogRfc5424, '<13>1 - - app - - - hello', { host: 'k8s01' });
    expect(r.stamp).toEqual({ kind: 'none' });
    expect(r.host).toBe('k8s01');
  });
});
