import type { AnalysisResult, Event, Finding, LoadedSignature } from '../model/index.js';
import { assumptionViews, inputViews, warningViews } from './appendix.js';
import { chainRefs, chainViews } from './chains-view.js';
import { contrastViews, planContrasts } from './contrasts.js';
import { DisplayClock } from './display-time.js';
import { findingView } from './findings-view.js';
import { ganttView } from './gantt.js';
import { impactView } from './impact.js';
import { keyEventRows } from './key-events.js';
import { naturalCompare } from './natural.js';
import { pathShower } from './paths.js';
import { actionViews, detectionViews, signatureLines } from './sections.js';
import { incidentView, summarySentences } from './summary.js';
import { linkage } from './linkage.js';
import { GAP_MINUTES, timelineRows } from './timeline-rows.js';
import type { ClockView, FindingView, ReportModel, TimelineRowView } from './view-model.js';

export interface ReportInput {
  result: AnalysisResult;
  /** Events for the timeline: notable ones (evidence, context, kubectl, goroutine) or all. */
  timeline: Event[];
  signatures: LoadedSignature[];
  /** IANA zone the reports are shown in. */
  displayTz: string;
  /** Show every event in the timeline, not only notable ones. */
  all: boolean;
  /** Paths under this folder are shown as `{sample}/...` (hows check, golden tests). */
  sampleRoot?: string;
}

function clockView(clock: DisplayClock, rows: readonly TimelineRowView[], fallbackIso: string | undefined): ClockView {
  const labels: string[] = [];
  for (const r of rows) if (r.time && !labels.includes(r.time.label)) labels.push(r.time.label);
  if (labels.length === 0) labels.push(clock.label(fallbackIso ? Date.parse(fallbackIso) : Date.UTC(2000, 0, 1)));
  return { zone: clock.zone, label: labels.join(' / '), labels, mixed: labels.length > 1 };
}

/** Builds the plain-data view of an analysis that the Markdown templates render. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { result } = input;
  const clock = new DisplayClock(input.displayTz);
  const show = pathShower(input.sampleRoot);
  const findings = [...result.findings].sort((a, b) => naturalCompare(a.ref, b.ref));
  const chains = [...result.chains].sort((a, b) => naturalCompare(a.id, b.id));
  const byRef = new Map(findings.map((f) => [f.ref, f]));
  const sigs = new Map(input.signatures.map((s) => [s.id, s]));
  const views = new Map<string, FindingView>();
  const view = (f: Finding): FindingView => {
    let v = views.get(f.ref);
    if (!v) views.set(f.ref, (v = findingView(f, { clock, show })));
    return v;
  };

  const evidence = new Map<number, Set<string>>();
  for (const f of findings) {
    for (const ev of f.evidence) {
      let s = evidence.get(ev.seq);
      if (!s) evidence.set(ev.seq, (s = new Set()));
      s.add(f.id);
    }
  }
  const tl = timelineRows({ events: input.timeline, evidence, all: input.all, clock, show, routine: result.routine });

  const links = linkage(findings, chains);
  const chainOrder = chains.flatMap((c) => [...c.symptoms, ...c.steps.flatMap((s) => [s.ref, ...(s.also ?? [])])]);
  const chainFindings = [...new Set(chainOrder)].map((r) => byRef.get(r)).filter((f): f is Finding => !!f);
  const sideFindings = findings.filter((f) => links.side.has(f.ref));
  const patternFindings = [...links.patterns.values()].flat().map((r) => byRef.get(r)).filter((f): f is Finding => !!f);
  // Contrasts are drawn from what the chains do not already show (a contrast is never also a step or a linked cause).
  const shown = new Set([...chainRefs(chains), ...links.also, ...links.side, ...[...links.covered].filter(([, why]) => why !== 'contrast').map(([r]) => r)]);
  const plan = planContrasts(findings, chains, shown, sigs);
  const contrastRefs = new Set(plan.findings.map((f) => f.ref));
  const others = links.unlinked.filter((f) => !contrastRefs.has(f.ref));
  const problems = [...chainFindings, ...sideFindings, ...patternFindings, ...others].filter((f) => f.role !== 'contrast' && !contrastRefs.has(f.ref));

  const chainViewList = chainViews(chains, plan.byChain, { byRef, sigs, view, show, links });
  const chainNumber = new Map(chains.map((c, i) => [c.id, String(i + 1)]));
  const contrasts = contrastViews(plan, byRef, sigs, clock, view, (id) => chainNumber.get(id) ?? id);
  const otherViews = others.map(view);
  const incident = incidentView(result, chainFindings, clock);
  const summary = summarySentences(chainViewList, byRef, contrasts, otherViews, { inputs: result.inputs.length, events: tl.eventCount, context: links.contextCount });
  const reported = [...chainFindings, ...sideFindings, ...plan.findings, ...others];
  const eventsBySeq = new Map(input.timeline.map((e) => [e.seq, e]));
  const clockInfo = clockView(clock, tl.rows, findings[0]?.first);
  const assumptions = assumptionViews(result.assumptions, show);

  return {
    tool: { name: result.tool.name, version: result.tool.version },
    options: { tz: result.options.tz, displayTz: input.displayTz, year: result.options.year ?? null, all: input.all },
    clock: clockInfo,
    incident,
    summary: summary.paragraphs,
    summaryNotes: summary.notes,
    timeline: {
      mode: input.all ? 'all' : 'notable',
      rows: tl.rows,
      unplaced: tl.unplaced,
      eventCount: tl.eventCount,
      collapsedCount: tl.rows.filter((r) => r.kind === 'burst' || r.kind === 'repeat').length,
      gapCount: tl.rows.filter((r) => r.kind === 'gap').length,
      gapMinutes: GAP_MINUTES,
      assumptions,
    },
    keyEvents: keyEventRows(reported, eventsBySeq, clock, show),
    chains: chainViewList,
    contrasts,
    otherFindings: otherViews,
    contextFindings: links.contextCount,
    routine: { findings: result.routine.reduce((a, t) => a + t.findings, 0), rows: result.routine.length, window: result.options.routineWindow },
    detection: detectionViews(problems, sigs),
    impact: impactView(problems, incident, clock),
    actions: actionViews(problems, sigs),
    signatures: signatureLines(reported, sigs),
    appendix: { inputs: inputViews(result, clock, show), assumptions, warnings: warningViews(result.warnings, show) },
    gantt: ganttView(chainViewList, contrasts, others, byRef, clock, clockInfo.label),
  };
}
