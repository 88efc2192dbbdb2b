import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tables } from './md-structure.js';
import { buildReportModel, renderMarkdown } from '../../src/report/index.js';
import { hostile, HOSTILE_ROOT } from '../fixtures/report/hostile.js';
import { seed001, SAMPLE_ROOT } from '../fixtures/report/seed-001.js';
import { expectWellFormed } from './well-formed.js';

/**
 * Rendering arbitrary strings yields valid Markdown tables, in every table of both reports:
 * every string of an analysis that comes from logs or files (messages, lines, hosts, programs,
 * paths, captures, entities, titles, questions, warnings, assumptions) is replaced by arbitrary
 * text; the PIR and the timeline must keep every table's column count, contain only the tags
 * our Markdown makes, and valid Mermaid (hostile.test.ts does this for one timeline row).
 */

/** Keys whose values the tool itself makes (ids, enums, times, hashes): they stay as they are. */
const TOOL_KEYS = new Set([
  'ref', 'id', 'level', 'role', 'kind', 'source', 'format', 'severity', 'code', 'precision', 'strength', 'sha256', 'status',
  'symptoms', 'members', 'matched', 'explainedBy', 'priority', 'hostSource', 'first', 'last', 'time', 'tz', 'displayTz', 'version', 'name', 'also',
]);

/** Replaces, in a copy, each log-derived string by the next of `pool` (cycling). */
function fill<T>(value: T, pool: readonly string[]): T {
  let i = 0;
  const next = (): string => pool[i++ % pool.length]!;
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') return key !== undefined && TOOL_KEYS.has(key) ? v : next();
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'time' && typeof x === 'object' ? x : walk(x, k)]));
    return v;
  };
  return walk(value, undefined) as T;
}

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'|`\\*_[]()<>&#!~$=-+:."\' \t\n\r{}%;'.split(''), 'a', '1', '<script>', '</td>', '```', '\u001b', '\u202e', '\u0000', '|||', '\\|'), maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

describe('rendering arbitrary strings (fast-check, micromark)', () => {
  const model = (fixture: typeof hostile, root: string, pool: readonly string[]) => {
    const base = fixture();
    return buildReportModel({
      result: { ...base.result, inputs: fill(base.result.inputs, pool), findings: fill(base.result.findings, pool), chains: fill(base.result.chains, pool), warnings: fill(base.result.warnings, pool), assumptions: fill(base.result.assumptions, pool) },
      timeline: fill(base.timeline, pool),
      signatures: base.signatures,
      displayTz: 'UTC',
      all: true,
      sampleRoot: root,
    });
  };

  it('the replaced strings reach the tables of both reports (the property below is not vacuous)', () => {
    const m = model(seed001, SAMPLE_ROOT, ['ZQX']);
    for (const report of ['pir', 'timeline'] as const) {
      const withText = tables(renderMarkdown(m, report)).filter((t) => t.slice(2).some((row) => row.includes('ZQX')));
      expect(withText.length, report).toBeGreaterThanOrEqual(report === 'pir' ? 3 : 1);
    }
  });

  for (const [name, fixture, root] of [['hostile', hostile, HOSTILE_ROOT], ['seed-001', seed001, SAMPLE_ROOT]] as const) {
    it(`every table of the ${name} PIR and timeline keeps its columns; no stray HTML; valid Mermaid`, () => {
      fc.assert(
        fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), (pool) => {
          const m = model(fixture, root, pool);
          for (const report of ['pir', 'timeline'] as const) expectWellFormed(renderMarkdown(m, report));
        }),
        { numRuns: 25, seed: 5 },
      );
    });
  }
});
