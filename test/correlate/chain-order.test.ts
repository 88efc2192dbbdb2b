// Chains come most important first (the PIR's title is the first chain's): the highest level of
// any step, then the longer chain, then the earlier symptom.
import { describe, expect, it } from 'vitest';
import { correlate, EMPTY_STATE } from '../../src/correlate/index.js';
import { spanText } from '../../src/correlate/link.js';
import { compileSignatures } from '../../src/signatures/index.js';
import { loadInline, sig } from '../signatures/helpers.js';
import { buildEvidence } from './evidence.js';

const ev = (id: string, level: string, extra = ''): string =>
  extra.startsWith('regex2')
    ? sig(id, `{kind: event, regex: '${id} happened to (?<pod>[a-z]+)'}`, `entities: {pod: pod}${extra.slice('regex2'.length)}`).replace('level: low', `level: ${level}`)
    : sig(id, `{kind: event, regex: '${id} happened'}`, extra).replace('level: low', `level: ${level}`);
const set = loadInline({
  nuisance: ev('nuisance', 'medium'),
  root: ev('root', 'medium'),
  middle: ev('middle', 'medium', 'caused_by:\n  - {id: root, within: 1h}'),
  outage: ev('outage', 'medium', 'caused_by:\n  - {id: middle, within: 1h}'),
  disk: ev('disk', 'high'),
  freeze: ev('freeze', 'critical'),
  lag: ev('lag', 'medium', 'caused_by:\n  - {id: freeze, within: 1h}'),
  pending: ev('pending', 'high', "regex2\ngroup: {by: [host, pod], gap: 1h}\ncaused_by:\n  - {id: freeze, within: 1h}"),
  quiet: ev('quiet', 'medium', "regex2\ngroup: {by: [host, pod], gap: 1h}\ncaused_by:\n  - {id: freeze, within: 1h}"),
});
const { compiled } = compileSignatures(set);

function titles(lines: string[]): string[] {
  const e = buildEvidence(compiled, { 'h1/syslog': lines }, { year: 2026, offsetHours: 0 });
  const out = correlate({ ...e, state: EMPTY_STATE, signatures: compiled, displayTz: 'UTC' });
  return out.chains.map((c) => `${c.id}:${c.title}`);
}

describe('chain order', () => {
  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('puts the highest level first, then the longer chain, then the earlier symptom', () => {
    expect(
      titles([
        'May 28 10:00:00 h1 app: nuisance happened',
        'May 28 10:01:00 h1 app: root happened',
        'May 28 10:02:00 h1 app: middle happened',
        'May 28 10:03:00 h1 app: outage happened',
        'May 28 10:04:00 h1 app: disk happened',
      ]),
    ).toEqual(['C1:disk', 'C2:outage', 'C3:nuisance']);
  });

  it("breaks ties by the symptom's own level, then by the number of symptoms", () => {
    // three chains from one frozen cache, all critical and two steps long
    expect(
      titles([
        'May 28 10:00:00 h1 app: freeze happened',
        'May 28 10:01:00 h1 app: lag happened',
        'May 28 10:01:00 h1 app: quiet happened to a',
        'May 28 10:01:00 h1 app: quiet happened to b',
        'May 28 10:02:00 h1 app: pending happened to a',
      ]),
    ).toEqual(['C1:pending', 'C2:quiet', 'C3:lag']);
  });

  it('orders chains of one level and length by time', () => {
    expect(titles(['May 28 10:05:00 h1 app: disk happened', 'May 28 10:00:00 h1 app: nuisance happened', 'May 28 10:01:00 h1 app: root happened'])).toEqual([
      'C1:disk',
      'C2:nuisance',
      'C3:root',
    ]);
  });
});

describe('time links', () => {
  it('say how far apart the two sides are in a reader’s units', () => {
    expect([0, 4e6, 304e6, 3600e6, 6143e6, 90000e6, 172800e6].map(spanText)).toEqual(['0s', '4s', '5m 4s', '1h', '1h 42m', '1d 1h', '2d']);
  });
});
