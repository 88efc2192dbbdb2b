import { describe, expect, it } from 'vitest';
import { buildEvents, dmesgFormat, journalJson, syslogRfc3164 } from '../../../src/parse/index.js';
import { iso, scanOf } from '../helpers.js';

const isoS = (s: string): number => Date.parse(s) * 1000;

describe('kernel uptime -> wall clock', () => {
  it('without a boot anchor the syslog stamp is the time and the uptime is kept (acceptance)', () => {
    const s = scanOf('k8s02/kern.log', syslogRfc3164, ['May 28 20:21:04 k8s02 kernel: [ 1234.567890] EXT4-fs (sdb): Remounting filesystem read-only']);
    const b = buildEvents([s], { tz: 'Australia/Brisbane', year: 2026 });
    expect(b.events).toHaveLength(1);
    const e = b.events[0]!;
    expect(iso(e)).toBe('2026-05-28T10:21:04.000Z');
    expect(e).toMatchObject({ host: 'k8s02', program: 'kernel', uptime: 1234.56789, message: 'EXT4-fs (sdb): Remounting filesystem read-only' });
    expect(e.time).toMatchObject({ precision: 's', yearInferred: true, zoneAssumed: true, text: 'May 28 20:21:04' });
  });

  it('lines of one boot keep their own syslog second but are ordered by uptime inside it', () => {
    const s = scanOf('kern.log', syslogRfc3164, [
      'May 28 20:21:04 k8s02 kernel: [ 1234.100000] a',
      'May 28 20:21:04 k8s02 kernel: [ 1234.900000] b',
      'May 28 20:21:05 k8s02 kernel: [ 1235.300000] c',
      // Logged 3 s late (early boot): it keeps its own stamp.
      'May 28 20:21:09 k8s02 kernel: [ 1235.400000] d',
    ]);
    const b = buildEvents([s], { tz: 'UTC', year: 2026 });
    const t = b.events.map((e) => e.time.utcMicros!);
    const second = isoS('2026-05-28T20:21:04Z');
    expect(t[0]! - second).toBeGreaterThanOrEqual(0);
    expect(t[1]! - t[0]!).toBe(800_000);
    expect(t[1]!).toBeLessThan(second + 1_000_000);
    expect(t[2]! - t[0]!).toBe(1_200_000);
    expect(t[2]!).toBeGreaterThanOrEqual(second + 1_000_000);
    expect(t[3]).toBe(isoS('2026-05-28T20:21:09Z'));
    for (const e of b.events) expect(e.time.precision).toBe('s');
  });

  it('maps bare dmesg through the same line in kern.log, and de-duplicates the two', () => {
    const kern = scanOf('k8s02/kern.log', syslogRfc3164, [
      'May 28 20:21:04 k8s02 kernel: [ 1234.567890] EXT4-fs (sdb): Remounting filesystem read-only',
      'May 28 20:21:09 k8s02 kernel: [ 1239.100000] connection1:0: detected conn error (1020)',
    ]);
    const dmesg = scanOf('k8s02/dmesg.txt', dmesgFormat, [
      '[ 1200.000000] iscsi: registered transport (tcp)',
      '[ 1234.567890] EXT4-fs (sdb): Remounting filesystem read-only',
    ], { host: 'k8s02' });
    const b = buildEvents([kern, dmesg], { tz: 'UTC', year: 2026 });
    expect(b.events).toHaveLength(3);
    const [first, ext4, conn] = b.events;
    expect(first!.message).toBe('iscsi: registered transport (tcp)');
    expect(first!.time.utcMicros).toBe(ext4!.time.utcMicros! - 34_567_890);
    expect(first!.time.relative).toBeUndefined();
    expect(ext4!.from.map((p) => p.file)).toEqual(['k8s02/dmesg.txt', 'k8s02/kern.log']);
    expect(conn!.message).toContain('1020');
    expect(b.assumptions.find((a) => a.kind === 'boot')).toMatchObject({ files: ['k8s02/dmesg.txt'], text: expect.stringContaining('the same kernel line is in both') });
  });

  it('bare dmesg with no anchor stays relative, is kept, and says so; --boot-time places it', () => {
    const dmesg = scanOf('dmesg.txt', dmesgFormat, ['[    1.000000] a', '[    2.500000] b']);
    const b = buildEvents([dmesg], { tz: 'UTC' });
    expect(b.events.map((e) => [e.time.utcMicros, e.time.relative, e.uptime])).toEqual([
      [null, true, 1],
      [null, true, 2.5],
    ]);
    expect(b.assumptions).toEqual([expect.objectContaining({ kind: 'boot', events: 2, text: expect.stringContaining('no boot anchor') })]);
    const placed = buildEvents([dmesg], { tz: 'UTC', bootTime: isoS('2026-05-28T10:00:00Z') });
    expect(placed.events.map(iso)).toEqual(['2026-05-28T10:00:01.000Z', '2026-05-28T10:00:02.500Z']);
    expect(placed.events[0]!.time.precision).toBe('s');
    expect(placed.assumptions[0]!.text).toMatch(/--boot-time 2026-05-28T10:00:00/);
  });

  it('a reboot (uptime going down) starts a new boot segment with its own epoch', () => {
    const s = scanOf('kern.log', syslogRfc3164, [
      'May 28 20:00:00 k8s02 kernel: [ 5000.000000] before power loss',
      'May 28 20:30:10 k8s02 kernel: [   10.000000] after power loss',
    ]);
    const dmesg = scanOf('dmesg', dmesgFormat, ['[   10.000000] after power loss', '[   12.000000] later'], { host: 'k8s02' });
    const b = buildEvents([s, dmesg], { tz: 'UTC', year: 2026 });
    expect(b.events.map(iso)).toEqual(['2026-05-28T20:00:00.000Z', '2026-05-28T20:30:10.000Z', '2026-05-28T20:30:12.000Z']);
  });

  it('a wall clock stepped forward during the boot (NTP after a cold start) is reported; kernel-only lines use the final clock', () => {
    const kern = scanOf('k8s03/kern.log', syslogRfc3164, [
      // fake-hwclock: the node believes it is 19:00 while it is 20:00.
      'May 28 19:00:10 k8s03 kernel: [   10.000000] booting',
      'May 28 19:00:50 k8s03 kernel: [   50.000000] EXT4-fs (mmcblk0p2): mounted filesystem',
      // NTP steps the clock forward by an hour.
      'May 28 20:02:10 k8s03 kernel: [  130.000000] cni0: link becomes ready',
      'May 28 20:02:20 k8s03 kernel: [  140.000000] eth0: renamed',
    ]);
    const dmesg = scanOf('k8s03/dmesg', dmesgFormat, ['[   60.000000] only in dmesg', '[  140.000000] eth0: renamed'], { host: 'k8s03' });
    const b = buildEvents([kern, dmesg], { tz: 'UTC', year: 2026 });
    const only = b.events.find((e) => e.message === 'only in dmesg')!;
    expect(iso(only)).toBe('2026-05-28T20:01:00.000Z');
    expect(iso(b.events.find((e) => e.message === 'booting')!)).toBe('2026-05-28T19:00:10.000Z');
    expect(b.diagnostics).toEqual([
      expect.objectContaining({ code: 'clock/wall-clock-step', place: { file: 'k8s03/kern.log', line: 3 }, reason: expect.stringContaining('about 3600 s') }),
    ]);
  });

  it('uses exact journal pairs (_SOURCE_MONOTONIC_TIMESTAMP) as anchors for dmesg of that boot', () => {
    const j = scanOf('journal.json', journalJson, [
      JSON.stringify({
        __REALTIME_TIMESTAMP: String(isoS('2026-05-28T10:21:04.600000Z')),
        _SOURCE_MONOTONIC_TIMESTAMP: '1234567890',
        _BOOT_ID: '5dffeb08a27344d5ae9e2fc244bbcbc5',
        _HOSTNAME: 'k8s02',
        SYSLOG_IDENTIFIER: 'kernel',
        MESSAGE: 'EXT4-fs (sdb): Remounting filesystem read-only',
      }),
    ]);
    const d = scanOf('dmesg', dmesgFormat, ['[ 1234.567890] EXT4-fs (sdb): Remounting filesystem read-only', '[ 1300.000000] later'], { host: 'k8s02' });
    const b = buildEvents([j, d], { tz: 'UTC' });
    expect(b.events).toHaveLength(2);
    expect(b.events[0]!.from).toHaveLength(2);
    expect(iso(b.events[1]!)).toBe('2026-05-28T10:22:10.032110Z');
  });
});
