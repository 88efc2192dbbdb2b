import path from 'node:path';
import { compileTemplate, createEnv, RUNTIME_OPTIONS } from './handlebars-env.js';
import { sha256, SPECS_MODULE, type PrecompiledSpecs } from './precompiled.js';
import { BUILTIN_TEMPLATES, loadTemplates, TEMPLATE_NAMES, TemplateError, type TemplateFile, type TemplateName, type TemplateSet } from './templates.js';
import type { ReportModel } from './view-model.js';

/**
 * Specs the build wrote into dist/report (absent when running from source: compiled at run
 * time). Found from dist/report and from dist/bundle alike, by a URL the bundler leaves alone.
 */
const specs: PrecompiledSpecs = await import(new URL(`../report/${SPECS_MODULE}`, import.meta.url).href).then(
  (m: { default: PrecompiledSpecs }) => m.default,
  () => ({}),
);

export { TemplateError };

/**
 * Loads and compiles every report template of a `--templates` folder, so that a missing folder
 * or a template that does not parse is reported before a long analysis, not after it.
 */
export function checkTemplates(templatesDir: string): void {
  for (const name of TEMPLATE_NAMES) compiled(loadTemplates(name, templatesDir));
}

function compile(hb: ReturnType<typeof createEnv>, t: TemplateFile): Handlebars.TemplateDelegate {
  const rel = path.relative(BUILTIN_TEMPLATES, t.file).split(path.sep).join('/');
  const pre = specs[rel];
  if (pre && !rel.startsWith('..') && pre.sha256 === sha256(t.source)) return hb.template(pre.spec as Parameters<typeof hb.template>[0]);
  try {
    return compileTemplate(hb, t.source);
  } catch (e) {
    throw new TemplateError(t.file, (e as Error).message);
  }
}

/**
 * Renders a report model to Markdown with the built-in templates, or with those of
 * `templatesDir` where it has them. Same model, same bytes: the output ends with exactly one
 * newline and nothing in it depends on the clock or the machine.
 */
export function renderMarkdown(model: ReportModel, name: TemplateName, opts: { templatesDir?: string } = {}): string {
  const set = loadTemplates(name, opts.templatesDir);
  const template = compiled(set);
  let out: string;
  try {
    out = template(model, RUNTIME_OPTIONS);
  } catch (e) {
    throw new TemplateError(set.main.file, `${(e as Error).message} (rendering ${name}, in this template or a partial it uses)`);
  }
  // trimEnd, not /\s+$/: the regex backtracks at every space of a 1.5 MB timeline and hits the
  // linear-engine fallback (bin/hows.js): 2.1 s measured on the 100 MB bench corpus, trimEnd 0 ms.
  return `${out.trimEnd()}\n`;
}

// Compiled template sets by their exact sources (files are read on every call, so an edited
// template is never served stale); helpers hold no state, so a set can be reused.
const CACHE_SIZE = 8;
const cache = new Map<string, Handlebars.TemplateDelegate>();

function compiled(set: TemplateSet): Handlebars.TemplateDelegate {
  const files = [set.main, ...set.partials.values()];
  const key = files.map((f) => `${f.name}\u0000${f.file}\u0000${f.source}`).join('\u0001');
  const hit = cache.get(key);
  if (hit) return hit;
  const hb = createEnv();
  for (const [pname, t] of set.partials) hb.registerPartial(pname, compile(hb, t));
  const template = compile(hb, set.main);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, template);
  return template;
}
