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
