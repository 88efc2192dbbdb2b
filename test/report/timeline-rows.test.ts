import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/model/index.js';
import { DisplayClock } from '../../src/report/display-time.js';
import { pathShower } from '../../src/report/paths.js';
import { timelineRows } from '../../src/report/timeline-rows.js';
import { eventsFrom } from '../fixtures/report/build.js';

const clock = new DisplayClock('Australia/Brisbane');

function rows(lines: string[], tagged: (e: Event) => string[] = () => ['x'], all = false) {
  const ev = eventsFrom([{ path: '/ev/k8s02/syslog', host: 'k8s02', format: 'syslog-rfc3164', lines }], { year: 2026, offsetHours: 10 });
  const evidence = new Map<number, Set<string>>();
  for (const e of ev.events) {
    const tags = tagged(e);
    if (tags.length) evidence.set(e.seq, new Set(tags));
  }
  return timelineRows({ events: ev.events, evidence, all, clock, show: pathShower('/ev') });
}

const deleting = (sec: string, pod: string): string =>
  `May 28 20:21:${sec} k8s02 kubelite[2101]: I0528 20:21:${sec}.1${pod.length}0000    2101 taint_eviction.go:111] "Deleting pod" controller="taint-eviction-controller" pod="openebs/${pod}"`;

