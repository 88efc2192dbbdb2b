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
