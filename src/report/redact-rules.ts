import { isIPv6 } from 'node:net';

/**
 * What `--redact` looks for in text, as one regular expression with a named group per kind,
 * and how each match is checked and split. Every quantifier is bounded and there are no
 * lookarounds or back-references: the work per position is bounded, so a hostile 1 MiB line
 * costs linear time (an unbounded `[a-z]+@` re-scans the rest of the line from every start).
 */

export type SecretKind = 'ip' | 'mac' | 'email' | 'token' | 'jwt' | 'cred' | 'host';

/** A piece of a match: text kept as it is, or a value to replace by its pseudonym. */
export type Piece = string | { kind: SecretKind; value: string };

const SOURCES: Array<[string, string]> = [
  // scheme://[userinfo@]host - the userinfo is a credential, the host an address or a host name.
  ['url', String.raw`[a-z][a-z0-9+.-]{0,15}://(?:[^\s/?#@]{1,256}@)?(?:\[[0-9a-z:.%_-]{2,64}\]|[a-z0-9_.-]{1,253})`],
  // Authorization headers and their look-alikes in logs: `Bearer <token>`, `Basic <base64>`.
  ['auth', String.raw`\b(?:bearer|basic)[ \t]{1,8}[a-z0-9._~+/=-]{8,4096}`],
  // A JSON Web Token: base64url header (always `{"` -> eyJ), payload and signature.
  ['jwt', String.raw`\beyJ[a-z0-9_-]{4,2048}\.[a-z0-9_-]{4,8192}\.[a-z0-9_-]{0,8192}`],
  ['email', String.raw`[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}`],
  // Colon/hyphen MACs (runs longer than 6 octets: a UFW MAC= field is dst:src:ethertype), Cisco dotted.
  ['mac', String.raw`[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5,31}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}`],
  // IPv6 candidates (two colons at least, maybe an IPv4 tail and a zone): checked with net.isIPv6.
  ['ipv6', String.raw`(?:[0-9a-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-f]{0,4})(?:%[a-z0-9_.-]{1,32})?`],
  ['ipv4', String.raw`[0-9]{1,3}(?:\.[0-9]{1,3}){3}`],
];

/** Addresses that name no machine: kept, so `listening on 0.0.0.0:10250` stays readable. */
const KEEP = new Set(['0.0.0.0', '127.0.0.1', '255.255.255.255', '::', '::1', 'ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00']);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The combined pattern; with host names, they are a last alternative (longest first). The URL
 * and e-mail alternatives scan ahead up to 256 characters from every position: they are left
 * out (`withUrl`, `withEmail` false) for a text without '://' or '@', where they can not match.
 */
export function secretPattern(hosts: readonly string[], withUrl = true, withEmail = true): RegExp {
  const parts = SOURCES.filter(([name]) => (withUrl || name !== 'url') && (withEmail || name !== 'email')).map(([name, src]) => `(?<${name}>${src})`);
  if (hosts.length > 0) {
    const names = [...new Set(hosts.map((h) => h.toLowerCase()))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    parts.push(`(?<host>${names.map(escapeRegExp).join('|')})`);
  }
  return new RegExp(parts.join('|'), 'gi');
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** An IPv4 address with octets 0-255 (leading zeros allowed), normalised, or undefined. */
export function ipv4(text: string): string | undefined {
  const octets = text.split('.');
  if (octets.length !== 4 || octets.some((o) => !/^[0-9]{1,3}$/.test(o) || Number(o) > 255)) return undefined;
  return octets.map(Number).join('.');
}

function address(value: string): Piece {
  const v4 = ipv4(value);
  if (v4) return KEEP.has(v4) ? value : { kind: 'ip', value: v4 };
  const [core] = value.split('%');
  if (core && isIPv6(core)) return KEEP.has(core.toLowerCase()) ? value : { kind: 'ip', value: core.toLowerCase() };
  return value;
}

/** IPv4 addresses inside a text no other rule claimed (an IPv6 candidate that was not one). */
function ipv4Pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(/[0-9]{1,3}(?:\.[0-9]{1,3}){3}/g)) {
    const at = m.index;
    const end = at + m[0].length;
    if (isDigit(text[at - 1]) || isDigit(text[end]) || (text[end] === '.' && isDigit(text[end + 1]))) continue;
    const p = address(m[0]);
    if (typeof p === 'string') continue;
    out.push(text.slice(last, at), p);
    last = end;
  }
  out.push(text.slice(last));
  return out;
}

