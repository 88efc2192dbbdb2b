import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratch, summary, timeline, warnings, writeTree } from './harness.js';

let dir: string;
beforeAll(() => {
  dir = scratch('content');
});

const PODS = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'radarr-0', namespace: 'media', creationTimestamp: '2026-05-28T10:00:00Z' }, spec: { nodeName: 'k8s02' }, status: { phase: 'Running' } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sonarr-0', namespace: 'media', creationTimestamp: '2026-05-28T10:05:00Z' }, spec: { nodeName: 'k8s03' }, status: { phase: 'Pending' } },
  ],
};
const SNAPSHOT = ['--snapshot-time', '2026-05-28T11:00:00Z'];

describe('kubectl JSON', () => {
  it('truncated mid-object: the objects before the cut are kept, the cut one is reported with its line, exit 0', () => {
    const text = `${JSON.stringify(PODS, null, 4)}\n`;
    const cut = text.slice(0, text.indexOf('"sonarr-0"') + 5);
    const d = writeTree(path.join(dir, 'trunc-json'), { 'pods.json': cut });
    const r = timeline([d], SNAPSHOT);
    expect(r.code).toBe(0);
    const lines = cut.split('\n').length;
    const col = cut.lastIndexOf('"') - cut.lastIndexOf('\n'); // where the unterminated string opens
    const w = warnings(r.stderr);
    expect(w.map((x) => [x.severity, x.code])).toEqual([['error', 'parse/kubectl-json-malformed']]);
    expect(w[0]!.reason).toMatch(/^Unexpected end of (line|input) inside (a string|a List item), expected '"'/);
    expect(w[0]!.places[0]).toBe(`${path.join(d, 'pods.json')}:${lines}:${col} (byte ${cut.lastIndexOf('\n') + 1})`);
    expect(r.events.map((e) => e.message)).toEqual(['Pod media/radarr-0 created', 'Pod media/radarr-0 phase Running']);
    expect(r.events.every((e) => e.from[0]!.line >= 3 && e.from[0]!.line < lines)).toBe(true);
    expect(summary(r.stderr)).toMatchObject({ files: 1, lines });
  });

  it('with kubectl error lines in front (stderr captured with stdout): the lines are kept as text, the JSON is read', () => {
    const front = [
      'E0528 20:59:58.123456   12345 memcache.go:265] couldn\'t get current server API group list: Get "https://127.0.0.1:16443/api?timeout=32s": dial tcp 127.0.0.1:16443: connect: connection refused',
      'error: the server doesn\'t have a resource type "podz"',
    ];
    const d = writeTree(path.join(dir, 'err-json'), { 'pods.json': `${front.join('\n')}\n${JSON.stringify(PODS, null, 4)}\n` });
    const r = timeline([d], SNAPSHOT);
    expect(r.code).toBe(0);
    const w = warnings(r.stderr);
    expect(w.map((x) => [x.code, x.reason, x.places])).toEqual([
      [
        'parse/kubectl-text-line',
        'Unexpected text line in kubectl JSON output, expected a JSON document (kept as a text record) (2 times)',
        [`${path.join(d, 'pods.json')}:1 (byte 0)`, `${path.join(d, 'pods.json')}:2 (byte ${front[0]!.length + 1})`],
      ],
    ]);
    const messages = r.events.map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([...front, 'Pod media/radarr-0 created', 'Pod media/sonarr-0 created', 'Pod media/sonarr-0 phase Pending']));
    expect(r.events.filter((e) => e.from[0]!.line <= 2).map((e) => e.from[0]!.line)).toEqual([1, 2]);
  });
});

describe('a goroutine dump cut mid-stack', () => {
  it('keeps the goroutines read, the cut one from what is there, and the cut line as text with a warning', () => {
    const dump = [
      'goroutine 1 [running]:',
      'main.main()',
      '\t/app/main.go:10 +0x20',
      '',
      'goroutine 43 [semacquire, 14 minutes]:',
      'sync.runtime_SemacquireMutex(0x406fe0?, 0x20?, 0xc0002e37a0?)',
      '\t/usr/local/go/src/runtime/sema.go:71 +0x25',
      'sync.(*Mutex).lockSlow(0x72a788)',
      '\t/usr/local/go/src/sync/mutex.go:153 +0x165',
      'created by k8s.io/kubernetes/pkg/kubelet.(*Kubelet).Run in goroutine 1',
      '\t/go/src/k8s.io/kubernetes/pkg/kubelet/kubelet.go:1593 +0x8a',
      '',
      'goroutine 44 [semacquire, 14 minutes]:',
      'sync.runtime_SemacquireMutex(0x406fe0?, 0x20?, 0xc0002e37a0?)',
      '\t/usr/local/go/src/runtime/sema.go:71 +0x25',
      'sync.(*Mutex).lockSl',
    ].join('\n');
    const d = writeTree(path.join(dir, 'dump'), { 'kubelet-goroutines.txt': dump });
    const r = timeline([d], ['--dump-time', '2026-05-28T10:30:00Z']);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr).map((w) => [w.code, w.reason, w.places])).toEqual([
      ['parse/unparsed-line', 'Unexpected 1 lines that are not goroutine dump lines, kept as text records', [`${path.join(d, 'kubelet-goroutines.txt')}:16 (byte ${dump.lastIndexOf('\n') + 1})`]],
    ]);
    expect(r.events.map((e) => [e.time, e.message])).toEqual([
      ['2026-05-28T10:16:00.000000Z', expect.stringMatching(/^1 goroutine in sync\.runtime_SemacquireMutex blocked \[semacquire\] for 14 minutes/)],
      ['2026-05-28T10:16:00.000000Z', expect.stringMatching(/^1 goroutine in sync\.runtime_SemacquireMutex blocked \[semacquire\] for 14 minutes/)],
      // The dump's summary at dump time counts the cut goroutine too.
      ['2026-05-28T10:30:00.000000Z', expect.stringMatching(/^goroutine dump on .*: 3 goroutines in 3 buckets; longest waits: 2x sync\.runtime_SemacquireMutex \[semacquire, 14 minutes\]$/)],
      ['2026-05-28T10:30:00.000000Z', 'sync.(*Mutex).lockSl'],
    ]);
    expect(summary(r.stderr)).toMatchObject({ lines: 16 });
  });
});

