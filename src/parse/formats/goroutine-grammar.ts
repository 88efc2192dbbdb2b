/**
 * Line grammar of Go goroutine dumps (FORMATS.md §5.2-5.4, `runtime/traceback.go`,
 * `runtime/pprof` `printCountProfile`). Classifies one line, with no state: the collector decides
 * what a line means in context (a location line only follows a frame or `created by`).
 *
 * Tolerated damage: TAB replaced by spaces or by syslog's `#011`, leading whitespace lost,
 * trailing `\r`, missing `+0x` offsets, `fp= sp= pc=` tails, `(...)`/`?`/`_` arguments.
 */

export type DumpLine =
  | { kind: 'blank' }
  | { kind: 'header'; id: number; state: string; minutes: number; locked: boolean; extra: string[] }
  | { kind: 'frame'; func: string }
  | { kind: 'location'; file: string; line: number; indented: boolean }
  | { kind: 'created'; func: string; goroutine?: number }
  | { kind: 'elided'; frames?: number }
  | { kind: 'nongo' }
  | { kind: 'unavailable' }
  | { kind: 'ancestor'; id: number }
  | { kind: 'signal'; start: boolean }
  | { kind: 'profile-total'; total: number }
  | { kind: 'profile-record'; count: number }
  | { kind: 'profile-labels' }
  | { kind: 'profile-frame'; func: string; file: string; line: number };

const HEADER = /^goroutine (\d+)(?: gp=0x[0-9a-f]+)?(?: m=(?:\d+|nil))?(?: mp=0x[0-9a-f]+)? \[(.*)\]:?$/;
const MINUTES = /^(\d+) minutes?$/;
const CREATED = /^created by (\S+?)(?: in goroutine (\d+))?$/;
const ELIDED_NEW = /^\.\.\.(\d+) frames elided\.\.\.$/;
const LOCATION = /^(.+?):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+)?$/;
const ANCESTOR = /^\[originating from goroutine (\d+)\]:$/;
const PROFILE_TOTAL = /^goroutine profile: total (\d+)$/;
const PROFILE_RECORD = /^(\d+) @(?: 0x[0-9a-f]+)*$/;
const PROFILE_FRAME = /^#\s+0x[0-9a-f]+\s+(\S+?)(?:\+0x[0-9a-f]+)?\s+(.+):(\d+)$/;
// SIGQUIT extras: `SIGQUIT: quit`, `PC=0x… m=N sigcode=0`, register dumps (`rax    0x0`,
// arm64 `r0 0x…`, `lr`, `fault`), `exit status 2`, cgo note.
const SIGNAL =
  /^(?:SIG[A-Z]+: .+|PC=0x[0-9a-f]+ m=\d+ sigcode=\d+.*|[a-z][a-z0-9]{0,6}\s+0x[0-9a-f]+|exit status \d+|signal arrived during (?:cgo|external code) execution)$/;
// A function name: no whitespace, contains a dot (pkg.Func, pkg.(*T).M, closures, generics) or
// is a bare builtin frame such as `panic`.
const FUNC = /^(?:[^\s()]+\.|\S*\)\.)\S*$|^panic$/;

/** Undoes transport damage: `#011` for TAB (syslog), trailing CR. */
export function normalizeDumpLine(text: string): string {
  let t = text;
  if (t.endsWith('\r')) t = t.slice(0, -1);
  if (t.includes('#011')) t = t.replaceAll('#011', '\t');
  return t;
}

/** Splits the bracket of a header (`select, 33 minutes, locked to thread`). */
function parseHeaderStatus(inner: string): { state: string; minutes: number; locked: boolean; extra: string[] } {
  const parts = inner.split(', ');
  let state = parts[0] ?? '';
  if (state.endsWith(' (scan)')) state = state.slice(0, -' (scan)'.length);
  let minutes = 0;
  let locked = false;
  const extra: string[] = [];
  for (const p of parts.slice(1)) {
    const m = MINUTES.exec(p);
    if (m) minutes = Number(m[1]);
    else if (p === 'locked to thread') locked = true;
    else extra.push(p); // synctest group/bubble N, or a suffix of a Go version we do not know
  }
  return { state, minutes, locked, extra };
}

/** Classifies one (normalized) line; undefined when it is not a dump line at all. */
export function classifyDumpLine(raw: string): DumpLine | undefined {
  const text = normalizeDumpLine(raw);
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  if (start === text.length) return { kind: 'blank' };
  const t = start === 0 ? text : text.slice(start);
  const indented = start > 0;
  const c = t.charCodeAt(0);

  if (c === 103 /* g */ && t.startsWith('goroutine ')) {
    const h = HEADER.exec(t);
    if (h) return { kind: 'header', id: Number(h[1]), ...parseHeaderStatus(h[2]!) };
    const p = PROFILE_TOTAL.exec(t);
    if (p) return { kind: 'profile-total', total: Number(p[1]) };
    if (t === 'goroutine running on other thread; stack unavailable') return { kind: 'unavailable' };
  }
  if (c === 99 /* c */ && t.startsWith('created by ')) {
    const m = CREATED.exec(t);
    if (m) return m[2] ? { kind: 'created', func: m[1]!, goroutine: Number(m[2]) } : { kind: 'created', func: m[1]! };
  }
  if (c === 46 /* . */) {
    if (t === '...additional frames elided...') return { kind: 'elided' };
    const m = ELIDED_NEW.exec(t);
    if (m) return { kind: 'elided', frames: Number(m[1]) };
  }
  if (c === 91 /* [ */) {
    const m = ANCESTOR.exec(t);
    if (m) return { kind: 'ancestor', id: Number(m[1]) };
  }
  if (c === 110 /* n */ && t.startsWith('non-Go function')) return { kind: 'nongo' };
  if (c === 35 /* # */) {
    if (t.startsWith('# labels:')) return { kind: 'profile-labels' };
    const m = PROFILE_FRAME.exec(t);
    if (m) return { kind: 'profile-frame', func: m[1]!, file: m[2]!, line: Number(m[3]) };
    return undefined;
  }
  if (c >= 48 && c <= 57) {
    const m = PROFILE_RECORD.exec(t);
    if (m) return { kind: 'profile-record', count: Number(m[1]) };
  }
  if (t.charCodeAt(t.length - 1) === 41 /* ) */) {
    const open = t.lastIndexOf('(');
    if (open > 0) {
      const func = t.slice(0, open);
      if (FUNC.test(func)) return { kind: 'frame', func };
    }
  }
  const loc = LOCATION.exec(t);
  // A path with spaces is only believed when the line kept its indentation.
  if (loc && (indented || !loc[1]!.includes(' '))) return { kind: 'location', file: loc[1]!, line: Number(loc[2]), indented };
  if (SIGNAL.test(t)) return { kind: 'signal', start: t.startsWith('SIGQUIT: ') };
  return undefined;
}

/** True for lines that open a dump on their own (a goroutine header, a profile, SIGQUIT). */
export function startsDump(line: DumpLine | undefined): boolean {
  if (!line) return false;
  return line.kind === 'header' || line.kind === 'profile-total' || (line.kind === 'signal' && line.start);
}
