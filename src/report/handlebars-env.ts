import Handlebars from 'handlebars';
import { mdCellCode, mdCode, mdFence, mdText } from './escape.js';
import { mermaidId, mermaidLabel, mermaidText } from './mermaid.js';

/**
 * The Handlebars environment reports are rendered in. It is isolated (`Handlebars.create()`:
 * nothing registered on the global instance leaks in or out), templates compile with
 * `strict: true` (a misspelt field is an error, not an empty string), prototype access is off,
 * and the only helpers are the ones below (documented in templates/README.md).
 *
 * Escaping is for Markdown, not HTML: every `{{value}}` and `{{{value}}}` is rewritten at
 * compile time to `{{text value}}`, which escapes the value for Markdown prose and table cells.
 * The other helpers (`code`, `cellcode`, `fence`, `mmdlabel`...) return text already made safe
 * for their context; only their results pass through `text` unchanged. So no template, built-in
 * or user-supplied, can put log text into the output unescaped.
 */

type Hb = typeof Handlebars;
type SafeString = InstanceType<Hb['SafeString']>;
type HelperOptions = Handlebars.HelperOptions;

/** Block helpers (everything else refuses to be used as a block: its return value would be written raw). */
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with', 'fenced', 'blockHelperMissing', 'helperMissing']);

export const RUNTIME_OPTIONS: Handlebars.RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
};

export const COMPILE_OPTIONS = { strict: true, preventIndent: true, noEscape: false } as const;

function isOptions(v: unknown): v is HelperOptions {
  return typeof v === 'object' && v !== null && 'hash' in v && 'data' in v && 'lookupProperty' in v;
}

/** The plain text of a helper argument: strings, numbers, booleans, lists (comma-joined). */
function plain(v: unknown, helper: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Handlebars.SafeString) return v.toString();
  if (Array.isArray(v)) return v.map((x) => plain(x, helper)).join(', ');
  throw new Error(`${helper}: cannot print an object; print one of its fields instead`);
}

/** Helper arguments without the trailing options object; fails when a required one is missing. */
function args(helper: string, list: unknown[], min: number): unknown[] {
  const out = isOptions(list[list.length - 1]) ? list.slice(0, -1) : list;
  if (out.length < min) {
    throw new Error(`${helper}: expected ${min} argument(s), got ${out.length} (a field named ${helper} is written {{this.${helper}}})`);
  }
  return out;
}

export function createEnv(): Hb {
  const hb = Handlebars.create();
  const safe = (s: string): SafeString => new hb.SafeString(s);
  hb.unregisterHelper('log');

  const helpers: Record<string, (...a: unknown[]) => unknown> = {
    /** Markdown prose / table cell text. Results of the helpers below pass unchanged. */
    text: (...a) => {
      const [v] = args('text', a, 1);
      return v instanceof hb.SafeString ? v : safe(mdText(plain(v, 'text')));
    },
    cell: (...a) => safe(mdText(plain(args('cell', a, 1)[0], 'cell'))),
    code: (...a) => safe(mdCode(plain(args('code', a, 1)[0], 'code'))),
    cellcode: (...a) => safe(mdCellCode(plain(args('cellcode', a, 1)[0], 'cellcode'))),
    fence: (...a) => {
      const [v, lang] = args('fence', a, 1);
      const lines = Array.isArray(v) ? v.map((x) => plain(x, 'fence')) : plain(v, 'fence');
      return safe(mdFence(lines, plain(lang, 'fence')));
    },
    mmdid: (...a) => safe(mermaidId(plain(args('mmdid', a, 1)[0], 'mmdid'))),
    mmdlabel: (...a) => safe(mermaidLabel(plain(args('mmdlabel', a, 1)[0], 'mmdlabel'))),
    mmdtext: (...a) => safe(mermaidText(plain(args('mmdtext', a, 1)[0], 'mmdtext'))),
    mmddate: (...a) => {
      const d = plain(args('mmddate', a, 1)[0], 'mmddate');
      if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(d)) throw new Error(`mmddate: unexpected ${JSON.stringify(d)}, expected YYYY-MM-DD HH:mm:ss`);
      return safe(d);
    },
    eq: (...a) => {
      const [x, y] = args('eq', a, 2);
      return x === y;
    },
    join: (...a) => {
      const [list, sep] = args('join', a, 1);
      return (Array.isArray(list) ? list : [list]).map((x) => plain(x, 'join')).join(sep === undefined ? ', ' : plain(sep, 'join'));
    },
    plural: (...a) => {
      const [n, one, many] = args('plural', a, 3);
      return Number(n) === 1 ? plain(one, 'plural') : plain(many, 'plural');
    },
    default: (...a) => {
      const [v, fallback] = args('default', a, 2);
      const empty = v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
      return empty ? fallback : v;
    },
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  /** A fenced code block (ending in a newline) around the rendered block content (Mermaid sources). */
  hb.registerHelper('fenced', function (this: unknown, ...a: unknown[]) {
    const options = a[a.length - 1] as HelperOptions;
    const [lang] = args('fenced', a, 0);
    if (!isOptions(options) || typeof (options as { fn?: unknown }).fn !== 'function') throw new Error('fenced: use it as a block, {{#fenced "lang"}}...{{/fenced}}');
    return safe(`${mdFence(options.fn(this).replace(/\n$/, ''), plain(lang, 'fenced'))}\n`);
  });

  // A helper used as a block writes its return value without escaping: allow it only for the
  // block helpers, whose return value is rendered template text, never data.
  for (const [name, fn] of Object.entries(hb.helpers)) {
    if (BLOCK_HELPERS.has(name)) continue;
    hb.registerHelper(name, function (this: unknown, ...a: unknown[]) {
      const options = a[a.length - 1];
      if (isOptions(options) && typeof (options as { fn?: unknown }).fn === 'function') throw new Error(`${name} is not a block helper; write {{${name} ...}}`);
      return (fn as (...x: unknown[]) => unknown).apply(this, a);
    });
  }
  return hb;
}

