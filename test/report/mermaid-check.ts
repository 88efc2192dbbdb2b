/**
 * A structural validator for the Mermaid the report writes (a subset of Mermaid's flowchart
 * and gantt grammars: the forms our partials emit). No Mermaid parser runs in Node without a
 * DOM: the `mermaid` package needs one, and `@mermaid-js/parser` covers only the Langium
 * diagrams (info, packet, pie, gitGraph, architecture, radar, treemap), not flowchart or gantt.
 * Returns the problems found; [] means valid.
 */
const ID = '[A-Za-z][A-Za-z0-9_]*';
const RESERVED = /^(end|graph|flowchart|subgraph|style|linkstyle|classdef|class|click|call|href|direction|default)$/i;
// A quoted label: no raw quote, newline, `|`, `%` or `#` other than an entity code `#name;` / `#123;`.
const LABEL = '"(?:[^"#|%\\n]|#[a-z]+;|#[0-9]+;)*"';
// What the gantt lexer reads as a statement at the start of a task text (case-insensitive, first rule wins).
const GANTT_KEYWORD = /^(gantt|inclusiveenddates|topaxis|(dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|title|accdescription|section)\s|(click|call)\s|href\s+"|accTitle\s*:|accDescr\s*[:{]|\d{4}-\d\d-\d\d)/i;

export function checkFlowchart(src: string): string[] {
  const problems: string[] = [];
  const lines = src.split('\n');
  if (lines[0] !== 'flowchart TD') problems.push(`first line: ${lines[0]}`);
  const nodes = new Set<string>();
  const edges: Array<[string, string]> = [];
  const node = new RegExp(`^    (${ID})(?:\\(\\[${LABEL}\\]\\)|\\[${LABEL}\\])(?::::(${ID}))?$`);
  const edge = new RegExp(`^    (${ID}) (?:-->|-\\.->)(?:\\|${LABEL}\\|)? (${ID})$`);
  const classDef = new RegExp(`^    classDef (${ID}) [a-z-]+:[^;\\n]+$`);
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = node.exec(line))) {
      if (nodes.has(m[1]!)) problems.push(`node declared twice: ${m[1]}`);
      nodes.add(m[1]!);
      if (RESERVED.test(m[1]!)) problems.push(`reserved id: ${m[1]}`);
    } else if ((m = edge.exec(line))) edges.push([m[1]!, m[2]!]);
    else if (!classDef.test(line)) problems.push(`not a node, edge or classDef: ${line}`);
  }
  for (const [a, b] of edges) for (const id of [a, b]) if (!nodes.has(id)) problems.push(`edge to undeclared node ${id}`);
  return problems;
}

export function checkGantt(src: string): string[] {
  const problems: string[] = [];
  const lines = src.split('\n');
  const head = ['gantt', null, '    dateFormat YYYY-MM-DD HH:mm:ss', '    axisFormat %H:%M', '    todayMarker off'];
  head.forEach((h, i) => {
    if (h !== null && lines[i] !== h) problems.push(`line ${i + 1}: ${lines[i]}`);
  });
  if (!/^    title [^#;\n]+$/.test(lines[1] ?? '')) problems.push(`title: ${lines[1]}`);
  const ids = new Set<string>();
  const stamp = '(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)';
  const task = new RegExp(`^    ([^#:;%\\n]+) :(milestone, )?(${ID}), ${stamp}, ${stamp}$`);
  for (const line of lines.slice(5)) {
    const s = /^    section ([^#:;%\n]+)$/.exec(line);
    const m = task.exec(line);
    if (s) continue;
    if (!m) {
      problems.push(`not a section or task: ${line}`);
      continue;
    }
    if (GANTT_KEYWORD.test(m[1]!.trim())) problems.push(`task text starts with a keyword: ${m[1]}`);
    if (ids.has(m[3]!)) problems.push(`task id twice: ${m[3]}`);
    ids.add(m[3]!);
    if (m[5]! < m[4]!) problems.push(`task ends before it starts: ${line}`);
  }
  return problems;
}
