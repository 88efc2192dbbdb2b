// The build precompiles the built-in templates (src/report/precompiled.ts): a spec must render
// exactly what the run-time compile of the same file renders, and is tied to the file's bytes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/index.js';
import { compileTemplate, createEnv, RUNTIME_OPTIONS } from '../../src/report/handlebars-env.js';
import { SPECS_MODULE, sha256, writeSpecs, type PrecompiledSpecs } from '../../src/report/precompiled.js';
import { BUILTIN_TEMPLATES } from '../../src/report/templates.js';
import { linkedChain, LINKED_ROOT } from '../fixtures/report/linked-chain.js';

describe('precompiled built-in templates', () => {
  it('render byte for byte what the run-time compile renders, and carry the sha256 of their file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hows-specs-'));
    const n = writeSpecs(dir);
    const specs = ((await import(pathToFileURL(path.join(dir, SPECS_MODULE)).href)) as { default: PrecompiledSpecs }).default;
    expect(Object.keys(specs)).toHaveLength(n);
    expect(Object.keys(specs)).toContain('pir.md.hbs');
    for (const [rel, { sha256: hash }] of Object.entries(specs)) expect(hash, rel).toBe(sha256(readFileSync(path.join(BUILTIN_TEMPLATES, rel), 'utf8')));

    const model = buildReportModel({ ...linkedChain(), displayTz: 'Australia/Brisbane', all: false, sampleRoot: LINKED_ROOT });
    const partials = Object.keys(specs).filter((r) => r.startsWith('partials/'));
    const render = (main: string, make: (hb: ReturnType<typeof createEnv>, rel: string) => Handlebars.TemplateDelegate): string => {
      const hb = createEnv();
      for (const p of partials) hb.registerPartial(p.slice('partials/'.length, -'.hbs'.length), make(hb, p));
      return make(hb, main)(model, RUNTIME_OPTIONS);
    };
    const compiled = (hb: ReturnType<typeof createEnv>, rel: string): Handlebars.TemplateDelegate => compileTemplate(hb, readFileSync(path.join(BUILTIN_TEMPLATES, rel), 'utf8'));
    const fromSpec = (hb: ReturnType<typeof createEnv>, rel: string): Handlebars.TemplateDelegate => hb.template(specs[rel]!.spec as Parameters<typeof hb.template>[0]);
    for (const main of ['pir.md.hbs', 'timeline.md.hbs']) {
      const expected = render(main, compiled);
      expect(expected.length).toBeGreaterThan(1000);
      expect(render(main, fromSpec)).toBe(expected);
    }
  });
});
