/**
 * `how`, `answer` and `unresolved` templates: Handlebars in an isolated environment
 * (`Handlebars.create()`, no helpers or partials registered, prototype access off), compiled
 * with `strict` so a placeholder that does not resolve is an error rather than an empty string.
 * Nothing is HTML-escaped here (`noEscape`): the report escapes for its own context.
 */
import Handlebars from 'handlebars';

const hb = Handlebars.create();

/** Placeholders every finding provides, whatever its signature. */
export const STANDARD_NAMES = ['host', 'time', 'first', 'last', 'count', 'id', 'title'] as const;

/** The only helpers a template may use (Handlebars built-ins). */
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

export interface Template {
  source: string;
  /** Root names the template reads (`device` for `{{device}}`, `ctrl` for `{{ctrl.name}}`). */
  names: string[];
  render(context: Record<string, unknown>): string;
}

type HbNode = { type: string; [k: string]: unknown };

function collect(node: unknown, names: Set<string>, helpers: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  const n = node as HbNode;
  if (Array.isArray(node)) {
    for (const c of node) collect(c, names, helpers);
    return;
  }
  if (n.type === 'PathExpression') {
    const parts = n.parts as string[];
    if (!n.data && parts.length > 0 && (n.depth as number) === 0) names.add(parts[0]!);
    return;
  }
  if (n.type === 'BlockStatement') {
    const path = n.path as HbNode;
    helpers.add(String(path.original));
    collect(n.params, names, helpers);
    collect(n.program, names, helpers);
    collect(n.inverse, names, helpers);
    return;
  }
  if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement' || n.type === 'DecoratorBlock') {
    helpers.add('>partial');
    return;
  }
  for (const key of ['body', 'path', 'params', 'hash', 'pairs', 'value'] as const) collect(n[key], names, helpers);
}

const cache = new Map<string, { template?: Template; error?: string }>();

/** Compiles a template; `error` says what is wrong (syntax, unknown helper). Cached by source. */
export function compileTemplate(source: string): { template?: Template; error?: string } {
  const hit = cache.get(source);
  if (hit) return hit;
  let result: { template?: Template; error?: string };
  try {
    const ast = hb.parse(source);
    const names = new Set<string>();
    const helpers = new Set<string>();
    collect(ast, names, helpers);
    const bad = [...helpers].filter((h) => !BLOCK_HELPERS.has(h));
    if (bad.length > 0) {
      result = { error: `unknown helper or partial ${bad.map((b) => `"${b}"`).join(', ')}: only #if, #unless, #each, #with are available` };
    } else {
      const fn = hb.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
      result = {
        template: {
          source,
          names: [...names].sort(),
          render: (context) =>
            fn(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, allowCallsToHelperMissing: false }),
        },
      };
    }
  } catch (e) {
    result = { error: (e as Error).message.replace(/\s+/g, ' ').trim() };
  }
  cache.set(source, result);
  return result;
}