describe('time stamps', () => {
  it('out of order: every line kept at its own time, the timeline sorted', () => {
    const lines = [
      '2026-05-28T20:10:05.000000+10:00 k8s02 kernel: third',
      '2026-05-28T20:10:01.000000+10:00 k8s02 kernel: first',
      '2026-05-28T20:10:03.000000+10:00 k8s02 kernel: second',
      '2026-05-28T19:59:59.000000+10:00 k8s02 kernel: zeroth, 10 minutes back',
    ];
    const d = writeTree(path.join(dir, 'order'), { 'syslog': `${lines.join('\n')}\n`, 'kern.log': 'May 28 20:10:04 k8s02 kernel: b\nMay 28 20:10:02 k8s02 kernel: a\n' });
    const r = timeline([d], ['--tz', 'Australia/Brisbane']);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([]);
    expect(r.events.map((e) => [e.time, e.message])).toEqual([
      ['2026-05-28T09:59:59.000000Z', 'zeroth, 10 minutes back'],
      ['2026-05-28T10:10:01.000000Z', 'first'],
      ['2026-05-28T10:10:02.000000Z', 'a'],
      ['2026-05-28T10:10:03.000000Z', 'second'],
      ['2026-05-28T10:10:04.000000Z', 'b'],
      ['2026-05-28T10:10:05.000000Z', 'third'],
    ]);
  });

  it('impossible dates (Feb 30, month 13, 25:61) are kept as untimed text, each reported with its line', () => {
    const lines = [
      ...[0, 1, 2, 3, 4].map((i) => `2026-05-28T20:10:0${i}+00:00 k8s02 kernel: fine ${i}`),
      '2026-02-30T20:10:00+00:00 k8s02 kernel: feb 30',
      '2026-13-01T00:00:00+00:00 k8s02 kernel: month 13',
      '2026-05-28T25:61:00+00:00 k8s02 kernel: hour 25',
    ];
    const d = writeTree(path.join(dir, 'impossible'), { 'syslog': `${lines.join('\n')}\n`, 'kern.log': 'May 28 20:10:00 k8s02 kernel: fine\nFeb 30 20:10:00 k8s02 kernel: feb 30\n' });
    const r = timeline([d]);
    expect(r.code).toBe(0);
    const w = warnings(r.stderr);
    expect(w.map((x) => [x.code, x.places.map((p) => path.basename(p))])).toEqual([
      ['parse/unparsed-line', ['kern.log:2 (byte 35)']],
      ['parse/unparsed-line', [5, 6, 7].map((i) => `syslog:${i + 1} (byte ${lines.slice(0, i).join('\n').length + 1})`)],
    ]);
    expect(w[1]!.reason).toMatch(/^Unexpected line shape, expected .* \(3 times\)$/);
    expect(r.events).toHaveLength(10);
    const untimed = r.events.filter((e) => e.time === null).map((e) => e.raw);
    expect(untimed.sort()).toEqual([lines[5], lines[6], lines[7], 'Feb 30 20:10:00 k8s02 kernel: feb 30'].sort());
    expect(summary(r.stderr)).toMatchObject({ lines: 10 });
  });

  it('lines from 1970 and after 2038 (past 32-bit time_t) are placed exactly', () => {
    const journal = [
      { __REALTIME_TIMESTAMP: '2147483648000000', _HOSTNAME: 'k8s02', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: 'one second past 2^31', PRIORITY: '6' },
      { __REALTIME_TIMESTAMP: '0', _HOSTNAME: 'k8s02', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: 'at the epoch', PRIORITY: '6' },
    ];
    const d = writeTree(path.join(dir, 'epochs'), {
      'journal.json': `${journal.map((o) => JSON.stringify(o)).join('\n')}\n`,
      'syslog': '1970-01-01T00:00:01.000000+00:00 k8s02 kernel: one second in\n2038-01-19T03:14:07.999999+00:00 k8s02 kernel: last second of 2^31\n2099-12-31T23:59:59.000000+00:00 k8s02 kernel: end of the century\n',
    });
    const r = timeline([d]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([]);
    expect(r.events.map((e) => [e.time, e.message])).toEqual([
      ['1970-01-01T00:00:00.000000Z', 'at the epoch'],
      ['1970-01-01T00:00:01.000000Z', 'one second in'],
      ['2038-01-19T03:14:07.999999Z', 'last second of 2^31'],
      ['2038-01-19T03:14:08.000000Z', 'one second past 2^31'],
      ['2099-12-31T23:59:59.000000Z', 'end of the century'],
    ]);
  });
});
