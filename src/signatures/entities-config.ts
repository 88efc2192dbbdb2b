/**
 * `patterns/entities.yml`: how entity values are found in any matched line, normalised,
 * derived from one another and compared. Data, so that the engine knows nothing about PVC ids or
 * iSCSI connection numbers. Loaded and validated like a signature file.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { ENTITY_KINDS, type EntityKind } from '../model/signature.js';
import type { JsonSchema } from './schema.js';
import { checkRegex } from './safe-regex.js';
import { requiredLiterals } from './literals.js';
import { SchemaValidator, pathLabel, type Path } from './validate.js';
import type { YamlFile } from './yaml-doc.js';

export interface KindRule {
  /** `prefix`: a value names the same thing as a longer one it is a `-`-bounded prefix of. */
  compare: 'exact' | 'prefix';
  lowercase: boolean;
  /** Tried in order; the first that matches the whole value replaces it by its `value` capture. */
  normalize: RegExp[];
}

export interface Extractor {
  kind: EntityKind;
  /** Global regex with a `value` capture, run over the message of every matched line. */
  regex: RegExp;
  /** Required literals gating the regex (null: always run). */
  literals: string[] | null;
}

export interface Derivation {
  from: EntityKind;
  kind: EntityKind;
  regex: RegExp;
  /**
   * Bind the two values as aliases (default). False for a many-to-one derivation (a pod names
   * its namespace, but the namespace does not name the pod).
   */
  bind: boolean;
}

/**
 * Entities named by the path of the file a line was read from (a CRI container log under
 * `pods/<namespace>_<pod>_<uid>/<container>/N.log` names its pod, namespace and container).
 */
export interface PathRule {
  /** Matched against the file path with `/` separators. */
  regex: RegExp;
  /** Entity kind -> value template: `{{capture}}` placeholders of the regex. */
  entities: Array<{ kind: EntityKind; template: string }>;
}

/**
 * Entities named by a structured field of a record (a kubectl event's `involvedObject`,
 * `Pod media/sonarr-...`): the regex runs on the field's whole value.
 */
export interface FieldRule {
  field: string;
  kind: EntityKind;
  /** A regex with a `value` capture. */
  regex: RegExp;
}

export interface EntityConfig {
  kinds: Partial<Record<EntityKind, KindRule>>;
  extract: Extractor[];
  derive: Derivation[];
  paths: PathRule[];
  fields: FieldRule[];
}

export const EMPTY_ENTITY_CONFIG: EntityConfig = { kinds: {}, extract: [], derive: [], paths: [], fields: [] };

/** The entities the structured fields of a record name (`fields` rules). */
export function fieldEntities(config: EntityConfig, fields: Readonly<Record<string, string>>): Array<{ kind: EntityKind; value: string }> {
  const out: Array<{ kind: EntityKind; value: string }> = [];
  for (const rule of config.fields) {
    const v = fields[rule.field];
    const value = v === undefined ? undefined : rule.regex.exec(v)?.groups?.value;
    if (value) out.push({ kind: rule.kind, value });
  }
  return out;
}

/** The entities a file path names under the `paths` rules (the first rule that matches). */
export function pathEntities(config: EntityConfig, file: string): Array<{ kind: EntityKind; value: string }> {
  const norm = file.replace(/\\/g, '/');
  for (const rule of config.paths) {
    const m = rule.regex.exec(norm);
    if (!m?.groups) continue;
    const groups = m.groups;
    return rule.entities
      .map(({ kind, template }) => ({ kind, value: template.replace(/\{\{([A-Za-z0-9_]+)\}\}/g, (_, n: string) => groups[n] ?? '') }))
      .filter((e) => e.value !== '');
  }
  return [];
}

const kindEnum = { enum: [...ENTITY_KINDS] };
const regexStr = { type: 'string', minLength: 1, 'x-expect': 'a regex with a (?<value>...) capture' };

export const entitiesSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kinds: {
      type: 'object',
      propertyNames: { pattern: `^(${ENTITY_KINDS.join('|')})$` },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          compare: { enum: ['exact', 'prefix'] },
          lowercase: { type: 'boolean' },
          normalize: { type: 'array', items: regexStr },
        },
      },
    },
    extract: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['kind', 'regex'], properties: { kind: kindEnum, regex: regexStr } },
    },
    derive: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'kind', 'regex'],
        properties: { from: kindEnum, kind: kindEnum, regex: regexStr, bind: { type: 'boolean' } },
      },
    },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'kind', 'regex'],
        properties: { field: { type: 'string', minLength: 1, 'x-expect': 'a record field name such as involvedObject' }, kind: kindEnum, regex: regexStr },
      },
    },
    paths: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['regex', 'entities'],
        properties: {
          regex: { type: 'string', minLength: 1, 'x-expect': 'a regex with named captures' },
          entities: {
            type: 'object',
            propertyNames: { pattern: `^(${ENTITY_KINDS.join('|')})$` },
            additionalProperties: { type: 'string', minLength: 1, 'x-expect': "a value template such as '{{ns}}/{{name}}'" },
          },
        },
      },
    },
  },
  $defs: {},
};

