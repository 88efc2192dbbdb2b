import { describe, expect, it } from 'vitest';
import { k8sFormats } from '../../../src/parse/formats/kubectl-index.js';
import { run } from './helpers.js';

describe('issue-4 format samples', () => {
  for (const format of k8sFormats) {
    it(`${format.meta.id}: samples sniff to it, beat the other formats, and parse with records and nothing unparsed`, () => {
      const samples = format.meta.samples;
      const score = format.sniff(samples);
      expect(score).toBeGreaterThan(0.8);
      for (const other of k8sFormats) if (other !== format) expect(other.sniff(samples)).toBeLessThan(score);
      const cap = run(format, samples.join('\n'), 'samples.txt', { mtimeMicros: 1 });
      expect(cap.records.filter((r) => r.fields.unparsed === 'true')).toEqual([]);
      expect(cap.records.length).toBeGreaterThan(0);
      expect(format.gateable).toBe(false);
    });
  }
});
