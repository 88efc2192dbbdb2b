import { describe, expect, it } from 'vitest';
import { dmesgFormat } from '../../../src/parse/index.js';
import { one, run } from '../helpers.js';

describe('dmesg', () => {
  it('reads the raw uptime (wide seconds) as an uptime stamp; program and source kernel', () => {
    const r = one(dmesgFormat, '[17159596.699613] device vethab20cf5 entered promiscuous mode', { host: 'k8s02' });
    expect(r).toMatchObject({
      source: 'kernel',
      program: 'kernel',
      format: 'dmesg',
      host: 'k8s02',
      uptime: 17159596.699613,
      message: 'device vethab20cf5 entered promiscuous mode',
      stamp: { kind: 'uptime', seconds: 17159596.699613, text: '[17159596.699613]' },
    });
  });

  it('reads -T ctime stamps with a space-padded day as a dated, zone-less wall stamp', () => {
    const r = one(dmesgFormat, '[Fri Jun  5 09:33:12 2020] vethc2db2d5: renamed from eth0');
    expect(r.stamp).toEqual({
      kind: 'wall',
      year: 2020,
      month: 6,
      day: 5,
      hour: 9,
      minute: 33,
      second: 12,
      micros: 0,
      precision: 's',
      text: 'Fri Jun  5 09:33:12 2020',
    });
    expect(r.uptime).toBeUndefined();
    expect(r.message).toBe('vethc2db2d5: renamed from eth0');
  });

  it('reads --time-format iso with ±HH:MM and old ±HHMM offsets', () => {
    const a = one(dmesgFormat, '2023-12-22T12:26:24,559615-08:00 device vethab20cf5 entered promiscuous mode');
    expect(a.stamp).toMatchObject({ kind: 'absolute', utcMicros: Date.UTC(2023, 11, 22, 20, 26, 24) * 1000 + 559615, offsetMinutes: -480 });
    const b = one(dmesgFormat, '2023-12-22T12:26:24,559615+1000 sd 2:0:0:0: [sdb] Synchronizing SCSI cache');
    expect(b.stamp).toMatchObject({ kind: 'absolute', offsetMinutes: 600 });
    expect(b.message).toBe('sd 2:0:0:0: [sdb] Synchronizing SCSI cache');
  });

  it('reads <PRI> (-r) as severity and facility, and -x decoded prefixes', () => {
    const r = one(dmesgFormat, '<6>[    0.000000] x86/fpu: Legacy x87 FPU detected.');
    expect(r).toMatchObject({ severity: 'info', uptime: 0, message: 'x86/fpu: Legacy x87 FPU detected.', fields: { 'kernel.facility': 'kern' } });
    const x = one(dmesgFormat, 'kern  :err   : [ 4721.118431] EXT4-fs error (device sdc): ext4_journal_check_start:61: Detected aborted journal');
    expect(x).toMatchObject({ severity: 'error', uptime: 4721.118431 });
    expect(x.message).toBe('EXT4-fs error (device sdc): ext4_journal_check_start:61: Detected aborted journal');
    const w = one(dmesgFormat, 'kern  :warn  : [ 4721.2] blk_update_request: I/O error, dev sdc, sector 2048');
    expect(w.severity).toBe('warning');
  });

  it('reads stacked formats and caller ids: the most absolute clock is the stamp, the uptime is kept', () => {
    const r = one(dmesgFormat, '[ 1234.567890] [Thu May 28 20:21:04 2026] [  T1234] EXT4-fs (sdb): Remounting filesystem read-only');
    expect(r.stamp).toMatchObject({ kind: 'wall', year: 2026, month: 5, day: 28 });
    expect(r.uptime).toBeCloseTo(1234.56789, 6);
    expect(r.fields['kernel.caller']).toBe('T1234');
    expect(r.message).toBe('EXT4-fs (sdb): Remounting filesystem read-only');
    const c = one(dmesgFormat, '[    5.100000] [    C3] smpboot: CPU 3 is now offline');
    expect(c.fields['kernel.caller']).toBe('C3');
  });

  it('joins untimed indented lines to the record before them', () => {
    const r = run(dmesgFormat, [
      '[ 4721.100000] ------------[ cut here ]------------',
      '[ 4721.118431] Call Trace:',
      '               dump_stack+0x6d/0x8b',
      '               ext4_journal_abort+0x41/0x60',
      '[ 4721.200000] next',
    ]);
    expect(r.records).toHaveLength(3);
    expect(r.records[1]!.message).toBe('Call Trace:\ndump_stack+0x6d/0x8b\next4_journal_abort+0x41/0x60');
    expect(r.records[1]!.at).toMatchObject({ line: 2, endLine: 4 });
  });

  it('keeps an indented line without its head as an untimed continuation record', () => {
    const r = run(dmesgFormat, ['   orphan text']);
    expect(r.records[0]).toMatchObject({ stamp: { kind: 'none' }, fields: { continuation: 'true' }, message: 'orphan text' });
    expect(r.unparsed).toBe(0);
  });

  it('reports localised -T names with a hint, and other lines as unparsed', () => {
    const r = run(dmesgFormat, ['[Fr Jun 15 09:33:12 2018] vethc2db2d5: renamed from eth0', 'random text']);
    expect(r.unparsed).toBe(2);
    expect(r.diags[0]!.help).toMatch(/LC_TIME=C/);
    expect(r.diags[1]!.help).not.toMatch(/LC_TIME/);
  });
});
