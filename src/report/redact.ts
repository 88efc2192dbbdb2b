import { classify, secretPattern, type Piece, type SecretKind } from './redact-rules.js';

export type { SecretKind } from './redact-rules.js';

export interface RedactOptions {
  /** Replace host names too: `knownHosts` wherever they appear, and the hosts of URLs. */
  hosts: boolean;
  /** Host and node names the evidence names (event hosts, node objects, folders named like nodes). */
  knownHosts?: readonly string[];
}

/** Pseudonym prefixes: `ip-1`, `mac-1`, `email-1`, `token-1`, `jwt-1`, `cred-1`, `host-1`. */
const PREFIX: Record<SecretKind, string> = { ip: 'ip', mac: 'mac', email: 'email', token: 'token', jwt: 'jwt', cred: 'cred', host: 'host' };

/** Cut snippets end in '…' (snippetOf): a value cut in half there would not be recognised. */
const CUT_TAIL = /[^\s…]*…$/;
const CACHE_LIMIT = 50_000;

/**
 * Replaces IP and MAC addresses, e-mail addresses, bearer tokens, JWTs, URL credentials and
 * (optionally) host names in text by pseudonyms. The same value always gets the same
 * pseudonym, numbered per kind in the order values are first met (`ip-1`, `ip-2`, `host-1`),
 * so chains still read ("ip-3 refused ip-1") and a run on the same input gives the same names.
 */
export class Redactor {
  private readonly names = new Map<string, string>();
  private readonly counts = new Map<SecretKind, number>();
  /** The pattern with or without its URL and e-mail alternatives (index: url * 2 + email). */
  private readonly patterns: RegExp[];
  private readonly cache = new Map<string, string>();

  constructor(private readonly opts: RedactOptions) {
    const hosts = opts.hosts ? (opts.knownHosts ?? []).filter((h) => h.length >= 2) : [];
    this.patterns = [0, 1, 2, 3].map((i) => secretPattern(hosts, i >= 2, i % 2 === 1));
  }

  /** `text` with every value this redactor looks for replaced by its pseudonym. */
  text(text: string): string {
    if (text.length === 0) return text;
    const hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    const source = text.endsWith('…') ? text.replace(CUT_TAIL, '…') : text;
    let out = '';
    let last = 0;
    const pattern = this.patterns[(source.includes('://') ? 2 : 0) + (source.includes('@') ? 1 : 0)]!;
    for (const m of source.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      out += source.slice(last, start);
      for (const p of classify(m.groups ?? {}, source, start, end, this.opts.hosts)) out += this.piece(p);
      last = end;
    }
    out += source.slice(last);
    if (text.length <= 256) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(text, out);
    }
    return out;
  }

  /** The pseudonym of a value (made on first use). */
  pseudonym(kind: SecretKind, value: string): string {
    const key = `${kind}\u0000${value}`;
    let name = this.names.get(key);
    if (name === undefined) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      name = `${PREFIX[kind]}-${n}`;
      this.names.set(key, name);
    }
    return name;
  }

  /** How many distinct values of each kind were replaced. */
  tally(): Partial<Record<SecretKind, number>> {
    return Object.fromEntries(this.counts) as Partial<Record<SecretKind, number>>;
  }

  private piece(p: Piece): string {
    return typeof p === 'string' ? p : this.pseudonym(p.kind, p.value);
  }
}

/**
 * Values under these keys are names the tool gives (signature ids, refs, enums, hashes), never
 * log text: they are left alone so a host that happens to be called like a signature can not
 * break the report's cross-references. Inside maps of data read from logs (captures, fields,
 * entities) every key is data, whatever its name.
 */
const STRUCTURAL_KEYS = new Set([
  'id', 'ref', 'kind', 'level', 'role', 'source', 'format', 'severity', 'code', 'precision', 'strength', 'sha256',
  'status', 'symptoms', 'members', 'matched', 'explainedBy', 'priority', 'hostSource', 'tool',
]);
const DATA_MAPS = new Set(['captures', 'fields', 'entities']);

/**
 * Redacts, in place, every string of a plain data structure (objects, arrays), except under
 * STRUCTURAL_KEYS outside data maps; object keys are left as they are (field and capture
 * names). Each object is visited once, so structures that share objects (the timeline and the
 * event list) are cheap.
 */
export function redactInPlace(value: unknown, r: Redactor, seen: WeakSet<object> = new WeakSet(), data = false): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = r.text(v);
      else redactInPlace(v, r, seen, data);
    }
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!data && STRUCTURAL_KEYS.has(key)) continue;
    const v = obj[key];
    if (typeof v === 'string') obj[key] = r.text(v);
    else redactInPlace(v, r, seen, data || DATA_MAPS.has(key));
  }
}