type RawConfig = {
  kinds?: Record<string, { compare?: 'exact' | 'prefix'; lowercase?: boolean; normalize?: string[] }>;
  extract?: Array<{ kind: EntityKind; regex: string }>;
  derive?: Array<{ from: EntityKind; kind: EntityKind; regex: string; bind?: boolean }>;
  paths?: Array<{ regex: string; entities: Record<string, string> }>;
  fields?: Array<{ field: string; kind: EntityKind; regex: string }>;
};

/** Validates a parsed entities.yml and merges it into `into` (several pattern folders add up). */
export function loadEntityConfig(y: YamlFile, into: EntityConfig): Diagnostic[] {
  const out: Diagnostic[] = [...y.diagnostics];
  const err = (path: Path, reason: string, atKey = false): void => {
    const p = y.locate(path, atKey);
    out.push({ severity: 'error', code: 'pattern/invalid-field', reason, place: { file: y.file, line: p.line, column: p.column } });
  };
  if (out.some((d) => d.severity === 'error')) return out;
  const value = (y.value ?? {}) as RawConfig;
  for (const e of new SchemaValidator(entitiesSchema).validate(value)) err(e.path, e.message, e.atKey);
  if (out.length > 0) return out;
  const compile = (src: string, path: Path, flags = '', needs: string[] = ['value']): RegExp | undefined => {
    const check = checkRegex(src);
    for (const p of check.problems) err(path, `${pathLabel(path)}: ${p.message} (at offset ${p.at})`);
    const missing = needs.filter((n) => !check.names.includes(n));
    for (const n of missing) err(path, `${pathLabel(path)} needs a (?<${n}>...) capture`);
    return check.problems.length === 0 && missing.length === 0 ? new RegExp(src, flags) : undefined;
  };
  for (const [kind, rule] of Object.entries(value.kinds ?? {})) {
    const normalize = (rule.normalize ?? []).map((src, i) => compile(`^(?:${src})$`, ['kinds', kind, 'normalize', i]));
    const prev = into.kinds[kind as EntityKind];
    into.kinds[kind as EntityKind] = {
      compare: rule.compare ?? prev?.compare ?? 'exact',
      lowercase: rule.lowercase ?? prev?.lowercase ?? false,
      normalize: [...(prev?.normalize ?? []), ...normalize.filter((r): r is RegExp => !!r)],
    };
  }
  (value.extract ?? []).forEach((x, i) => {
    const re = compile(x.regex, ['extract', i, 'regex'], 'g');
    if (re) into.extract.push({ kind: x.kind, regex: re, literals: requiredLiterals(checkRegex(x.regex).ast) });
  });
  (value.derive ?? []).forEach((d, i) => {
    const re = compile(d.regex, ['derive', i, 'regex']);
    if (re) into.derive.push({ from: d.from, kind: d.kind, regex: re, bind: d.bind ?? true });
  });
  (value.fields ?? []).forEach((f, i) => {
    const re = compile(f.regex, ['fields', i, 'regex']);
    if (re) into.fields.push({ field: f.field, kind: f.kind, regex: re });
  });
  (value.paths ?? []).forEach((r, i) => {
    const entries = Object.entries(r.entities);
    const names = [...new Set(entries.flatMap(([, t]) => [...t.matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g)].map((m) => m[1]!)))];
    if (names.length === 0) err(['paths', i, 'entities'], `${pathLabel(['paths', i, 'entities'])}: every template needs a {{capture}} of the regex`);
    const re = compile(r.regex, ['paths', i, 'regex'], '', names);
    if (re && names.length) into.paths.push({ regex: re, entities: entries.map(([kind, template]) => ({ kind: kind as EntityKind, template })) });
  });
  return out;
}

/** Normalises one entity value by its kind's rules (`sdb1` -> `sdb`). */
export function normalizeEntity(config: EntityConfig, kind: EntityKind, raw: string): string {
  const rule = config.kinds[kind];
  let v = raw.trim();
  if (!rule) return v;
  if (rule.lowercase) v = v.toLowerCase();
  for (const re of rule.normalize) {
    const m = re.exec(v);
    if (m?.groups?.value) return m.groups.value;
  }
  return v;
}

/** True when two values of `kind` name the same thing (exact, or `-`-bounded prefix for `prefix` kinds). */
export function sameEntity(config: EntityConfig, kind: string, a: string, b: string): boolean {
  if (a === b) return true;
  if (config.kinds[kind as EntityKind]?.compare !== 'prefix') return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && long[short.length] === '-';
}
