import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Stages in pipeline order: a module may import from its own stage or an earlier one, never a later one.
const ORDER = ['model', 'ingest', 'parse', 'signatures', 'correlate', 'report', 'pipeline', 'cli'];
const SRC = path.resolve(__dirname, '../src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function stageOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!;
}

describe('architecture', () => {
  const files = walk(SRC);

  it('has a folder per pipeline stage and nothing else at the top of src/', () => {
    const top = readdirSync(SRC).filter((n) => statSync(path.join(SRC, n)).isDirectory());
    for (const t of top) expect(ORDER).toContain(t);
  });

  it('imports only point down the pipeline', () => {
    const offences: string[] = [];
    for (const file of files) {
      const from = ORDER.indexOf(stageOf(file));
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+'(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), m[1]!);
        const to = ORDER.indexOf(stageOf(target));
        if (to > from) offences.push(`${path.relative(SRC, file)} imports ${m[1]} (${ORDER[to]} is after ${ORDER[from]})`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps modules small (<= 400 lines)', () => {
    const big = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400).map((f) => path.relative(SRC, f));
    expect(big).toEqual([]);
  });
});
