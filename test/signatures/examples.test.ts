// Every example of the fixture patterns through the one generic runner (RuleTester), with the
// real parse stage (sniffing, every format, embedded dumps, the cluster state model): the same
// wiring as `hows patterns test`.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { compileSignatures, loadPatterns } from '../../src/signatures/index.js';
import { testExamples } from '../../src/correlate/index.js';
import { exampleParsers } from '../../src/cli/commands/patterns.js';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/patterns/cascade');

describe('fixture pattern examples', () => {
  const set = loadPatterns([FIXTURES], { files: [path.join(ROOT, 'patterns/entities.yml')] });
  it('load without diagnostics', () => {
    expect(set.diagnostics).toEqual([]);
    expect(set.signatures.length).toBe(16);
  });
  const { compiled } = compileSignatures(set);
  const { parseLine, parseText, loadState } = exampleParsers();
  const reports = testExamples(compiled, parseLine, { parseText, loadState });
  it.each(reports.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    expect(r.failures).toEqual([]);
    expect(r.examples).toBeGreaterThanOrEqual(3);
  });
});
