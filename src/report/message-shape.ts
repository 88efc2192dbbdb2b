/**
 * How a log message reads in a timeline row, and when two messages have the same shape (a
 * burst of "Deleting pod" lines that differ only in the pod name). Generic: no knowledge of
 * any program, only of tokens.
 */

// A klog header inside a message: `I0528 20:21:04.118402    1234 file.go:111] `.
const KLOG_HEADER = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [^\s\]]+\] /;
/** Longest "what happened" text kept for one row (the reference points at the full line). */
export const MAX_WHAT = 240;

/** The first line of a message, klog header removed, cut to MAX_WHAT (marked with `…`). */
export function displayMessage(message: string): { text: string; extraLines: number } {
  const lines = message.split(/\r\n|\r|\n/);
  let text = (lines[0] ?? '').replace(KLOG_HEADER, '').trim();
  if (text.length > MAX_WHAT) text = `${text.slice(0, MAX_WHAT - 1)}…`;
  const extraLines = lines.slice(1).filter((l) => l.trim() !== '').length;
  return { text, extraLines };
}

/** Whitespace-separated tokens; a double-quoted string (with `\"` escapes) stays in one token. */
export function tokens(text: string): string[] {
  return text.match(/(?:[^\s"]|"(?:[^"\\]|\\.)*"?)+/g) ?? [];
}

/** Positions where two token lists of equal length differ; null when the lengths differ. */
export function diffPositions(a: readonly string[], b: readonly string[]): number[] | null {
  if (a.length !== b.length) return null;
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** How many token positions may differ for two messages to be the same shape. */
export function maxVarying(tokenCount: number): number {
  return tokenCount <= 2 ? 0 : Math.max(1, Math.floor(tokenCount / 3));
}

/**
 * Whether messages differing at `varying` token positions are one message about several
 * objects: few positions differ, and they sit together. Differences in several places (a count
 * here, a function name there) make different messages, whose shared skeleton reads as
 * nonsense ("in blocked for 9 minutes").
 */
export function oneObjectVaries(varying: ReadonlySet<number>, tokenCount: number): boolean {
  if (varying.size > maxVarying(tokenCount)) return false;
  if (varying.size === 0) return true;
  const positions = [...varying];
  return Math.max(...positions) - Math.min(...positions) === positions.length - 1;
}

/**
 * The object a varying token names: `pod="openebs/x"` -> `openebs/x`, `(sdb):` -> `sdb`,
 * `[sdb]` -> `sdb`.
 */
export function objectOf(token: string): string {
  let t = token;
  const kv = /^[A-Za-z_][\w.-]*=(.*)$/.exec(t);
  if (kv) t = kv[1]!;
  t = t.replace(/^["'([{<]+/, '').replace(/[\])}>"',;:.]+$/, '');
  return t === '' ? token : t;
}

/** The text shared by a run of same-shape messages: the tokens outside the varying positions. */
export function skeleton(toks: readonly string[], varying: ReadonlySet<number>): string {
  return toks.filter((_t, i) => !varying.has(i)).join(' ');
}

/**
 * The messages of a run as one line: `6x "Deleting pod" controller="taint-eviction-controller":
 * openebs/a, openebs/b, …` when they all have one shape (the objects are the parts that differ,
 * adjacent tokens in one place, at most `shown` named), else null.
 */
export function collapseMessages(messages: readonly string[], shown = 8, name: (object: string) => string = (o) => o): { text: string; objects: string[] } | null {
  if (messages.length < 2) return null;
  const all = messages.map((m) => tokens(displayMessage(m).text));
  const first = all[0]!;
  const varying = new Set<number>();
  for (const toks of all.slice(1)) {
    const d = diffPositions(first, toks);
    if (d === null) return null;
    for (const i of d) varying.add(i);
  }
  if (!oneObjectVaries(varying, first.length)) return null;
  const positions = [...varying].sort((a, b) => a - b);
  const objects: string[] = [];
  for (const toks of all) {
    const o = positions.map((i) => objectOf(toks[i] ?? '')).join(' ');
    if (o !== '' && !objects.includes(o)) objects.push(o);
  }
  const list = objects.slice(0, shown).map(name).join(', ') + (objects.length > shown ? `, … (+${objects.length - shown} more)` : '');
  const base = skeleton(first, varying) || displayMessage(messages[0]!).text;
  return { text: `${messages.length}x ${base}${list ? `: ${list}` : ''}`, objects };
}
