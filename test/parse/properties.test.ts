import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/parse/index.js';
import { k8sFormats } from '../../src/parse/formats/kubectl-index.js';
import { isJournalMarker } from '../../src/parse/formats/journal/markers.js';
import { run } from './helpers.js';

const blank = (l: string): boolean => /^[ \t]*$/.test(l);

/** Arbitrary lines, sample lines, and samples cut or extended at random (no line terminators). */
function lines(samples: readonly string[]): fc.Arbitrary<string[]> {
  const noEol = (s: string): string => s.replace(/[\r\n]/g, ' ');
  const line = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }).map(noEol),
    fc.constantFrom(...samples),
    fc.tuple(fc.constantFrom(...samples), fc.nat(200), fc.string({ maxLength: 20 })).map(([s, n, tail]) => noEol(s.slice(0, n) + tail)),
    fc.constantFrom('', '        indented', '\tTAB led', ' >', '-- Boot 5dffeb08a27344d5ae9e2fc244bbcbc5 --', '{', '}'),
  );
  return fc.array(line, { maxLength: 25 });
}

// Goroutine dumps and kubectl JSON/tables turn lines into buckets and objects, not one record
// per line: they get their own never-throws property below.
const RECORD_PER_LINE = FORMATS.filter((f) => !k8sFormats.includes(f));

describe('multi-line state formats, fed arbitrary lines', () => {
  for (const format of k8sFormats) {
    it(`${format.meta.id}: never throws`, () => {
      fc.assert(
        fc.property(lines(format.meta.samples.length > 0 ? format.meta.samples : ['x']), (input) => {
          expect(() => run(format, input)).not.toThrow();
        }),
        { numRuns: 150, seed: 42 },
      );
    });
  }
});

describe('every format parser, fed arbitrary lines', () => {
  for (const format of RECORD_PER_LINE) {
    it(`${format.meta.id}: never throws and accounts for every non-blank line exactly once`, () => {
      fc.assert(
        fc.property(lines(format.meta.samples), (input) => {
          const r = run(format, input);
          const covered = new Array<number>(input.length + 1).fill(0);
          for (const rec of r.records) {
            for (let l = rec.at.line; l <= (rec.at.endLine ?? rec.at.line); l++) covered[l]!++;
          }
          input.forEach((text, i) => {
            const n = covered[i + 1]!;
            if (blank(text)) expect(n, `blank line ${i + 1}`).toBeLessThanOrEqual(1);
            else if (isJournalMarker(text)) expect(n, `marker line ${i + 1}`).toBeLessThanOrEqual(1);
            else expect(n, `line ${i + 1}: ${JSON.stringify(text)}`).toBe(1);
          });
          expect(r.unparsed).toBe(r.records.filter((x) => x.fields.unparsed === 'true').reduce((s, x) => s + (x.at.endLine ?? x.at.line) - x.at.line + 1, 0));
        }),
        { numRuns: 150, seed: 42 },
      );
    });
  }
});
