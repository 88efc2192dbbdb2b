import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureSchema, signatureSchemaJson } from '../../src/signatures/schema.js';
import { SchemaValidator } from '../../src/signatures/validate.js';

const ROOT = path.resolve(__dirname, '../..');

describe('patterns/schema.json', () => {
  it('is generated from src/signatures/schema.ts (run `npx vitest run test/signatures/schema.test.ts -u` after changing it)', async () => {
    await expect(signatureSchemaJson()).toMatchFileSnapshot(path.join(ROOT, 'patterns/schema.json'));
  });
});

describe('SchemaValidator', () => {
  const v = new SchemaValidator(signatureSchema);
  const base = {
    id: 'x-y',
    title: 't',
    description: 'd',
    level: 'high',
    match: { kind: 'event', regex: 'abc' },
    how: 'h',
    answer: 'a',
    examples: { match: ['a', 'b'], no_match: ['c'] },
  };
  const msgs = (doc: unknown): string[] => v.validate(doc).map((e) => e.message);

  it('accepts a minimal signature', () => {
    expect(msgs(base)).toEqual([]);
  });

  it('says what was expected, in words', () => {
    expect(msgs({ ...base, level: 'hi' })).toEqual(['unknown level "hi", must be: info, low, medium, high, critical']);
    expect(msgs({ ...base, title: 3 })).toEqual(['title must be a string, got an integer']);
    expect(msgs({ ...base, match: { kind: 'bursty' } })).toEqual(['unknown match.kind "bursty", must be: event, burst, sequence, absence, state']);
    expect(msgs({ ...base, match: { kind: 'burst', of: 'a', count: 'lots', within: '1 sec' } })).toEqual([
      'match.count "lots" is not a count like \'>=6\', \'>5\' or 6',
      'match.within "1 sec" is not a duration like 500ms, 5s, 2m, 1h, 1d, a $param, or a sum like $timeout + 30s',
    ]);
    expect(msgs({ ...base, match: { kind: 'absence', of: 'a', within: '2m' } })).toEqual(['missing required field "not_followed_by" in match']);
    expect(msgs({ ...base, extra: 1 })[0]).toMatch(/^unknown field "extra", must be one of: id, title, /);
    expect(msgs({ ...base, examples: { match: [{ line: 'a', expect: { x: 1 } }], no_match: [] } })).toEqual(['examples.match[0].expect.x must be a string, got an integer']);
    expect(msgs({ ...base, caused_by: [{ id: 'Bad_Id', within: '5s' }] })).toEqual(['caused_by[0].id "Bad_Id" is not a kebab-case id like ext4-ro-remount']);
    expect(msgs({ ...base, params: { 'bad-name': 1 } })).toEqual(['name "bad-name" in params must match ^[A-Za-z_][A-Za-z0-9_]*$']);
  });

  it('accepts every match kind and params read from evidence', () => {
    const ok = (match: unknown, extra: object = {}): void => expect(msgs({ ...base, match, ...extra })).toEqual([]);
    ok({ kind: 'burst', of: 'a', count: '>=6', within: '1s', group_by: ['host'] });
    ok({ kind: 'sequence', steps: ['a', ['b', 'c'], 'd'], within: '10m', same: ['host', 'device'] });
    ok({ kind: 'absence', of: 'a', not_followed_by: ['b'], recovered_by: ['r'], within: '$t', same: ['host'] }, { params: { t: { default: '120s', from: { id: 'b', capture: 'secs', unit: 's' } } } });
    ok({ kind: 'state', object: 'ReplicaSet', where: { 'status.terminatingReplicas': { gt: 0 } }, join: { pods: { relation: 'selected-pods', count: 0 } }, compare: ['spec.nodeName == ctrl.spec.nodeName'] });
    ok({ kind: 'event', where: { 'klog.file': 'taint_eviction.go', pod: { exists: true } } });
  });
});
