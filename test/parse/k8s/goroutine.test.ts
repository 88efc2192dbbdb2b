import { describe, expect, it } from 'vitest';
import { classifyDumpLine } from '../../../src/parse/formats/goroutine-grammar.js';
import { goroutineFormat } from '../../../src/parse/formats/goroutine.js';
import {
  DEBUG1_PROFILE,
  kubeletDump,
  NEW_MUTEX_LOCKED,
  ODDITIES,
  OLD_SEMACQUIRE,
  processorListener,
  RUNTIME_ONLY,
  SIGQUIT_PREAMBLE,
  SIGQUIT_TAIL,
} from './dump-fixtures.js';
import { MAY_28_2120_AEST_AS_UTC_MICROS, run } from './helpers.js';

const text = (lines: string[]) => lines.join('\n') + '\n';
/** Bucket records, without the one summary record of the dump (goroutine-summary.ts). */
const bucketRecords = <T extends { fields: Record<string, string> }>(rs: T[]) => rs.filter((r) => r.fields.what !== 'dump');
const mtime = { mtimeMicros: MAY_28_2120_AEST_AS_UTC_MICROS };

describe('goroutine dump (debug=2)', () => {
  it('buckets identical stacks and keeps ids, min/max minutes and every header', () => {
    const cap = run(goroutineFormat, text(kubeletDump()), 'k8s03/goroutines.txt', mtime);
    const pl = cap.buckets.find((b) => b.frames.some((f) => f.func.endsWith('processorListener).pop')));
    expect(pl).toBeDefined();
    expect(pl!.count).toBe(17);
    expect(pl!.state).toBe('select');
    expect(pl!.minutesMin).toBe(31);
    expect(pl!.minutesMax).toBe(33);
    expect(pl!.ids).toEqual(Array.from({ length: 17 }, (_, i) => 8800 + i));
    expect(pl!.headers).toHaveLength(17);
    expect(pl!.headers[0]).toMatchObject({ file: 'k8s03/goroutines.txt', line: 7 });
    expect(pl!.createdBy).toMatchObject({ func: 'k8s.io/apimachinery/pkg/util/wait.(*Group).Start', goroutine: 8640, line: 70 });
    expect(pl!.frames[2]).toMatchObject({ line: 1070 });
    expect(pl!.frames[2]!.file).toMatch(/shared_informer\.go$/);
    // five buckets: the handler, listeners, volume waits, force gc, GC worker
    expect(cap.buckets).toHaveLength(5);
    expect(cap.buckets.reduce((n, b) => n + b.count, 0)).toBe(1 + 17 + 4 + 2);
  });

  it('emits one record per worthy bucket, placed at dump time minus the minutes', () => {
    const cap = run(goroutineFormat, text(kubeletDump()), 'k8s03/goroutines.txt', mtime);
    const rec = cap.records.find((r) => r.fields.top?.endsWith('.pop'));
    expect(rec).toBeDefined();
    expect(rec!.message).toBe(
      '17 goroutines in k8s.io/client-go/tools/cache.(*processorListener).pop blocked [select] for 33 minutes (since about 10:47 UTC)',
    );
    expect(rec!.shiftSeconds).toBe(-33 * 60);
    expect(rec!.stamp).toMatchObject({ kind: 'absolute', utcMicros: MAY_28_2120_AEST_AS_UTC_MICROS, precision: 'min' });
    expect(rec!.fields).toMatchObject({ state: 'select', count: '17', minutes: '33', minutes_min: '31', dump_time_source: 'mtime' });
    expect(rec!.fields.ids!.split(',')).toHaveLength(17);
    expect(rec!.fields.frames!.split('\n')).toEqual([
      'runtime.gopark',
      'runtime.selectgo',
      'k8s.io/client-go/tools/cache.(*processorListener).pop',
      'k8s.io/apimachinery/pkg/util/wait.(*Group).Start.func1',
    ]);
    expect(rec!.fields.bucket).toBe('k8s03/goroutines.txt:7');
    expect(rec!.at.line).toBe(7);
    expect(rec!.raw).toBe('goroutine 8800 [select, 31 minutes]:');
    // the four volume waits have no minutes but a real caller: a record at dump time, unshifted
    const vol = cap.records.find((r) => r.fields.frames?.includes('WaitForAttachAndMount'));
    expect(vol!.message).toBe('4 goroutines in k8s.io/apimachinery/pkg/util/wait.waitForWithContext blocked [select]');
    expect(vol!.shiftSeconds).toBeUndefined();
    // runtime-only buckets and the running handler are buckets, not records
    expect(bucketRecords(cap.records).map((r) => r.fields.state).sort()).toEqual(['select', 'select']);
    // one more record, at the dump time itself, says what the dump held
    const dump = cap.records.find((r) => r.fields.what === 'dump')!;
    expect(dump.message).toBe(
      'goroutine dump: 24 goroutines in 5 buckets; longest waits: 17x k8s.io/client-go/tools/cache.(*processorListener).pop [select, 33 minutes]',
    );
    expect(dump.stamp).toMatchObject({ kind: 'absolute', utcMicros: MAY_28_2120_AEST_AS_UTC_MICROS, precision: 's' });
    expect(dump.shiftSeconds).toBeUndefined();
    expect(dump.fields).toMatchObject({ goroutines: '24', buckets: '5', dump_time_source: 'mtime' });
    expect(dump.at.line).toBe(1);
    expect(cap.diags.map((d) => d.code)).toContain('parse/goroutine-dump-time-from-mtime');
    expect(cap.diags.find((d) => d.code === 'parse/goroutine-dump')!.reason).toContain('24 goroutines into 5 buckets; 2 became');
  });

  it('uses --dump-time before the mtime, and warns when neither is known', () => {
    const flag = run(goroutineFormat, text(processorListener(1, 5)), 'g.txt', mtime, { dumpTime: 1_780_000_000_000_000 });
    expect(flag.buckets[0]!.dumpTimeSource).toBe('flag');
    expect(flag.records[0]!.stamp).toMatchObject({ kind: 'absolute', utcMicros: 1_780_000_000_000_000 });
    expect(flag.diags.map((d) => d.code)).not.toContain('parse/goroutine-dump-time-from-mtime');
    const none = run(goroutineFormat, text(processorListener(1, 5)), 'g.txt');
    expect(none.buckets[0]!.dumpTimeSource).toBe('unknown');
    expect(none.records[0]!.stamp.kind).toBe('none');
    expect(none.records[0]!.message).toMatch(/for 5 minutes$/);
    expect(none.diags.find((d) => d.code === 'parse/goroutine-dump-time-unknown')?.severity).toBe('warning');
  });

  it('splits buckets on a different created-by function or source line, not on close waits or args', () => {
    const a = processorListener(1, 2);
    const b = processorListener(2, 3, 9999); // other parent id, other args, a minute more: same bucket
    const c = processorListener(3, 2).map((l) => l.replace('shared_informer.go:1070', 'shared_informer.go:1071'));
    const d = processorListener(4, 2).map((l) => l.replace('created by k8s.io/apimachinery/pkg/util/wait.(*Group).Start', 'created by main.other'));
    const cap = run(goroutineFormat, text([...a, ...b, ...c, ...d]), 'g.txt', mtime);
    expect(cap.buckets.map((x) => x.count)).toEqual([2, 1, 1]);
    expect(cap.buckets[0]).toMatchObject({ minutesMin: 2, minutesMax: 3 });
  });

  it('splits a stack where the waits jump: a 33-minute stall apart from the churn of the same stack', () => {
    const churn = [0, 0, 1, 2, 3, 9].flatMap((m, i) => processorListener(100 + i, m).map((l) => (m === 0 ? l.replace(', 0 minutes', '') : l)));
    const stall = [31, 33, 33].flatMap((m, i) => processorListener(200 + i, m));
    const boot = [156, 158].flatMap((m, i) => processorListener(300 + i, m));
    // interleaved as a dump prints them (by goroutine id, not by wait)
    const lines = [...churn.slice(0, 24), ...stall.slice(0, 12), ...boot, ...churn.slice(24), ...stall.slice(12)];
    const cap = run(goroutineFormat, text(lines), 'g.txt', mtime);
    expect(cap.buckets.map((b) => [b.count, b.minutesMin, b.minutesMax])).toEqual([
      [5, 0, 3],
      [3, 31, 33],
      [2, 156, 158],
      [1, 9, 9],
    ]);
    const stalled = cap.buckets[1]!;
    expect(stalled.ids).toEqual([200, 201, 202]);
    // every header of the stall, and only those: the lines a finding cites
    expect(stalled.headers.map((h) => lines[h.line - 1])).toEqual(['goroutine 200 [select, 31 minutes]:', 'goroutine 201 [select, 33 minutes]:', 'goroutine 202 [select, 33 minutes]:']);
    expect(bucketRecords(cap.records).find((r) => r.fields.minutes === '33')!.message).toMatch(/^3 goroutines in .*pop blocked \[select\] for 33 minutes/);
  });

  it('keeps wait reasons verbatim, old and new, and skips sync frames for the top', () => {
    const cap = run(goroutineFormat, text([...OLD_SEMACQUIRE, ...NEW_MUTEX_LOCKED]), 'g.txt', mtime);
    expect(cap.buckets.map((b) => b.state)).toEqual(['semacquire', 'sync.Mutex.Lock']);
    expect(bucketRecords(cap.records).map((r) => r.message)).toEqual([
      '1 goroutine in main.init.0.func1.1 blocked [semacquire] for 4 minutes (since about 11:16 UTC)',
      '1 goroutine in github.com/containerd/containerd/v2/core/runtime/v2.(*ShimManager).Start blocked [sync.Mutex.Lock] for 12 minutes (since about 11:08 UTC), locked to thread',
    ]);
    expect(cap.buckets[0]!.createdBy).toEqual({ func: 'main.init.0.func1', file: '/home/rogpeppe/other/9fans/cmd/acme/acme.go', line: 795 });
    expect(cap.buckets[0]!.frames[2]).toEqual({ func: 'sync.(*Mutex).Lock', file: '/home/rogpeppe/go/src/sync/mutex.go', line: 81 });
    expect(cap.buckets[1]!.locked).toBe(true);
    expect(cap.buckets[1]!.frames[0]).toMatchObject({ func: 'runtime.gopark', line: 435 });
  });

  it('reads odd bodies: other thread, non-Go frames, (scan), synctest, elisions, ancestors', () => {
    const cap = run(goroutineFormat, text(ODDITIES), 'g.txt', mtime);
    expect(cap.diags.filter((d) => d.severity !== 'info')).toEqual([]);
    const [running, syscall, synctest, elidedOld, elidedNew] = cap.buckets;
    expect(running).toMatchObject({ state: 'running', frames: [] });
    expect(syscall).toMatchObject({ state: 'syscall', minutesMax: 40 });
    expect(syscall!.frames[0]).toEqual({ func: 'non-Go function', file: '?', line: 0 });
    expect(syscall!.createdBy).toEqual({ func: 'os/exec.(*Cmd).Start', file: '/usr/local/go/src/os/exec/exec.go', line: 709 });
    expect(synctest).toMatchObject({ state: 'chan receive', minutesMax: 0 });
    expect(synctest!.frames[0]).toEqual({ func: 'example.com/app.consume', file: '/src/app.go', line: 14 });
    expect(elidedOld!.elided).toBe(true);
    expect(elidedNew!.elided).toBe(true);
    expect(elidedNew!.frames).toHaveLength(2); // ancestor frames are not part of the stack
    const sys = cap.records.find((r) => r.fields.state === 'syscall');
    expect(sys!.message).toBe('1 goroutine in syscall.Syscall6 [syscall] for 40 minutes (since about 10:40 UTC)');
  });

  it('reads SIGQUIT output (preamble, gp/m headers, registers) with nothing unparsed', () => {
    const lines = [...SIGQUIT_PREAMBLE, ...NEW_MUTEX_LOCKED, ...RUNTIME_ONLY, ...SIGQUIT_TAIL];
    const cap = run(goroutineFormat, text(lines), 'g.txt', mtime);
    expect(cap.diags.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(bucketRecords(cap.records.filter((r) => r.format === 'goroutine-dump'))).toHaveLength(1);
    expect(cap.buckets).toHaveLength(3);
  });

  it('survives TAB as spaces, #011, CRLF and lost blank lines with the same buckets', () => {
    const clean = run(goroutineFormat, text(kubeletDump()), 'g.txt', mtime);
    const spaces = kubeletDump().map((l) => l.replace(/^\t/, '        '));
    const syslog = kubeletDump().map((l) => l.replace(/^\t/, '#011') + '\r');
    const noBlank = kubeletDump().filter((l) => l !== '');
    const stripped = kubeletDump().map((l) => l.replace(/^\t/, ''));
    for (const variant of [spaces, syslog, noBlank, stripped]) {
      const cap = run(goroutineFormat, text(variant), 'g.txt', mtime);
      expect(cap.buckets.map((b) => [b.state, b.count, b.frames.length, b.createdBy?.line])).toEqual(
        clean.buckets.map((b) => [b.state, b.count, b.frames.length, b.createdBy?.line]),
      );
      expect(cap.diags.filter((d) => d.severity !== 'info')).toEqual([]);
    }
  });

  it('keeps lines that are not dump lines as text records and says so', () => {
    const lines = ['I0528 21:20:14.000001 2122770 server.go:1234] dumping goroutines', ...processorListener(1, 33)];
    const cap = run(goroutineFormat, text(lines), 'g.txt', mtime);
    expect(cap.records[0]).toMatchObject({ message: lines[0], at: { line: 1 }, source: 'goroutine' });
    const d = cap.diags.find((x) => x.code === 'parse/unparsed-line');
    expect(d).toMatchObject({ severity: 'warning', count: 1, place: { line: 1 } });
  });

  it('reports frames whose header was lost instead of dropping them silently', () => {
    const lines = processorListener(1, 33).slice(3); // header and first frame lost
    const cap = run(goroutineFormat, text(lines), 'g.txt', mtime);
    const d = cap.diags.find((x) => x.code === 'parse/goroutine-orphan-lines');
    expect(d?.count).toBeGreaterThan(3);
    expect(d?.place?.line).toBe(1);
  });
});

describe('goroutine profile (debug=1)', () => {
  it('reads aggregated records into buckets with counts and no ids', () => {
    const cap = run(goroutineFormat, text(DEBUG1_PROFILE), 'profile.txt', mtime);
    expect(cap.buckets.map((b) => [b.count, b.aggregated, b.ids.length])).toEqual([
      [120, true, 0],
      [4, true, 0],
      [1, true, 0],
    ]);
    expect(cap.buckets[0]!.frames[0]).toEqual({
      func: 'k8s.io/client-go/tools/cache.(*processorListener).pop',
      file: '/src/client-go/tools/cache/shared_informer.go',
      line: 1070,
    });
    expect(cap.records.map((r) => r.message)).toEqual([
      '120 goroutines in k8s.io/client-go/tools/cache.(*processorListener).pop (aggregated profile)',
      '4 goroutines in k8s.io/kubernetes/pkg/kubelet/volumemanager.(*volumeManager).WaitForAttachAndMount (aggregated profile)',
      'goroutine dump: 125 goroutines in 3 stacks (aggregated profile); largest: 120x k8s.io/client-go/tools/cache.(*processorListener).pop, 4x k8s.io/kubernetes/pkg/kubelet/volumemanager.(*volumeManager).WaitForAttachAndMount, 1x runtime.gcBgMarkWorker',
    ]);
    expect(cap.records[0]!.fields.aggregated).toBe('true');
    expect(cap.diags.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads a debug=1 profile whose TABs became #011 in syslog', () => {
    const cap = run(goroutineFormat, text(DEBUG1_PROFILE.map((l) => l.replaceAll('\t', '#011'))), 'p.txt', mtime);
    expect(cap.buckets.map((b) => b.count)).toEqual([120, 4, 1]);
  });
});

describe('goroutine grammar and sniffing', () => {
  it('classifies every header suffix', () => {
    expect(classifyDumpLine('goroutine 9 gp=0xc000007180 m=3 mp=0xc000100008 [running]:')).toMatchObject({ kind: 'header', id: 9, state: 'running' });
    expect(classifyDumpLine('goroutine 4 [IO wait (scan), 1 minutes, locked to thread]:')).toMatchObject({
      state: 'IO wait',
      minutes: 1,
      locked: true,
    });
    expect(classifyDumpLine('goroutine 7 [select (durable), synctest group 3]:')).toMatchObject({ state: 'select (durable)', extra: ['synctest group 3'] });
    expect(classifyDumpLine('I0528 20:21:04.123456 2122770 dns.go:153] "Nameserver limits exceeded"')).toBeUndefined();
    expect(classifyDumpLine('Starting kubelet (v1.35.0)')).toBeUndefined();
  });

  it('sniffs raw dumps and profiles, not journal lines carrying dumps', () => {
    expect(goroutineFormat.sniff(kubeletDump().slice(0, 5))).toBeGreaterThan(0.9);
    expect(goroutineFormat.sniff(DEBUG1_PROFILE.slice(0, 3))).toBeGreaterThan(0.9);
    expect(goroutineFormat.sniff(SIGQUIT_PREAMBLE)).toBeGreaterThan(0.8);
    expect(goroutineFormat.sniff(['May 28 21:20:14 k8s03 microk8s.daemon-kubelite[2122770]: goroutine 8812 [select, 33 minutes]:'])).toBe(0);
    for (const s of goroutineFormat.meta.samples) expect(goroutineFormat.sniff([s])).toBeGreaterThan(0.9);
  });
});
