import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { PatternSet } from '../signatures/index.js';

/**
 * A cache of loaded pattern sets, keyed by everything the load reads: the pattern files'
 * names and bytes, the folders and files as given, the working directory, and the code that
 * loads them (the signatures stage's modules, the yaml package, Node's serializer). A changed
 * byte anywhere is a different key, so a cached set is never stale; a cache that can not be
 * read or written is ignored. HOWS_NO_CACHE=1 turns it off; HOWS_CACHE_DIR moves it (default
 * $XDG_CACHE_HOME/hows or ~/.cache/hows).
 *
 * Why (measured on this 2-core box under load): loading and validating the 78 catalogue
 * files takes 0.7-2.8 s (YAML parsing, schema and cross-file checks); hashing the same files
 * and deserializing the cached set 15-35 ms. Every `hows` run paid it, which alone is 3-10x
 * grep's time over the 100 MB bench corpus.
 */

const FORMAT = 1;

function cacheDir(): string | undefined {
  if (process.env.HOWS_NO_CACHE === '1') return undefined;
  if (process.env.HOWS_CACHE_DIR) return process.env.HOWS_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : '');
  return base ? path.join(base, 'hows') : undefined;
}

function addTree(hash: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    hash.update(`\u0000unreadable ${dir}`);
    return;
  }
  for (const name of names) {
    const p = path.join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      continue;
    }
    if (isDir) addTree(hash, p, keep);
    else if (keep(name)) addFile(hash, p);
  }
}

function addFile(hash: ReturnType<typeof createHash>, file: string): void {
  hash.update(`\u0000${file}\u0000`);
  try {
    hash.update(readFileSync(file));
  } catch {
    hash.update('\u0000unreadable');
  }
}

/** The code that turns pattern files into a PatternSet: its bytes are part of the key. */
function loaderKey(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  addTree(hash, path.join(here, '../signatures'), (n) => /\.(js|ts)$/.test(n));
  addTree(hash, path.join(here, '../model'), (n) => /\.(js|ts)$/.test(n));
  const require = createRequire(import.meta.url);
  hash.update(`yaml ${(require('yaml/package.json') as { version: string }).version} v8 ${process.versions.v8} format ${FORMAT}`);
  return hash.digest('hex');
}

/** `load()` unless a set loaded from the same bytes by the same code is in the cache. */
export function cachedPatternSet(dirs: readonly string[], files: readonly string[], load: () => PatternSet): PatternSet {
  const dir = cacheDir();
  if (!dir) return load();
  let file: string;
  try {
    const hash = createHash('sha256');
    hash.update(loaderKey());
    // Paths in the set are as given: relative ones depend on the working directory.
    if ([...dirs, ...files].some((p) => !path.isAbsolute(p))) hash.update(`\u0000${process.cwd()}`);
    for (const d of dirs) {
      hash.update(`\u0001dir ${d}`);
      addTree(hash, d, (n) => /\.ya?ml$/.test(n));
    }
    for (const f of files) addFile(hash, f);
    file = path.join(dir, `patterns-${hash.digest('hex').slice(0, 32)}.v8`);
  } catch {
    return load();
  }
  try {
    return deserialize(readFileSync(file)) as PatternSet;
  } catch {
    // not cached yet (or unreadable): load and try to keep it
  }
  const set = load();
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(set), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // a read-only home or a set that does not serialize: run without the cache
  }
  return set;
}
