import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralIndex } from '../../src/signatures/literal-index.js';

describe('LiteralIndex', () => {
  it('finds overlapping literals and literals sharing a start', () => {
    const ix = new LiteralIndex(['abc', 'bcd', 'ab', 'session recovery', 'session recovery timed out', 'zz']);
    expect([...ix.found('xabcdx')].sort()).toEqual(['ab', 'abc', 'bcd']);
    expect([...ix.found('session recovery timed out after 120 secs')].sort()).toEqual(['session recovery', 'session recovery timed out']);
    expect(ix.found('nothing here').size).toBe(0);
  });

  it('agrees with includes() on random texts and literal sets', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ', '(', '.');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 40 }), (lits, text) => {
        const got = [...new LiteralIndex(lits).found(text)].sort();
        const want = [...new Set(lits.filter((l) => text.includes(l)))].sort();
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
