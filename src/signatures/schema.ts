/**
 * The JSON Schema of a signature file: the one source of truth for validation (validate.ts
 * interprets it) and for editors (`patterns/schema.json` is this object, written by the test
 * suite and checked to be current). Keep it in step with src/model/signature.ts and
 * docs/patterns.md. `x-expect` (an annotation editors ignore) says in words what a pattern wants.
 */
import { SOURCE_KINDS } from '../model/event.js';
import { ENTITY_KINDS, LEVELS, PRIORITIES } from '../model/signature.js';

export type JsonSchema = { [key: string]: unknown };

const str = { type: 'string' };
const nonEmpty = { type: 'string', minLength: 1 };
const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const DURATION_TERM = '([0-9]+(\\.[0-9]+)?(ms|s|m|h|d|w)|\\$[A-Za-z_][A-Za-z0-9_]*)';
/** A duration, a `$param`, or a sum/difference of them (`$recovery_timeout + $slack`). */
export const DURATION_PATTERN = `^${DURATION_TERM}( *[+-] *${DURATION_TERM})*$`;
const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const list = (items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({ type: 'array', items, ...extra });
const obj = (properties: Record<string, JsonSchema>, required: string[] = [], extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
  ...extra,
});

const defs: Record<string, JsonSchema> = {
  id: { type: 'string', pattern: ID_PATTERN, 'x-expect': 'a kebab-case id like ext4-ro-remount' },
  duration: {
    type: 'string',
    pattern: DURATION_PATTERN,
    'x-expect': 'a duration like 500ms, 5s, 2m, 1h, 1d, a $param, or a sum like $timeout + 30s',
  },
  entityKind: { enum: [...ENTITY_KINDS] },
  key: { type: 'string', minLength: 1, description: 'an entity kind or a capture name' },
  scalar: { anyOf: [str, { type: 'number' }, { type: 'boolean' }] },
  condition: {
    anyOf: [
      str,
      { type: 'number' },
      { type: 'boolean' },
      obj(
        {
          eq: ref('scalar'),
          ne: ref('scalar'),
          in: list({ anyOf: [str, { type: 'number' }] }),
          regex: str,
          contains: str,
          gt: { anyOf: [str, { type: 'number' }] },
          gte: { anyOf: [str, { type: 'number' }] },
          lt: { anyOf: [str, { type: 'number' }] },
          lte: { anyOf: [str, { type: 'number' }] },
          older_than: ref('duration'),
          exists: { type: 'boolean' },
        },
        [],
        { minProperties: 1 },
      ),
    ],
  },
  conditions: { type: 'object', additionalProperties: ref('condition') },
  stepRef: { anyOf: [ref('id'), list(ref('id'), { minItems: 1 })] },
  eventMatch: obj(
    {
      kind: { const: 'event' },
      regex: { anyOf: [nonEmpty, list(nonEmpty, { minItems: 1 })] },
      field: nonEmpty,
      where: ref('conditions'),
    },
    ['kind'],
  ),
  burstMatch: obj(
    {
      kind: { const: 'burst' },
      of: ref('id'),
      count: {
        anyOf: [{ type: 'string', pattern: '^((>=|>|==)?[0-9]+|\\$[A-Za-z_][A-Za-z0-9_]*)$' }, { type: 'integer', minimum: 1 }],
        'x-expect': "a count like '>=6', '>5' or 6",
      },
      within: ref('duration'),
      group_by: list(ref('key')),
    },
    ['kind', 'of', 'count', 'within'],
  ),
  sequenceMatch: obj(
    { kind: { const: 'sequence' }, steps: list(ref('stepRef'), { minItems: 2 }), within: ref('duration'), same: list(ref('key')) },
    ['kind', 'steps', 'within'],
  ),
  absenceMatch: obj(
    {
      kind: { const: 'absence' },
      of: ref('id'),
      not_followed_by: list(ref('id'), { minItems: 1 }),
      recovered_by: list(ref('id')),
      within: ref('duration'),
      same: list(ref('key')),
    },
    ['kind', 'of', 'not_followed_by', 'within'],
  ),
  stateMatch: obj(
    {
      kind: { const: 'state' },
      object: nonEmpty,
      where: ref('conditions'),
      join: {
        type: 'object',
        additionalProperties: obj(
          { relation: nonEmpty, count: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^(>=|>|==|<=|<)?[0-9]+$' }] }, where: ref('conditions') },
          ['relation'],
        ),
      },
      compare: list({ type: 'string', pattern: '^[A-Za-z0-9_.$-]+ *(==|!=) *[A-Za-z0-9_.$-]+$', 'x-expect': "a comparison like 'spec.nodeName == ctrl.spec.nodeName'" }),
    },
    ['kind', 'object'],
  ),
  match: {
    oneOf: [ref('eventMatch'), ref('burstMatch'), ref('sequenceMatch'), ref('absenceMatch'), ref('stateMatch')],
    'x-discriminator': 'kind',
  },
  param: {
    anyOf: [
      str,
      { type: 'number' },
      obj({ default: { anyOf: [str, { type: 'number' }] }, from: obj({ id: ref('id'), capture: nonEmpty, unit: { enum: ['ms', 's', 'm', 'h', 'd'] } }, ['id', 'capture']) }, ['default', 'from']),
    ],
  },
  causedBy: obj(
    { id: ref('id'), within: ref('duration'), skew: ref('duration'), same: list(ref('key')), prefer: list(ref('key')) },
    ['id', 'within'],
  ),
  exampleMatch: {
    anyOf: [nonEmpty, obj({ line: nonEmpty, expect: { type: 'object', additionalProperties: str }, as: nonEmpty }, ['line'])],
  },
  exampleNoMatch: { anyOf: [nonEmpty, obj({ line: nonEmpty, as: nonEmpty, why: str }, ['line'])] },
};

/** The schema of a signature file (`patterns/<family>/<id>.yml`). */
export const signatureSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'hows signature',
  description: 'One failure signature; see docs/patterns.md.',
  ...obj(
    {
      id: ref('id'),
      title: nonEmpty,
      description: nonEmpty,
      level: { enum: [...LEVELS] },
      status: { enum: ['experimental', 'test', 'stable'] },
      role: { enum: ['problem', 'context', 'contrast'] },
      applies_to: obj({ sources: list({ enum: [...SOURCE_KINDS] }, { minItems: 1 }), programs: list(nonEmpty, { minItems: 1 }) }),
      match: ref('match'),
      entities: { type: 'object', additionalProperties: ref('entityKind') },
      binds: list(list(ref('entityKind'), { minItems: 2 }), { minItems: 1 }),
      group: obj({ by: list(ref('key'), { minItems: 1 }), gap: ref('duration') }),
      params: { type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, additionalProperties: ref('param') },
      caused_by: list(ref('causedBy')),
      how: nonEmpty,
      answer: nonEmpty,
      unresolved: nonEmpty,
      contrasts: list(ref('id')),
      detection: obj({ promql: nonEmpty, log_alert: nonEmpty, note: nonEmpty }),
      actions: list(obj({ priority: { enum: [...PRIORITIES] }, text: nonEmpty }, ['priority', 'text'])),
      references: list(nonEmpty),
      examples: obj({ match: list(ref('exampleMatch')), no_match: list(ref('exampleNoMatch')) }, ['match', 'no_match']),
    },
    ['id', 'title', 'description', 'level', 'match', 'how', 'answer', 'examples'],
  ),
  $defs: defs,
};

/** The text of `patterns/schema.json`. */
export function signatureSchemaJson(): string {
  return `${JSON.stringify(signatureSchema, null, 2)}\n`;
}
