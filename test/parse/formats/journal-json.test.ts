import { describe, expect, it } from 'vitest';
import { journalJson, journalJsonPretty, journalJsonSeq } from '../../../src/parse/index.js';
import { one, run } from '../helpers.js';

const entry = (o: Record<string, unknown>): string => JSON.stringify(o);

describe('journalctl JSON modes', () => {
  it('json: realtime µs, host, ident, pid, priority, boot id, klog inside', () => {
    const r = one(
      journalJson,
      entry({
        __CURSOR: 's=1;i=2',
        __REALTIME_TIMESTAMP: '1779963664123456',
        __MONOTONIC_TIMESTAMP: '3161118431',
        _BOOT_ID: '5dffeb08a27344d5ae9e2fc244bbcbc5',
        _HOSTNAME: 'k8s03',
        PRIORITY: '6',
        SYSLOG_IDENTIFIER: 'microk8s.daemon-kubelite',
        _PID: '2122770',
        MESSAGE: 'W0528 20:21:04.123000 2122770 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/pvc-1-jiva-ctrl-2"',
      }),
    );
    expect(r).toMatchObject({
      source: 'journal',
      format: 'journal-json',
      host: 'k8s03',
      program: 'microk8s.daemon-kubelite',
      pid: 2122770,
      severity: 'warning',
      bootId: '5dffeb08a27344d5ae9e2fc244bbcbc5',
      uptime: 3161.118431,
      stamp: { kind: 'absolute', utcMicros: 1779963664123456, precision: 'us' },
      inner: { kind: 'wall', month: 5, day: 28, micros: 123000 },
      fields: { controller: 'taint-eviction-controller', pod: 'openebs/pvc-1-jiva-ctrl-2', PRIORITY: '6' },
    });
    expect(r.stamp).not.toHaveProperty('offsetMinutes');
  });

  it('MESSAGE as byte array (lossy UTF-8), null, and repeated-field array; kernel monotonic', () => {
    const bytes = one(
      journalJson,
      entry({
        __REALTIME_TIMESTAMP: '1779963669000001',
        _SOURCE_MONOTONIC_TIMESTAMP: '1234567890',
        _TRANSPORT: 'kernel',
        SYSLOG_IDENTIFIER: 'kernel',
        MESSAGE: [69, 88, 84, 52, 255, 1, 58, 32, 111, 107],
      }),
    );
    expect(bytes.message).toBe('EXT4\ufffd\u0001: ok');
    expect(bytes.uptime).toBeCloseTo(1234.56789, 6);
    const nul = one(journalJson, entry({ __REALTIME_TIMESTAMP: '1', MESSAGE: null }));
    expect(nul).toMatchObject({ message: '', fields: { 'journal.message': 'null' } });
    const arr = one(journalJson, entry({ __REALTIME_TIMESTAMP: '1', MESSAGE: ['a', [98]] }));
    expect(arr.message).toBe('a\nb');
  });

  it('prefers _SOURCE_REALTIME_TIMESTAMP, as journalctl does', () => {
    const r = one(journalJson, entry({ __REALTIME_TIMESTAMP: '2000000', _SOURCE_REALTIME_TIMESTAMP: '1000000', MESSAGE: 'x' }));
    expect(r.stamp).toMatchObject({ utcMicros: 1000000 });
    expect(r.uptime).toBeUndefined();
  });

  it('json-seq strips the RS byte; json-sse data: lines are read too; strays tolerated', () => {
    const seq = one(journalJsonSeq, `\x1e${entry({ __REALTIME_TIMESTAMP: '5', MESSAGE: 'm' })}`);
    expect(seq).toMatchObject({ format: 'journal-json-seq', message: 'm' });
    const r = run(journalJson, [
      `data: ${entry({ __REALTIME_TIMESTAMP: '5', MESSAGE: 'sse' })}`,
      '',
      '-- Boot 5dffeb08a27344d5ae9e2fc244bbcbc5 --',
      '{"broken": ',
    ]);
    expect(r.records.map((x) => x.message)).toEqual(['sse', '{"broken": ']);
    expect(r.unparsed).toBe(1);
  });

  it('json-pretty gathers an object over lines and asks for the next line inside it', () => {
    const lines = [
      '{',
      '\t"__REALTIME_TIMESTAMP" : "1779963664123456",',
      '\t"_HOSTNAME" : "k8s02",',
      '\t"SYSLOG_IDENTIFIER" : "kernel",',
      '\t"MESSAGE" : "EXT4-fs (sdb): Remounting filesystem read-only"',
      '}',
      '{',
      '\t"MESSAGE" : "cut',
    ];
    const r = run(journalJsonPretty, lines);
    expect(r.records[0]).toMatchObject({ host: 'k8s02', program: 'kernel', at: { line: 1, endLine: 6 } });
    expect(r.wants).toEqual([true, true, true, true, true, false, true, true]);
    expect(r.records[1]).toMatchObject({ source: 'text', fields: { unparsed: 'true' }, at: { line: 7, endLine: 8 } });
    expect(r.unparsed).toBe(2);
    expect(r.diags[0]!.reason).toMatch(/end of input/);
    expect(journalJsonPretty.gateable).toBe(false);
  });
});
