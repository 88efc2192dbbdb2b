import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileScan, ScannedRecord } from '../../src/model/index.js';
import { prepareSignatures, scanDeps, scanFile } from '../../src/pipeline/index.js';
import { LOG_FORMATS, realLog } from './real-logs.js';

/**
 * The gated scan (literal gate, shape probes, context read apart) against a full parse of the
 * same file with the real formats and the real signature catalogue: every record the gated scan
 * keeps is the full parse's record for that line, field for field; every signature hit of the
 * full parse is kept; lines and unparsed lines are counted the same.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'hows-equiv-'));
const deps = scanDeps(prepareSignatures([], []).compiled);

function comparable(r: ScannedRecord): Omit<ScannedRecord, 'context'> {
  const { context: _context, ...rest } = r;
  return rest;
}

async function both(format: string, seed: number, context: number): Promise<{ gated: FileScan; full: FileScan }> {
  const file = path.join(dir, `${format}-${seed}.log`);
  writeFileSync(file, realLog(format as (typeof LOG_FORMATS)[number], 4000, seed));
  const opts = { all: false, context, as: format, host: 'k8s02', parse: {} };
  const gated = await scanFile({ path: file, size: 0 }, deps, opts);
  const full = await scanFile({ path: file, size: 0 }, deps, { ...opts, all: true });
  return { gated, full };
}

describe('gated scan = full parse on real-looking logs', () => {
  for (const format of LOG_FORMATS) {
    it(`${format}: same records for the lines kept, every hit kept, same counts`, async () => {
      for (const [seed, context] of [
        [1, 2],
        [2, 0],
        [3, 5],
      ] as const) {
        const { gated, full } = await both(format, seed, context);
        expect(gated.input.format).toBe(format);
        expect(gated.input.lines).toBe(full.input.lines);
        expect(gated.input.unparsedLines).toBe(full.input.unparsedLines);
        const unparsed = (s: FileScan): number | undefined => s.diagnostics.find((d) => d.code === 'parse/unparsed-line')?.count;
        expect(unparsed(gated)).toBe(unparsed(full));
        // Several records can start on one line (a goroutine dump's summary and its first bucket).
        const byLine = new Map<number, ScannedRecord[]>();
        for (const r of full.records) byLine.set(r.at.line, [...(byLine.get(r.at.line) ?? []), r]);
        for (const r of gated.records) {
          const f = byLine.get(r.at.line);
          expect(f, `line ${r.at.line} kept by the gated scan`).toBeDefined();
          expect(f!.map(comparable)).toContainEqual(comparable(r));
        }
        const kept = new Set(gated.records.map((r) => r.at.line));
        const hits = full.records.filter((r) => (r.hits?.length ?? 0) > 0);
        expect(hits.length).toBeGreaterThan(10);
        for (const h of hits) expect(kept.has(h.at.line), `hit at line ${h.at.line}`).toBe(true);
        // Context: the records starting within `context` lines of a hit are kept (hits of
        // context-role signatures, such as a pod becoming ready, keep no lines around them).
        const wantsContext = (r: ScannedRecord): boolean => (r.hits ?? []).some((h) => deps.matcher.wantsContext?.(h.id) ?? true);
        expect(hits.filter(wantsContext).length).toBeGreaterThan(5);
        for (const h of hits.filter(wantsContext)) {
          for (const f of full.records) {
            const near = f.at.line >= h.at.line - context && f.at.line <= (h.at.endLine ?? h.at.line) + context;
            if (near) expect(kept.has(f.at.line), `context line ${f.at.line} of hit ${h.at.line}`).toBe(true);
          }
        }
        // And the gate did skip most lines (the point of it).
        expect(gated.records.length).toBeLessThan(full.records.length / 2);
      }
    });
  }
});