/** Schemes whose "host" is no machine (containerd://<container id>, file:///path). */
const LOCAL_SCHEMES = /^(?:containerd|docker|cri-o|file|unix|npipe):\/\//i;
/** In-cluster service names (pvc-x-ctrl-svc.openebs.svc.cluster.local) name Services, not machines; localhost no machine. */
const CLUSTER_NAME = /\.svc(?:\.cluster\.local)?\.?$|\.cluster\.local\.?$|^localhost(?:\.localdomain)?$|^ip6-localhost$/i;

function url(text: string, hosts: boolean): Piece[] {
  if (LOCAL_SCHEMES.test(text)) return [text];
  const scheme = text.indexOf('://') + 3;
  const at = text.indexOf('@', scheme);
  const out: Piece[] = [text.slice(0, scheme)];
  let host = text.slice(scheme);
  if (at !== -1) {
    out.push({ kind: 'cred', value: text.slice(scheme, at) }, '@');
    host = text.slice(at + 1);
  }
  if (host.startsWith('[')) out.push('[', address(host.slice(1, -1)), ']');
  else if (ipv4(host)) out.push(address(host));
  else if (hosts && /[a-z]/i.test(host) && !CLUSTER_NAME.test(host)) out.push({ kind: 'host', value: host.toLowerCase().replace(/\.$/, '') });
  else out.push(host);
  return out;
}

function mac(text: string): Piece[] {
  if (text.includes('.')) return [{ kind: 'mac', value: text.toLowerCase() }];
  const sep = text[2]!;
  if (text.split('').some((c, i) => i % 3 === 2 && c !== sep)) return [text];
  const octets = text.toLowerCase().split(sep);
  const out: Piece[] = [];
  for (let i = 0; i < octets.length; i += 6) {
    if (i > 0) out.push(sep);
    const group = octets.slice(i, i + 6);
    if (group.length < 6) out.push(group.join(sep));
    else {
      const value = group.join(':');
      out.push(KEEP.has(value) ? group.join(sep) : { kind: 'mac', value });
    }
  }
  return out;
}

/**
 * Splits one match of `secretPattern` (at `start`..`end` of `text`) into kept text and values
 * to replace, making the boundary checks the pattern can not make without lookarounds.
 */
export function classify(groups: Record<string, string | undefined>, text: string, start: number, end: number, hosts: boolean): Piece[] {
  const before = text[start - 1];
  const after = text[end];
  const { url: u, auth, jwt, email, mac: m, ipv6, ipv4: v4, host } = groups;
  if (u !== undefined) return url(u, hosts);
  if (auth !== undefined) {
    const [, word, space, value] = /^(\S+)(\s+)(.*)$/.exec(auth)!;
    // "Bearer authentication failed" names no token: a token has a digit or is long.
    if (!/[0-9]/.test(value!) && value!.length < 20) return [auth];
    const kind = isJwt(value!) ? 'jwt' : word!.toLowerCase() === 'basic' ? 'cred' : 'token';
    return [word! + space!, { kind, value: value! }];
  }
  if (jwt !== undefined) return isJwt(jwt) ? [{ kind: 'jwt', value: jwt }] : [jwt];
  if (email !== undefined) {
    const tld = email.slice(email.lastIndexOf('.') + 1);
    return /^[a-z]{2,}$/i.test(tld) ? [{ kind: 'email', value: email.toLowerCase() }] : ipv4Pieces(email);
  }
  if (m !== undefined) return isWordChar(before) || isWordChar(after) ? [m] : mac(m);
  if (ipv6 !== undefined) {
    // 2026-05-28T10:21:04: a time glued to a word is no address.
    if (isWordChar(before) && !/[0-9a-f]/i.test(before!)) return [ipv6];
    let p = address(ipv6);
    if (typeof p === 'string' && /[^:]:$/.test(ipv6)) p = address(ipv6.slice(0, -1)); // "fe80::1: link up"
    if (typeof p === 'string') return ipv4Pieces(ipv6);
    return ipv6.endsWith(':') && !isIPv6(ipv6.split('%')[0]!) ? [p, ':'] : [p];
  }
  if (v4 !== undefined) {
    // 1.2.3.4.5 or 11.2.3.4 inside a longer number: a version or a counter, not an address.
    if (isDigit(before) || before === '.' || isDigit(after) || (after === '.' && isDigit(text[end + 1]))) return [v4];
    return [address(v4)];
  }
  if (host !== undefined) return isWordChar(before) || isWordChar(after) ? [host] : [{ kind: 'host', value: host.toLowerCase() }];
  return [];
}

function isJwt(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value);
}
