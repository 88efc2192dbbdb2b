import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERY_LINE, decodeLine, literalGate, binaryVerdict } from '../../src/ingest/index.js';

function lines(gate: ReturnType<typeof literalGate>, text: string): string[] {
  const out: string[] = [];
  gate.scan(text, (s, e) => out.push(text.slice(s, e)));
  return out;
}

describe('literalGate', () => {
  const text = 'noise one\nEXT4-fs (sdb): Remounting filesystem read-only\nnoise two\nconn error (1020) and EXT4-fs twice\nlast EXT4-fs';
  it('selects each line holding a literal once, in order, including an unterminated last line', () => {
    expect(lines(literalGate(['EXT4-fs', 'conn error (10']), text)).toEqual([
      'EXT4-fs (sdb): Remounting filesystem read-only',
      'conn error (1020) and EXT4-fs twice',
      'last EXT4-fs',
    ]);
  });
  it('selects exactly the lines a naive search selects, for any mix of long and short literals (fast-check)', () => {
    // Short literals (under 10 bytes) take indexOf or a regex when there are few, Wu-Manber when
    // there are many; long ones always Wu-Manber; several paths are merged in line order.
    const lit = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', ':', '('), minLength: 3, maxLength: 9 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', ':'), minLength: 10, maxLength: 14 }));
    fc.assert(
      fc.property(
        fc.uniqueArray(lit, { minLength: 1, maxLength: 8 }).chain((lits) =>
          fc.tuple(fc.constant(lits), fc.array(fc.oneof(fc.constantFrom(...lits), fc.constantFrom('a', 'b', 'c', ' ', ':', '(', '\n', '\n', 'x'), fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', ':'), maxLength: 16 })), { maxLength: 200 })),
        ),
        ([lits, pieces]) => {
        const text = pieces.join('');
        const naive = text.split('\n').filter((l) => lits.some((x) => l.includes(x)));
        // A trailing empty line after the last '\n' holds nothing and is never selected.
        expect(lines(literalGate(lits), text)).toEqual(naive);
        // With a sample the gate times its ways of finding few short literals (indexOf per
        // literal, one regex alternation) and keeps the faster: either finds the same lines.
        const sample = `${text}\n`.repeat(Math.ceil(4096 / (text.length + 1)));
        expect(lines(literalGate(lits, [sample]), text)).toEqual(naive);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('finds the same lines on the bytes a block was decoded from as on its latin1 text (fast-check)', () => {
    // The feeder hands the gate each block's bytes; positions are the text's (one char per
    // byte). High bytes (UTF-8 of 'é', a lone 0xff) and a cut line (text ends in a '\n' its
    // bytes lack) included.
    const unit = fc.constantFrom('a', 'b', ' ', ':', '\n', 'é', '\u00ff', 'x');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', 'é'), minLength: 10, maxLength: 13 }), { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(unit, fc.string({ unit, maxLength: 14 })), { maxLength: 120 }), fc.boolean(), (lits, pieces, cut) => {
        const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
        const bytes = Buffer.from(latin1(pieces.join('') + lits.join('\n')), 'latin1');
        const text = bytes.toString('latin1') + (cut ? '\n' : '');
        const gate = literalGate(lits.map(latin1));
        const seen = (b?: Uint8Array): Array<[number, number]> => {
          const out: Array<[number, number]> = [];
          gate.scan(text, (s, e) => out.push([s, e]), b);
          return out;
        };
        const naive: Array<[number, number]> = [];
        for (let start = 0; start < text.length; ) {
          let end = text.indexOf('\n', start);
          if (end === -1) end = text.length;
          if (gate.literals.some((l) => text.slice(start, end).includes(l))) naive.push([start, end]);
          start = end + 1;
        }
        expect(naive.length).toBeGreaterThan(0);
        expect(seen(bytes)).toEqual(naive);
        expect(seen()).toEqual(naive);
      }),
      { numRuns: 200 },
    );
  });
  it('escapes regex metacharacters in literals', () => {
    expect(lines(literalGate(['(1020)']), text)).toEqual(['conn error (1020) and EXT4-fs twice']);
  });
  it('selects nothing with no literals and everything with EVERY_LINE', () => {
    expect(lines(literalGate([]), text)).toEqual([]);
    const all: string[] = [];
    EVERY_LINE.scan('a\nb\n', (s, e) => all.push('a\nb\n'.slice(s, e)));
    expect(all).toEqual(['a', 'b']);
  });
});

describe('decodeLine', () => {
  it('strips CR and decodes UTF-8, flagging invalid bytes', () => {
    expect(decodeLine('plain\r')).toEqual({ text: 'plain', crlf: true, invalidUtf8: false });
    const utf8 = Buffer.from('naïve café', 'utf8').toString('latin1');
    expect(decodeLine(utf8)).toEqual({ text: 'naïve café', crlf: false, invalidUtf8: false });
    const bad = Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x00, 0x21]).toString('latin1');
    const d = decodeLine(bad);
    expect(d.invalidUtf8).toBe(true);
    expect(d.text).toBe('ok\ufffd\ufffd\u0000!');
  });
});

describe('binaryVerdict', () => {
  it('flags binary heads but keeps text with a stray NUL', () => {
    expect(binaryVerdict(Buffer.from('LPKSHHRH\0\0\0\0'))?.what).toMatch(/journal/);
    expect(binaryVerdict(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))?.what).toMatch(/ELF/);
    expect(binaryVerdict(Buffer.alloc(4096, 0))).toBeDefined();
    expect(binaryVerdict(Buffer.from('May 28 20:21:04 k8s02 kernel: a\0b\n'.repeat(50)))).toBeUndefined();
  });
});