describe('timelineRows', () => {
  it('collapses a burst of same-shape lines into one row with a count and the objects', () => {
    const pods = ['pvc-a-ctrl-1', 'pvc-b-ctrl-22', 'pvc-c-ctrl-333'];
    const { rows: r } = rows(pods.map((p) => deleting('04', p)));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ kind: 'burst', count: 3, objects: pods.map((p) => `openebs/${p}`), refs: ['{sample}/k8s02/syslog:1', '{sample}/k8s02/syslog:3'] });
    expect(r[0]!.what).toBe('3x "Deleting pod" controller="taint-eviction-controller": openebs/pvc-a-ctrl-1, openebs/pvc-b-ctrl-22, openebs/pvc-c-ctrl-333');
  });

  it('collapses the same line repeated within minutes, with the time span', () => {
    const line = (t: string) => `May 28 20:${t} k8s02 kubelet[9]: Error syncing pod, skipping`;
    const { rows: r } = rows([line('00:00'), line('02:00'), line('04:00')]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ kind: 'repeat', count: 3, objects: [] });
    expect(r[0]!.what).toBe('3x Error syncing pod, skipping');
    expect(r[0]!.time?.clock).toBe('20:00:00');
    expect(r[0]!.until?.clock).toBe('20:04:00');
  });

  it('keeps apart lines of another shape, of other findings, or too far apart', () => {
    expect(rows([deleting('04', 'a'), 'May 28 20:21:04 k8s02 kubelite[2101]: something else entirely here']).rows).toHaveLength(2);
    expect(rows([deleting('04', 'a'), deleting('04', 'b')], (e) => [e.from[0]!.line === 1 ? 'taint-eviction' : 'other']).rows).toHaveLength(2);
    expect(rows([deleting('04', 'a'), deleting('09', 'b')]).rows).toHaveLength(2);
  });

  it('ends each run where it can no longer grow: another line of its program, a silence; a run of another program goes on across', () => {
    const repeat = (t: string) => `May 28 20:${t} k8s02 kubelet[9]: Error syncing pod, skipping`;
    const { rows: r } = rows([
      deleting('04', 'a'),
      repeat('21:04'),
      deleting('04', 'b'), // joins the first burst across the kubelet line
      'May 28 20:21:05 k8s02 kubelite[2101]: something else entirely here', // ends that burst
      deleting('05', 'c'), // a new run of the same program
      repeat('23:00'), // the kubelet repeat goes on
      deleting('05', 'd'),
      repeat('40:00'), // after a silence: a new row, not the repeat's
    ]);
    expect(r.map((x) => [x.kind, x.count])).toEqual([
      ['burst', 2],
      ['repeat', 2],
      ['event', 1],
      ['burst', 2],
      ['gap', 0],
      ['event', 1],
    ]);
    expect(r[0]!.objects).toEqual(['openebs/a', 'openebs/b']);
    expect(r[1]!.until?.clock).toBe('20:23:00');
    expect(r[3]!.objects).toEqual(['openebs/c', 'openebs/d']);
    expect(r[5]!.what).toBe('Error syncing pod, skipping');
  });

  it('states silences of ten minutes or more, and says what the silence covers', () => {
    const lines = ['May 28 19:16:07 k8s02 kernel: link down', 'May 28 20:21:03 k8s02 kernel: link down again'];
    const notable = rows(lines).rows;
    expect(notable.map((r) => r.kind)).toEqual(['event', 'gap', 'event']);
    expect(notable[1]).toMatchObject({ what: 'no notable events for 1h 4m' });
    expect(notable[1]!.time?.clock).toBe('19:16:07');
    expect(notable[1]!.until?.clock).toBe('20:21:03');
    expect(rows(lines, () => [], true).rows[1]!.what).toBe('no events in any input for 1h 4m');
  });

  it('shows evidence, context, kubectl and goroutine events, and every event with all', () => {
    const lines = ['May 28 20:21:03 k8s02 kernel: evidence line', 'May 28 20:21:04 k8s02 systemd[1]: Started Session 42 of user root.'];
    expect(rows(lines, (e) => (e.from[0]!.line === 1 ? ['sig'] : [])).rows.map((r) => r.what)).toEqual(['evidence line']);
    expect(rows(lines, () => [], true).rows.map((r) => r.what)).toEqual(['evidence line', 'Started Session 42 of user root.']);
  });

  it('drops the klog header from what happened and flags context lines', () => {
    const ev = eventsFrom(
      [{ path: '/ev/a', host: 'h', format: 'f', lines: [{ text: 'May 28 20:21:05 h kubelite[1]: I0528 20:21:05.100000    1 event.go:389] "Event occurred" reason="X"', context: true }] }],
      { year: 2026, offsetHours: 10 },
    );
    const r = timelineRows({ events: ev.events, evidence: new Map(), all: false, clock, show: pathShower() });
    expect(r.rows[0]).toMatchObject({ what: '"Event occurred" reason="X"', context: true, source: 'kubelite', refs: ['/ev/a:1'], showDate: true });
  });

  it('lists events without a resolved time apart, in input order', () => {
    const ev = eventsFrom([{ path: '/ev/a', host: 'h', format: 'f', lines: ['May 28 20:21:05 h kernel: placed', 'May 28 20:21:06 h kernel: unplaced'] }], { year: 2026, offsetHours: 10 });
    ev.events[1]!.time = { utcMicros: null, text: '[ 12.5]', precision: 'us', relative: true };
    const r = timelineRows({ events: ev.events, evidence: new Map(), all: true, clock, show: pathShower() });
    expect(r.rows.map((x) => x.what)).toEqual(['placed']);
    expect(r.unplaced.map((x) => x.what)).toEqual(['unplaced']);
    expect(r.unplaced[0]!.time).toBeNull();
  });

  it('says how many more lines a multi-line record has', () => {
    const ev = eventsFrom([{ path: '/ev/a', host: 'h', format: 'f', lines: ['May 28 20:21:05 h kubelite[1]: goroutine 1 [select, 33 minutes]:'] }], { year: 2026, offsetHours: 10 });
    ev.events[0]!.message += '\nk8s.io/client-go/tools/cache.(*processorListener).pop(...)\n\t/x/controller.go:1';
    const r = timelineRows({ events: ev.events, evidence: new Map(), all: true, clock, show: pathShower() });
    expect(r.rows[0]!.what).toBe('goroutine 1 [select, 33 minutes]: (+2 more lines)');
  });
});
