// The regression the project lives by: `hows check` passes on every sample incident (its
// expected.json, written from the seed documents), run through the built CLI as CI runs it:
// one run over every sample folder, then one verdict per sample.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, hows } from './run-bin.js';

const SAMPLES = readdirSync(path.join(ROOT, 'samples'))
  .filter((d) => statSync(path.join(ROOT, 'samples', d)).isDirectory())
  .sort();

describe('hows check on every sample', () => {
  const run = hows(['check', ...SAMPLES.map((s) => path.join('samples', s))], { timeout: 300_000 });
  const out = `${run.stdout}${run.stderr}`;

  it('has the samples', () => expect(SAMPLES.length).toBeGreaterThanOrEqual(7));

  it.each(SAMPLES)('%s matches its expected.json', (name) => {
    // the sample's verdict line, and the difference lines under it when it failed
    const block = new RegExp(`^(ok|FAIL) +samples/${name}\\b[^\\n]*(\\n {6}[^\\n]*)*`, 'm').exec(out)?.[0];
    expect(block, out).toMatch(/^ok /);
  });

  it('exits 0', () => expect(run.code, out).toBe(0));
});
