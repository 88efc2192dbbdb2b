import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../src/model/index.js';
import { RecordKeeper, type RecordMatcher } from '../../src/pipeline/record-keeper.js';

/** Line n of a syslog-ish file whose message is `text`. */
function rec(n: number, text: string): ParsedRecord {
  return { stamp: { kind: 'none' } as ParsedRecord['stamp'], source: 'syslog', format: 'syslog-rfc3164', message: text, raw: text, at: { file: 'f.log', line: n, offset: n * 100 } } as ParsedRecord;
}

/** `PROBLEM` lines hit a problem signature, `READY` lines a context-role one. */
const matcher: RecordMatcher = {
  match: (r) => (r.message.includes('PROBLEM') ? [{ id: 'problem', captures: {} }] : r.message.includes('READY') ? [{ id: 'ready', captures: {} }] : []),
  wantsContext: (id) => id !== 'ready',
};

function keep(lines: string[], context: number, m: RecordMatcher = matcher): Array<[number, string]> {
  const k = new RecordKeeper(m, context, false);
  lines.forEach((t, i) => k.add(rec(i + 1, t)));
  return k.kept.map((r) => [r.at.line, r.hits?.length ? `hit:${r.hits[0]!.id}` : r.context ? 'context' : 'kept']);
}

describe('RecordKeeper: hits and the lines around them', () => {
  const lines = ['a', 'b', 'PROBLEM', 'c', 'd', 'e', 'f', 'READY', 'g', 'h', 'i', 'j'];

  it('keeps `context` lines around a problem hit, and none around a context-role hit', () => {
    expect(keep(lines, 1)).toEqual([
      [2, 'context'],
      [3, 'hit:problem'],
      [4, 'context'],
      [8, 'hit:ready'],
    ]);
  });

  it('keeps a context-role hit inside a problem hit\'s window as a hit, once', () => {
    expect(keep(['a', 'PROBLEM', 'READY', 'b', 'c'], 2)).toEqual([
      [1, 'context'],
      [2, 'hit:problem'],
      [3, 'hit:ready'],
      [4, 'context'],
    ]);
  });

  it('without wantsContext every hit keeps its context (grep -C)', () => {
    const plain: RecordMatcher = { match: matcher.match };
    expect(keep(lines, 1, plain).map(([n]) => n)).toEqual([2, 3, 4, 7, 8, 9]);
  });
});

describe('RecordKeeper: records are marked, not copied', () => {
  // A copy per kept record (`{ ...record, hits }`) cost ~400 bytes of hidden class per record
  // in V8; the keeper owns what the parser emits and marks it in place.
  it('keeps the very record objects it was given, with hits and context flags set on them', () => {
    const k = new RecordKeeper(matcher, 1, false);
    const given = ['a', 'PROBLEM', 'b', 'c', 'READY'].map((t, i) => rec(i + 1, t));
    for (const r of given) k.add(r);
    const kept = k.kept;
    expect(kept.map((r) => r.at.line)).toEqual([1, 2, 3, 5]);
    for (const r of kept) expect(given).toContain(r);
    expect(given[1]!).toMatchObject({ hits: [{ id: 'problem' }] });
    expect(given[0]!.context).toBe(true);
    expect(given[2]!.context).toBe(true);
    expect(given[3]!.context).toBeUndefined();
    expect(given[4]!).toMatchObject({ hits: [{ id: 'ready' }] });
  });
});
