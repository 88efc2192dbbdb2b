/**
 * Structural checks of rendered Markdown used by the report tests: GFM table rows split the
 * way GFM splits them, headings in order, fenced blocks and their contents.
 */

/** Cells of a GFM table line: split on pipes not escaped by a backslash (as GFM does, code spans included). */
export function gfmCells(line: string): number {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  let cells = 1;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '|' && i !== t.length - 1) cells++;
  }
  return cells;
}

/** Every GFM table outside fenced blocks: its lines, header first. */
export function tables(md: string): string[][] {
  const out: string[][] = [];
  let fence: string | null = null;
  let current: string[] | null = null;
  for (const line of md.split('\n')) {
    const f = /^(`{3,})/.exec(line);
    if (fence) {
      if (f && f[1]!.length >= fence.length && line.trim() === f[1]) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (line.startsWith('|')) {
      if (!current) out.push((current = []));
      current.push(line);
    } else current = null;
  }
  return out;
}

export function headings(md: string, level: number): string[] {
  const prefix = `${'#'.repeat(level)} `;
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const f = /^(`{3,})/.exec(line);
    if (fence) {
      if (f && f[1]!.length >= fence.length && line.trim() === f[1]) fence = null;
      continue;
    }
    if (f) fence = f[1]!;
    else if (line.startsWith(prefix)) out.push(line.slice(prefix.length));
  }
  return out;
}

/** The text between the heading `title` (any level) and the next heading of the same or higher level. */
export function section(md: string, title: string): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`no heading ${title}`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const m = /^(#+) /.exec(lines[i]!);
    if (m && m[1]!.length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start + 1, end).join('\n');
}

/** Contents of fenced blocks with the given info string. */
export function fences(md: string, info: string): string[] {
  const out: string[] = [];
  const re = /^(`{3,})([^\n`]*)\n([\s\S]*?)\n\1$/gm;
  for (const m of md.matchAll(re)) if (m[2] === info) out.push(m[3]!);
  return out;
}
