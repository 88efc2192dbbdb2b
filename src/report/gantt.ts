import type { Finding } from '../model/index.js';
import type { DisplayClock } from './display-time.js';
import type { ChainView, ContrastView, GanttTaskView, GanttView } from './view-model.js';

function task(f: Finding, clock: DisplayClock, section: number): GanttTaskView | null {
  const first = clock.iso(f.first);
  const last = clock.iso(f.last);
  if (!first) return null;
  const startMs = Date.parse(first.iso);
  const endMs = last ? Date.parse(last.iso) : startMs;
  // Mermaid draws a zero-length task as nothing: an instant gets one second.
  const end = endMs - startMs >= 1000 ? last! : clock.iso(new Date(Math.floor(startMs / 1000) * 1000 + 1000).toISOString())!;
  return { id: `s${section}_${f.ref}`, label: `${f.ref} ${f.title}${f.host ? ` on ${f.host}` : ''}`, start: first.wall, end: end.wall, milestone: endMs - startMs < 1000 };
}

/**
 * The incident's phases as a gantt: a section per chain with a task per step (first to last
 * evidence, deepest cause first so time runs down the chart), then contrasts and other findings.
 * Times are display-zone wall times, which Mermaid draws as given.
 */
export function ganttView(
  chains: readonly ChainView[],
  contrasts: readonly ContrastView[],
  other: readonly Finding[],
  byRef: ReadonlyMap<string, Finding>,
  clock: DisplayClock,
  label: string,
): GanttView {
  const sections: GanttView['sections'] = [];
  const tasks = (refs: readonly string[]): GanttTaskView[] =>
    refs.map((r) => byRef.get(r)).flatMap((f) => (f ? [task(f, clock, sections.length + 1)].filter((t): t is GanttTaskView => t !== null) : []));
  for (const c of chains) {
    const t = tasks([...c.steps].reverse().map((s) => s.ref));
    if (t.length) sections.push({ name: `Chain ${c.n} ${c.title}`, tasks: t });
  }
  const x = tasks(contrasts.map((c) => c.finding.ref));
  if (x.length) sections.push({ name: 'Contrasts', tasks: x });
  const o = tasks(other.map((f) => f.ref));
  if (o.length) sections.push({ name: 'Other findings', tasks: o });
  return { title: `Incident phases (${label})`, sections };
}