interface Node {
  type: string;
  [k: string]: unknown;
}

function textCall(node: Node, helperNames: ReadonlySet<string>): Node {
  const path = node.path as Node;
  const params = (node.params as Node[]) ?? [];
  const hash = node.hash as Node | undefined;
  const parts = path.parts as string[] | undefined;
  // `{{eq}}` alone names a helper; `{{this.eq}}`, `{{./eq}}`, `{{../eq}}` and `{{@eq}}` name fields.
  const isHelperName =
    path.type === 'PathExpression' && !path.data && path.depth === 0 && parts?.length === 1 && path.original === parts[0] && helperNames.has(parts[0]!);
  const inner: Node = params.length || hash || isHelperName ? { type: 'SubExpression', path, params, hash, loc: node.loc } : path;
  if (inner === path && path.type === 'PathExpression' && !path.data && (parts?.length ?? 0) > 0) path.strict = true;
  const textPath: Node = { type: 'PathExpression', data: false, depth: 0, parts: ['text'], original: 'text', loc: node.loc };
  return { ...node, path: textPath, params: [inner], hash: undefined, escaped: true };
}

/**
 * Handlebars checks `strict` only for a bare `{{path}}`, not for helper arguments; since every
 * mustache becomes a helper call here, each argument path is marked strict again, so a
 * misspelt field (`{{cell hots}}`, `{{#if incident.titel}}`) is an error, not an empty string.
 */
function strictArgs(node: Node): void {
  const params = (node.params as Node[] | undefined) ?? [];
  const pairs = ((node.hash as Node | undefined)?.pairs as Node[] | undefined) ?? [];
  for (const p of [...params, ...pairs.map((x) => x.value as Node)]) {
    if (p.type === 'PathExpression' && !p.data && ((p.parts as string[]) ?? []).length > 0) p.strict = true;
    else if (p.type === 'SubExpression') strictArgs(p);
  }
}

function rewrite(node: Node, helperNames: ReadonlySet<string>): Node {
  if (node.type === 'MustacheStatement' || node.type === 'BlockStatement') strictArgs(node);
  if (node.type === 'MustacheStatement') {
    const path = node.path as Node;
    const already = path.type === 'PathExpression' && path.original === 'text' && ((node.params as Node[]) ?? []).length > 0;
    return already ? { ...node, escaped: true } : textCall(node, helperNames);
  }
  for (const key of ['program', 'inverse'] as const) {
    const child = node[key] as Node | undefined;
    if (child) node[key] = rewrite(child, helperNames);
  }
  if (Array.isArray(node.body)) node.body = (node.body as Node[]).map((n) => rewrite(n, helperNames));
  return node;
}

/**
 * Compiles a template in `hb` with every mustache routed through the `text` helper (see above).
 * Throws Handlebars' parse error, with its line and column, for a template that does not parse.
 */
export function compileTemplate(hb: Hb, source: string): Handlebars.TemplateDelegate {
  return hb.compile(safeProgram(hb, source), COMPILE_OPTIONS);
}

/**
 * The JavaScript source of the template spec `compileTemplate` would build (Handlebars'
 * precompile, same rewrite and options): what the build writes for the built-in templates.
 */
export function precompileTemplate(hb: Hb, source: string): string {
  return hb.precompile(safeProgram(hb, source), COMPILE_OPTIONS) as string;
}

function safeProgram(hb: Hb, source: string): hbs.AST.Program {
  const ast = hb.parseWithoutProcessing(source) as unknown as Node;
  return rewrite(ast, new Set(Object.keys(hb.helpers))) as unknown as hbs.AST.Program;
}
