import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built-in templates shipped with hows (`templates/` at the package root). */
export const BUILTIN_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export type TemplateName = 'timeline' | 'pir';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['timeline', 'pir'];

/** A template that does not parse or does not fit the report model; names the file. */
export class TemplateError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'TemplateError';
    this.file = file;
  }
}

export interface TemplateFile {
  name: string;
  file: string;
  source: string;
}

export interface TemplateSet {
  main: TemplateFile;
  /** Partials by name: the built-in ones, replaced or extended by the user's. */
  partials: Map<string, TemplateFile>;
}

function partialsIn(dir: string): TemplateFile[] {
  const pdir = path.join(dir, 'partials');
  if (!existsSync(pdir) || !statSync(pdir).isDirectory()) return [];
  return readdirSync(pdir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => {
      const file = path.join(pdir, f);
      return { name: f.slice(0, -'.hbs'.length), file, source: readFileSync(file, 'utf8') };
    });
}

/**
 * The templates for one report. A user directory (`--templates <dir>`) has the built-in
 * layout: `<name>.md.hbs` replaces a whole report, `partials/<partial>.hbs` replaces or adds
 * one partial; anything it does not have falls back to the built-in file.
 * Throws when the user directory does not exist (a usage error the CLI reports).
 */
export function loadTemplates(name: TemplateName, userDir?: string): TemplateSet {
  if (userDir !== undefined && (!existsSync(userDir) || !statSync(userDir).isDirectory())) {
    throw new TemplateError(userDir, 'Unexpected --templates folder: not a directory, expected a folder with <name>.md.hbs and/or partials/*.hbs');
  }
  const dirs = userDir === undefined ? [BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES, userDir];
  const partials = new Map<string, TemplateFile>();
  for (const dir of dirs) for (const p of partialsIn(dir)) partials.set(p.name, p);
  let main: TemplateFile | undefined;
  for (const dir of dirs) {
    const file = path.join(dir, `${name}.md.hbs`);
    if (existsSync(file)) main = { name, file, source: readFileSync(file, 'utf8') };
  }
  if (!main) throw new Error(`template ${name}.md.hbs not found in ${dirs.join(' or ')}`);
  return { main, partials };
}
