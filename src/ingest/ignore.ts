import { promises as fsp } from 'node:fs';
import path from 'node:path';

/**
 * `.howsignore`: a file in an evidence folder listing entries hows should not read (a sample's
 * README.md and expected.json, notes). One glob per line (`*`, `?`), matched against names in
 * that folder; `#` starts a comment; a trailing `/` matches folders as well as files.
 */
export interface IgnoreRules {
  ignores(name: string): boolean;
  patterns: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

export function parseIgnore(text: string): IgnoreRules {
  const patterns = text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l.length > 0)
    .map((l) => l.replace(/\/$/, ''));
  const res = patterns.map(globToRegExp);
  return { patterns, ignores: (name) => res.some((r) => r.test(name)) };
}

export async function readIgnoreFile(dir: string): Promise<IgnoreRules | undefined> {
  try {
    return parseIgnore(await fsp.readFile(path.join(dir, '.howsignore'), 'utf8'));
  } catch {
    return undefined;
  }
}
