/**
 * YAML parsing with positions: every value of a pattern file can be traced back to
 * `file:line:col` (yaml's LineCounter), so the loader's messages point at the exact field.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Path } from './validate.js';

export interface Position {
  line: number;
  column: number;
}

export interface YamlFile {
  file: string;
  value: unknown;
  /** Position of the value at `path` (or of its key with `atKey`); the nearest existing parent otherwise. */
  locate(path: Path, atKey?: boolean): Position;
  diagnostics: Diagnostic[];
}

// yaml is loaded on first use: a run whose pattern set comes from the cache
// (pipeline/signature-cache.ts) parses no YAML, and importing yaml cost ~35 ms of its start-up.
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

type Ranged = { range?: [number, number, number] | null };

function nodeAt(doc: Yaml.Document, path: Path, atKey: boolean): Ranged | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let found: Ranged | undefined = node as Ranged;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return found;
      if (last && atKey) return pair.key as Ranged;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else return found;
    if (node && (node as Ranged).range) found = node as Ranged;
  }
  return found;
}

/** Parses YAML text; syntax errors become diagnostics (`pattern/yaml`), never exceptions. */
export function parseYaml(text: string, file: string): YamlFile {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number): Position => {
    const lp = lineCounter.linePos(offset);
    return { line: lp.line, column: lp.col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const [list, severity] of [
    [doc.errors, 'error'],
    [doc.warnings, 'warning'],
  ] as const) {
    for (const e of list) {
      const p = pos(e.pos[0]);
      // A tag yaml can not resolve (!!js/function, !!python/object) asks for code: refused, not read as a string.
      const tag = e.code === 'TAG_RESOLVE_FAILED';
      diagnostics.push({
        severity: tag ? 'error' : severity,
        code: 'pattern/yaml',
        reason: e.message.split('\n')[0]!,
        place: { file, line: p.line, column: p.column },
        snippet: text.split('\n')[p.line - 1] ?? '',
        ...(tag ? { help: 'Pattern files are plain data: remove the tag (only strings, numbers, lists and maps are read).' } : {}),
      });
    }
  }
  let value: unknown = null;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'pattern/yaml', reason: (e as Error).message, place: { file, line: 1, column: 1 } });
    }
  }
  return {
    file,
    value,
    diagnostics,
    locate(path, atKey = false) {
      const n = nodeAt(doc, path, atKey);
      return n?.range ? pos(n.range[0]) : { line: 1, column: 1 };
    },
  };
}
