import { describe, expect, it } from 'vitest';
import {
  checkOverrides,
  compileCondition,
  durationTerms,
  formatDuration,
  paramValue,
  parseDuration,
  parseParamArgs,
  resolveDuration,
} from '../../src/signatures/index.js';
import { loadInline, sig } from './helpers.js';

describe('durations (Sigma timespan)', () => {
  it.each([
    ['500ms', 500e3],
    ['5s', 5e6],
    ['1.5m', 90e6],
    ['2h', 7200e6],
    ['1d', 86400e6],
    ['1w', 604800e6],
  ])('parses %s', (text, micros) => {
    expect(parseDuration(text)).toBe(micros);
  });
  it.each(['5', '5 s', '5sec', '-5s', ''])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
  it('formats the shortest exact spelling', () => {
    expect([120e6, 1.5e6, 3600e6, 304e6].map(formatDuration)).toEqual(['2m', '1500ms', '1h', '304s']);
  });
});

describe('params', () => {
  const set = loadInline({
    flap: sig(
      'flap',
      '{kind: event, regex: \'conn error \\((?<code>[0-9]+)\\)\'}',
      "params: {window: 5s, threshold: 3, recovery: {default: 120s, from: {id: timeout, capture: secs, unit: s}}}\ncaused_by: [{id: timeout, within: $window}]",
    ),
    timeout: sig('timeout', "{kind: event, regex: 'timed out after (?<secs>[0-9]+) secs'}"),
  });
  const flap = set.signatures.find((s) => s.id === 'flap')!;

  it('loads', () => expect(set.diagnostics).toEqual([]));

  it('resolves $param references, with command-line overrides first', () => {
    expect(resolveDuration('$window', flap)?.micros).toBe(5e6);
    const over = { name: 'window', value: '10s', origin: 'override' };
    expect(resolveDuration('$window', flap, { 'flap.window': '10s' })).toEqual({ micros: 10e6, param: over, params: [over] });
    expect(resolveDuration('2m', flap)).toEqual({ micros: 120e6, params: [] });
  });

  it('resolves duration expressions: sums and differences of durations and params', () => {
    expect(durationTerms('$recovery + $window')).toEqual([
      { sign: 1, term: '$recovery' },
      { sign: 1, term: '$window' },
    ]);
    expect(durationTerms('$recovery-30s')).toEqual([
      { sign: 1, term: '$recovery' },
      { sign: -1, term: '30s' },
    ]);
    expect(['$a +', '+ 5s', '5s + 5 s', '$a * 2', '5s ++ 5s'].map(durationTerms)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(resolveDuration('$recovery + $window', flap)?.micros).toBe(125e6);
    // the recovery timeout read from evidence (300 secs), plus the slack
    const lookup = () => ({ value: '300', note: 'timeout at kern.log:9' });
    const r = resolveDuration('$recovery + $window + 1m', flap, {}, lookup)!;
    expect(r.micros).toBe(365e6);
    expect(r.params.map((p) => [p.name, p.value, p.origin])).toEqual([
      ['recovery', '300s', 'evidence'],
      ['window', '5s', 'file'],
    ]);
    expect(resolveDuration('$window - 1m', flap)?.micros).toBe(0);
  });

  it('reads a param from evidence, falling back to its default', () => {
    expect(paramValue(flap, 'recovery')).toEqual({ value: '120s', origin: 'default' });
    const lookup = () => ({ value: '300', note: 'timeout at kern.log:9' });
    expect(paramValue(flap, 'recovery', {}, lookup)).toEqual({ value: '300s', origin: 'evidence', note: 'timeout at kern.log:9' });
    expect(paramValue(flap, 'recovery', { 'flap.recovery': '30s' }, lookup)).toEqual({ value: '30s', origin: 'override' });
  });

  it('parses --param arguments and checks them against the signatures', () => {
    const { params, diagnostics } = parseParamArgs(['flap.window=10s', 'nonsense', 'flap.threshold=x', 'nope.window=1s', 'flap.size=1', 'flap.window=ten']);
    expect(diagnostics.map((d) => d.reason)).toEqual(['Unexpected --param "nonsense", expected <signature-id>.<name>=<value>']);
    expect(checkOverrides(params, set.signatures).map((d) => d.reason)).toEqual([
      'Unexpected --param flap.window=ten, expected a duration like 5s, 2m, 1h',
      'Unexpected --param flap.threshold=x, expected a number',
      'Unexpected --param nope.window: no signature "nope"',
      'Unexpected --param flap.size: flap has no param "size", must be: window, threshold, recovery',
    ]);
  });

  it('refuses undeclared $params and non-duration params used as durations at load', () => {
    const bad = loadInline({
      x: sig('x', "{kind: burst, of: x2, count: '>=2', within: $win}", 'params: {win: lots}'),
      x2: sig('x2', "{kind: event, regex: 'abc'}"),
      y: sig('y', "{kind: event, regex: 'abc'}", 'caused_by: [{id: x2, within: $nope}]'),
      z: sig('z', "{kind: event, regex: 'abc'}", "params: {slack: 1m}\ncaused_by: [{id: x2, within: '$slack + $gone'}]"),
    });
    expect(bad.diagnostics.map((d) => d.reason)).toEqual([
      'params.win "lots" is used as a duration (match.within), must be like 5s, 2m, 1h',
      'caused_by[0].within: $nope is not declared in params, must be one of: (none)',
      'caused_by[0].within: $gone is not declared in params, must be one of: slack',
    ]);
  });
});

describe('conditions', () => {
  const s = loadInline({ c: sig('c', "{kind: event, regex: 'abc'}", 'params: {min: 2}') }).signatures[0]!;
  const c = (cond: Parameters<typeof compileCondition>[0]) => compileCondition(cond, s);
  it('compares literals, numbers numerically and lists by any item', () => {
    expect(c('E')('E')).toBe(true);
    expect(c(1)('1')).toBe(true);
    expect(c({ gt: '$min' })('10')).toBe(true);
    expect(c({ gt: '$min' })('2')).toBe(false);
    expect(c({ gte: 2, lt: 5 })(4)).toBe(true);
    expect(c({ in: ['a', 'b'] })(['x', 'b'])).toBe(true);
    expect(c({ ne: 'a' })(['a'])).toBe(false);
    expect(c({ contains: 'WaitForAttach' })('x\nk8s.io/...WaitForAttachAndMount\ny')).toBe(true);
    expect(c({ regex: '^select$' })('select')).toBe(true);
    expect(c({ exists: true })(undefined)).toBe(false);
    expect(c({ exists: false })(undefined)).toBe(true);
  });
  it('compares times with the snapshot for older_than, and fails without one', () => {
    const now = Date.parse('2026-05-28T12:00:00Z') * 1000;
    expect(c({ older_than: '5m' })('2026-05-28T11:50:00Z', { nowMicros: now })).toBe(true);
    expect(c({ older_than: '5m' })('2026-05-28T11:58:00Z', { nowMicros: now })).toBe(false);
    expect(c({ older_than: '5m' })('2026-05-28T11:50:00Z')).toBe(false);
  });
});
