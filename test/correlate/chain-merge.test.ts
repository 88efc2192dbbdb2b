// Each step of a chain is a cause of the step before it: symptoms that reach a shared cause
// through the same signatures join one chain (their findings in `also`), any other symptom is
// a chain of its own, never spliced between steps it did not cause.
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';
import { buildEvidence } from './evidence.js';

const ev = (id: string, extra = ''): string => sig(id, `{kind: event, regex: '${id} happened on (?<dev>[a-z]+)'}`, `entities: {dev: device}\n${extra}`);
const cause = (id: string): string => `caused_by:\n  - {id: ${id}, within: 1h, prefer: [device]}`;
const set = loadInline({
  storm: ev('storm'),
  freeze: ev('freeze', cause('storm')),
  pending: ev('pending', cause('freeze')),
  lag: ev('lag', cause('freeze')),
  retries: ev('retries', cause('storm')),
});
const { compiled } = compileSignatures(set);

function run(lines: string[]) {
  const e = buildEvidence(compiled, { 'h1/syslog': lines }, { year: 2026, offsetHours: 0 });
  const out = correlate({ ...e, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' });
  const id = (ref: string): string => `${out.findings.find((f) => f.ref === ref)!.id}:${out.findings.find((f) => f.ref === ref)!.captures.dev}`;
  return out.chains.map((c) => c.steps.map((s) => `${id(s.ref)}${s.also ? `(+${s.also.map(id).join(',')})` : ''}`).join(' > '));
}

describe('merging symptoms into chains', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('keeps unrelated symptoms of one root out of each other’s steps', () => {
    expect(
      run([
        'May 28 10:00:00 h1 db: storm happened on a',
        'May 28 10:01:00 h1 db: retries happened on a',
        'May 28 10:05:00 h1 api: freeze happened on a',
        'May 28 10:10:00 h1 sched: pending happened on a',
        'May 28 10:10:00 h1 sched: pending happened on b',
        'May 28 10:11:00 h1 kcm: lag happened on a',
      ]),
    ).toEqual(['pending:a(+pending:b) > freeze:a > storm:a', 'lag:a > freeze:a > storm:a', 'retries:a > storm:a']);
  });

  it('joins a parallel branch only where its signatures line up with the steps before the junction', () => {
    expect(
      run([
        'May 28 10:00:00 h1 db: storm happened on a',
        'May 28 10:05:00 h1 api: freeze happened on a',
        'May 28 10:05:01 h1 api: freeze happened on b',
        'May 28 10:10:00 h1 sched: pending happened on a',
        'May 28 10:10:30 h1 sched: pending happened on b',
      ]),
    ).toEqual(['pending:a(+pending:b) > freeze:a(+freeze:b) > storm:a']);
  });
});

describe('causes the evidence cannot tell apart', () => {
  const tied = loadInline({
    evict: sig('evict', "{kind: event, regex: 'evicted controllers'}"),
    conn: sig('conn', "{kind: event, regex: 'connection(?<session>[0-9]+):0 error'}", 'entities: {session: session}\ncaused_by:\n  - {id: evict, within: 1h}'),
    sess: sig('sess', "{kind: event, regex: 'session(?<session>[0-9]+) timed out'}", 'entities: {session: session}\ncaused_by:\n  - {id: conn, within: 1h, same: [host, session]}'),
    dev: sig('dev', "{kind: event, regex: '(?<dev>sd[a-z]+) offline'}", 'entities: {dev: device}\ncaused_by:\n  - {id: sess, within: 1h, same: [host]}'),
  });
  const set2 = compileSignatures(tied).compiled;

  it('lists the session the path did not take, and its cause, beside the one it took', () => {
    const e = buildEvidence(
      set2,
      {
        'h1/kern.log': [
          'May 28 10:00:00 h1 kubelite: evicted controllers',
          'May 28 10:00:05 h1 kernel: connection1:0 error',
          'May 28 10:00:05 h1 kernel: connection2:0 error',
          'May 28 10:02:05 h1 kernel: session1 timed out',
          'May 28 10:02:05 h1 kernel: session2 timed out',
          'May 28 10:02:05 h1 kernel: sdb offline',
          'May 28 10:02:06 h1 kernel: sdc offline',
        ],
      },
      { year: 2026, offsetHours: 0 },
    );
    const out = correlate({ ...e, state: EMPTY_STATE, signatures: set2, displayTz: 'UTC' });
    const name = (ref: string): string => {
      const f = out.findings.find((x) => x.ref === ref)!;
      return `${f.id}:${f.captures.dev ?? f.captures.session ?? ''}`;
    };
    expect(out.chains.map((c) => c.steps.map((s) => `${name(s.ref)}${s.also ? `(+${s.also.map(name).join(',')})` : ''}`).join(' > '))).toEqual([
      'dev:sdb(+dev:sdc) > sess:1(+sess:2) > conn:1(+conn:2) > evict:',
    ]);
    expect(out.chains[0]!.symptoms.map(name)).toEqual(['dev:sdb', 'dev:sdc']);
  });
});

describe('one chain for the same failure in several places, co-symptoms and causes not followed', () => {
  // `dev` and `page` are what a user sees; `retry` and `sess` are mechanisms (other signatures
  // name them as causes); `load` is the root.
  const hostSig = (id: string, re: string, extra: string): string => sig(id, `{kind: event, regex: '${re}'}`, extra);
  const tree = loadInline({
    load: hostSig('load', 'load storm', ''),
    retry: hostSig('retry', 'retries exhausted', 'caused_by:\n  - {id: load, within: 1h, same: [host]}'),
    sess: hostSig('sess', 'session(?<session>[0-9]+) lost', 'entities: {session: session}\ncaused_by:\n  - {id: load, within: 1h, same: [host]}'),
    // names retry as a cause, which makes retry a mechanism; never in the evidence here
    alarm: hostSig('alarm', 'alarm raised', 'caused_by:\n  - {id: retry, within: 1h, same: [host]}'),
    dev: hostSig('dev', '(?<dev>sd[a-z]+) read-only', 'entities: {dev: device}\ncaused_by:\n  - {id: sess, within: 1h, same: [host]}'),
    page: hostSig('page', 'app (?<app>[a-z]+) paged', 'caused_by:\n  - {id: dev, within: 1d, same: [host]}'),
  });
  const compiled3 = compileSignatures(tree).compiled;
  function chains(files: Record<string, string[]>) {
    const e = buildEvidence(compiled3, files, { year: 2026, offsetHours: 0 });
    const out = correlate({ ...e, state: EMPTY_STATE, signatures: compiled3, displayTz: 'UTC' });
    const name = (ref: string): string => {
      const f = out.findings.find((x) => x.ref === ref)!;
      return `${f.id}@${f.host}${f.captures.dev ? `:${f.captures.dev}` : ''}`;
    };
    return {
      out,
      name,
      text: out.chains.map((c) => c.steps.map((s) => `${name(s.ref)}${s.also ? `(+${s.also.map(name).join(',')})` : ''}`).join(' > ')),
    };
  }

  it('loads', () => expect(tree.diagnostics).toEqual([]));

  it('joins the same failure on two hosts at the same time into one chain, but not a day apart', () => {
    const h = (host: string, day: number, hh = '10'): string[] => [
      `May ${day} ${hh}:00:00 ${host} db: load storm`,
      `May ${day} ${hh}:01:00 ${host} kernel: session3 lost`,
      `May ${day} ${hh}:03:00 ${host} kernel: sdb read-only`,
    ];
    const same = chains({ 'a/kern.log': h('a', 28), 'b/kern.log': h('b', 28) });
    expect(same.text).toEqual(['dev@a:sdb(+dev@b:sdb) > sess@a(+sess@b) > load@a(+load@b)']);
    expect(same.out.chains[0]!.symptoms.map(same.name)).toEqual(['dev@a:sdb', 'dev@b:sdb']);
    expect(same.out.chains[0]!.hosts).toEqual(['a', 'b']);
    const apart = chains({ 'a/kern.log': h('a', 27), 'b/kern.log': h('b', 28) });
    expect(apart.text).toEqual(['dev@a:sdb > sess@a > load@a', 'dev@b:sdb > sess@b > load@b']);
  });

  it('lists a mechanism that links straight into a chain among its symptoms, not as a chain of its own', () => {
    const { out, text, name } = chains({
      'a/kern.log': ['May 28 10:00:00 a db: load storm', 'May 28 10:00:30 a db: retries exhausted', 'May 28 10:01:00 a kernel: session3 lost', 'May 28 10:03:00 a kernel: sdb read-only'],
    });
    // retry reports the storm the chain's root is: a co-symptom, shown with the chain
    expect(text).toEqual(['dev@a:sdb > sess@a > load@a']);
    expect(out.chains[0]!.symptoms.map(name)).toEqual(['retry@a', 'dev@a:sdb']);
  });

  it('starts no chain from a cause that is linked but not followed; its path joins a chain where it lines up', () => {
    // the page links to both read-only devices by host alone: it follows the nearer (sdc); sdb
    // is linked but not followed, and is shown beside sdc where its path lines up.
    const { out, text, name } = chains({
      'a/kern.log': [
        'May 28 10:00:00 a db: load storm',
        'May 28 10:01:00 a kernel: session3 lost',
        'May 28 10:01:40 a kernel: session4 lost',
        'May 28 10:03:00 a kernel: sdb read-only',
        'May 28 10:06:00 a kernel: sdc read-only',
        'May 28 11:00:00 a app: app web paged',
      ],
    });
    expect(text).toEqual(['page@a > dev@a:sdc(+dev@a:sdb) > sess@a(+sess@a) > load@a']);
    expect(out.chains[0]!.symptoms.map(name)).toEqual(['page@a']);
    // the link from the page to the device names only the host: it says the mapping is by time
    const link = out.chains[0]!.steps[0]!.link!;
    expect(link.strength).toBe('time');
    expect(link.via).toMatch(/^time: 5\dm( [0-9]+s)? before, on host a; the nearest of it and F\d+, alike: nothing names which one F\d+ went through, mapped by time$/);
  });
});

describe('identity candidates', () => {
  const ids = loadInline({
    vol: sig('vol', "{kind: event, regex: '(?<dev>sd[a-z]+) read-only for (?<pvc>pvc-[0-9a-f]{8})'}", 'entities: {dev: device, pvc: pvc}'),
    app: sig('app', "{kind: event, regex: 'app crashed on (?<pvc>pvc-[0-9a-f]{8})'}", 'entities: {pvc: pvc}\ncaused_by:\n  - {id: vol, within: 1d, same: [host], prefer: [pvc]}'),
  });
  const c4 = compileSignatures(ids).compiled;

  it('keeps only the candidates that agree on as much as the best one', () => {
    const e = buildEvidence(
      c4,
      {
        'a/kern.log': [
          'May 28 10:00:00 a kernel: sdb read-only for pvc-3f8d2c61',
          'May 28 10:05:00 a kernel: sdc read-only for pvc-a634b9a3',
          'May 28 10:06:00 a kernel: sdd read-only for pvc-17e6e808',
          'May 28 11:00:00 a kubelet: app crashed on pvc-3f8d2c61',
        ],
      },
      { year: 2026, offsetHours: 0 },
    );
    const out = correlate({ ...e, state: EMPTY_STATE, signatures: c4, displayTz: 'UTC' });
    const app = out.findings.find((f) => f.id === 'app')!;
    expect(app.causes.map((c) => [out.findings.find((f) => f.ref === c.ref)!.captures.dev, c.via])).toEqual([['sdb', 'host=a, pvc=pvc-3f8d2c61']]);
    expect(ids.diagnostics).toEqual([]);
  });
});
