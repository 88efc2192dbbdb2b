/**
 * A small interpreter of the JSON Schema subset schema.ts uses ($ref, type, enum, const,
 * pattern, minLength, minimum, properties, required, additionalProperties, propertyNames,
 * items, minItems, minProperties, anyOf, oneOf with an `x-discriminator`). Hand-written rather
 * than Ajv so that every message reads "unknown level "hi", must be: ..." and carries the path
 * of the YAML node it is about (the loader turns paths into line:col).
 */
import type { JsonSchema } from './schema.js';

export type Path = Array<string | number>;

export interface SchemaError {
  path: Path;
  message: string;
  /** Point at the key of the last path element rather than at its value. */
  atKey?: boolean;
  help?: string;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  return `a ${typeof v}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
};

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    default:
      return false;
  }
}

export function pathLabel(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || 'the document';
}

export class SchemaValidator {
  constructor(private readonly root: JsonSchema) {}

  validate(value: unknown): SchemaError[] {
    const out: SchemaError[] = [];
    this.check(this.root, value, [], out);
    return out;
  }

  private resolve(s: JsonSchema): JsonSchema {
    let cur = s;
    while (typeof cur.$ref === 'string') {
      const name = cur.$ref.replace('#/$defs/', '');
      const defs = this.root.$defs as Record<string, JsonSchema>;
      cur = { ...defs[name]!, ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== '$ref')) };
    }
    return cur;
  }

  /** Words for what a schema expects, for "must be ..." messages. */
  expected(schema: JsonSchema): string {
    const s = this.resolve(schema);
    if (typeof s['x-expect'] === 'string') return s['x-expect'];
    if (Array.isArray(s.enum)) return `one of: ${s.enum.join(', ')}`;
    if (s.const !== undefined) return JSON.stringify(s.const);
    const alts = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
    if (alts) return [...new Set(alts.map((a) => this.expected(a)))].join(' or ');
    if (s.type === 'array' && s.items) return `a list of ${this.expected(s.items as JsonSchema).replace(/^an? /, '')}s`;
    return TYPE_WORDS[String(s.type)] ?? 'something else';
  }

  private check(schema: JsonSchema, v: unknown, path: Path, out: SchemaError[]): void {
    const s = this.resolve(schema);
    const label = pathLabel(path);
    if (s.oneOf || s.anyOf) return this.checkAlternatives(s, v, path, out);
    if (Array.isArray(s.enum)) {
      if (!s.enum.includes(v as never)) {
        const shown = typeof v === 'string' ? `"${v}"` : typeName(v);
        out.push({ path, message: `unknown ${label} ${shown}, must be: ${s.enum.join(', ')}` });
      }
      return;
    }
    if (s.const !== undefined) {
      if (v !== s.const) out.push({ path, message: `${label} must be ${JSON.stringify(s.const)}` });
      return;
    }
    if (typeof s.type === 'string' && !hasType(v, s.type)) {
      out.push({ path, message: `${label} must be ${this.expected(s)}, got ${typeName(v)}` });
      return;
    }
    if (typeof v === 'string') {
      if (typeof s.minLength === 'number' && v.length < s.minLength) out.push({ path, message: `${label} must not be empty` });
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(v)) {
        out.push({ path, message: `${label} "${v}" is not ${this.expected(s)}` });
      }
    }
    if (typeof v === 'number' && typeof s.minimum === 'number' && v < s.minimum) {
      out.push({ path, message: `${label} must be at least ${s.minimum}, got ${v}` });
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) {
        out.push({ path, message: `${label} needs at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}, got ${v.length}` });
      }
      if (s.items) v.forEach((item, i) => this.check(s.items as JsonSchema, item, [...path, i], out));
    }
    if (hasType(v, 'object')) this.checkObject(s, v as Record<string, unknown>, path, out);
  }

  private checkObject(s: JsonSchema, v: Record<string, unknown>, path: Path, out: SchemaError[]): void {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    for (const r of (s.required ?? []) as string[]) {
      if (!(r in v)) out.push({ path, message: `missing required field "${r}"${path.length ? ` in ${pathLabel(path)}` : ''}` });
    }
    if (typeof s.minProperties === 'number' && Object.keys(v).length < s.minProperties) {
      out.push({ path, message: `${pathLabel(path)} must not be empty` });
    }
    for (const [k, val] of Object.entries(v)) {
      if (s.propertyNames) {
        const pn = s.propertyNames as JsonSchema;
        if (typeof pn.pattern === 'string' && !new RegExp(pn.pattern).test(k)) {
          out.push({ path: [...path, k], atKey: true, message: `name "${k}" in ${pathLabel(path)} must match ${pn.pattern}` });
        }
      }
      if (props[k]) this.check(props[k]!, val, [...path, k], out);
      else if (s.additionalProperties === false) {
        const known = Object.keys(props);
        out.push({
          path: [...path, k],
          atKey: true,
          message: `unknown field "${k}"${path.length ? ` in ${pathLabel(path)}` : ''}, must be one of: ${known.join(', ')}`,
          ...(val === null
            ? { help: 'in a {flow: map} an unquoted comma ends the value and starts a new field: quote the value (why: \'a, b\')' }
            : {}),
        });
      } else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        this.check(s.additionalProperties as JsonSchema, val, [...path, k], out);
      }
    }
  }

  private checkAlternatives(s: JsonSchema, v: unknown, path: Path, out: SchemaError[]): void {
    const alts = ((s.oneOf ?? s.anyOf) as JsonSchema[]).map((a) => this.resolve(a));
    const disc = s['x-discriminator'];
    if (typeof disc === 'string') {
      if (!hasType(v, 'object')) {
        out.push({ path, message: `${pathLabel(path)} must be a map, got ${typeName(v)}` });
        return;
      }
      const tag = (v as Record<string, unknown>)[disc];
      const names = alts.map((a) => (a.properties as Record<string, JsonSchema>)[disc]!.const as string);
      const i = names.indexOf(tag as string);
      if (i < 0) {
        const where = [...path, disc];
        const shown = tag === undefined ? 'missing' : `unknown ${pathLabel(where)} ${JSON.stringify(tag)}`;
        out.push({ path: tag === undefined ? path : where, message: `${shown === 'missing' ? `missing required field "${disc}" in ${pathLabel(path)}` : shown}, must be: ${names.join(', ')}` });
        return;
      }
      this.check(alts[i]!, v, path, out);
      return;
    }
    const tries = alts.map((a) => {
      const errs: SchemaError[] = [];
      this.check(a, v, path, errs);
      return errs;
    });
    if (tries.some((t) => t.length === 0)) return;
    const shown = typeof v === 'string' ? `"${v}"` : typeName(v);
    if (typeof s['x-expect'] === 'string') {
      out.push({ path, message: `${pathLabel(path)} ${shown} is not ${s['x-expect']}` });
      return;
    }
    // Report the errors of the alternative of the value's own type, when there is exactly one.
    const sameType = alts.map((a, i) => ({ a, i })).filter(({ a }) => typeof a.type !== 'string' || hasType(v, a.type));
    if (sameType.length === 1 && typeof sameType[0]!.a.type === 'string') {
      out.push(...tries[sameType[0]!.i]!);
      return;
    }
    out.push({ path, message: `${pathLabel(path)} ${shown} is not ${this.expected(s)}` });
  }
}
