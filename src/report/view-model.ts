/**
 * The report view-model: plain data that `templates/*.hbs` render. Built by
 * `buildReportModel` from an AnalysisResult; holds text as written in the evidence (templates
 * escape it where it lands). Templates are compiled with `strict: true`, so every field is
 * always present: absent values are `null`, empty lists `[]`, never `undefined`.
 * templates/README.md documents this shape for users writing their own templates.
 */

/** One instant on the display clock. */
export interface TimeView {
  /** ISO 8601 UTC (`2026-05-28T10:21:03Z`, milliseconds when the source had them). */
  iso: string;
  /** Display-zone date `2026-05-28`. */
  date: string;
  /** Display-zone time `20:21:03` or `20:21:03.118`. */
  clock: string;
  /** `2026-05-28 20:21:03`. */
  full: string;
  /** Display-zone offset `+10:00`. */
  offset: string;
  /** `AEST`, or `UTC+10` when the zone has no abbreviation. */
  abbrev: string;
  /** `AEST (UTC+10)`. */
  label: string;
  /** `20:21:03 AEST`. */
  zoned: string;
  /** `2026-05-28 20:21:03` to the second (gantt). */
  wall: string;
  /** The time depends on a clock assumption (inferred year, assumed zone). */
  assumed: boolean;
}

export interface ClockView {
  /** IANA zone of the display clock. */
  zone: string;
  /** `AEST (UTC+10)`; `AEDT (UTC+11) / AEST (UTC+10)` when the shown period crosses a DST change. */
  label: string;
  labels: string[];
  /** The shown period has more than one UTC offset: every row names its own. */
  mixed: boolean;
}

export interface TimelineRowView {
  /**
   * event: one line; burst: same-shape lines in a quick run; repeat: the same line again; gap: a
   * silence; routine: context findings of one signature and host counted, not listed.
   */
  kind: 'event' | 'burst' | 'repeat' | 'gap' | 'routine';
  time: TimeView | null;
  /** Last event of a collapsed row, or the end of a gap. */
  until: TimeView | null;
  /** First row of the table or first row of a new display-zone day. */
  showDate: boolean;
  host: string;
  /** Program that wrote the line (`iscsid`, `kernel`), else the source kind. */
  source: string;
  /** What happened, one line of plain text (collapsed rows: `6x ...: objects`). */
  what: string;
  count: number;
  /** The parts that differ between the lines of a burst (pod names, devices). */
  objects: string[];
  /** `file:line` of the first and (collapsed rows) last line. */
  refs: string[];
  /** Signature ids this row is evidence of. */
  tags: string[];
  /** The row is context around evidence (grep -C), not evidence itself. */
  context: boolean;
}

export interface AssumptionView {
  kind: string;
  text: string;
  files: string[];
  events: number;
}

export interface TimelineView {
  /** 'notable' (evidence, context, kubectl, goroutines) or 'all' (--all). */
  mode: 'notable' | 'all';
  rows: TimelineRowView[];
  /** Events whose time could not be resolved, in input order. */
  unplaced: TimelineRowView[];
  eventCount: number;
  collapsedCount: number;
  gapCount: number;
  /** Silence (minutes) that gets a gap row. */
  gapMinutes: number;
  assumptions: AssumptionView[];
}

export interface EvidenceView {
  ref: string;
  time: TimeView | null;
  text: string;
  /** Other places the same event was read (rotated copies). */
  alsoAt: string[];
}

export interface EntityListView {
  kind: string;
  /** `devices`, `PVCs`. */
  label: string;
  /** The first few values, long ids in their short form (`pvc-746b2837…`). */
  values: string[];
  /** Values of this kind not listed. */
  more: number;
}

export interface FindingView {
  ref: string;
  id: string;
  title: string;
  level: string;
  role: string;
  host: string | null;
  first: TimeView | null;
  last: TimeView | null;
  /** `5m 3s`, from first to last evidence. */
  span: string;
  count: number;
  entities: EntityListView[];
  evidence: EvidenceView[];
  /** Evidence lines not listed in `evidence` (see findings.json). */
  moreEvidence: number;
  /** Grep-style quote of `evidence`: `file:line:text`, following lines of a record `file-line-text`. */
  quote: string[];
  /** Where the quoted lines were read a second time (rotated copies): `file:1467-1469`. */
  alsoRead: string[];
  assumptions: string[];
}

export interface LinkView {
  /** Ref of the deeper finding (the cause). */
  to: string;
  strength: 'identity' | 'time';
  via: string;
  /** How the link is supported, as a sentence. */
  text: string;
  /** `4s` (cause started that long before this step), or null when a time is missing. */
  lead: string | null;
}

/** A finding named beside a chain step (a parallel branch, a cause off the path), in one line. */
export interface SideView {
  ref: string;
  id: string;
  title: string;
  host: string | null;
  /** `on k8s02`, `on k8s01 and k8s02`, `in the cluster`. */
  place: string;
  first: TimeView | null;
  /** What it names that the step does not: `device sdc`, `node k8s01`. */
  objects: string;
  count: number;
  /** `file:line` of its first evidence line. */
  refs: string[];
}

/** A cause linked to a step (or to another linked cause) that is not on the chain's path. */
export interface LinkedView extends SideView {
  /** Ref of the finding it is a cause of (the step, or the linked cause listed above it). */
  effect: string;
  strength: 'identity' | 'time';
  via: string;
  /** How the link is supported, as a sentence. */
  text: string;
  /** `5m before`, or null without times. */
  lead: string | null;
  /** Number of the step it was first listed under, when it was (it is not repeated). */
  seeStep: number | null;
  /** Its own causes off the path, followed down, depth first (each with `behind: []`). */
  behind: LinkedView[];
  /** Causes further down that are not listed (refs), past the listing limit. */
  behindMore: string[];
}

export interface StepView {
  n: number;
  ref: string;
  question: string;
  answer: string;
  finding: FindingView | null;
  link: LinkView | null;
  /** `ChainStep.also`: the same step on parallel branches, or causes the evidence cannot tell apart. */
  also: SideView[];
  /** Refs of `also` entries past the listing limit. */
  alsoMore: string[];
  /** Causes the evidence links to this step that the chain does not follow ("also linked"). */
  linked: LinkedView[];
}

/** A chain as a Mermaid flowchart: ids and labels raw (the partial escapes them). */
export interface FlowView {
  nodes: Array<{ id: string; label: string; shape: 'box' | 'stadium'; cls: string | null }>;
  edges: Array<{ from: string; to: string; label: string | null; dashed: boolean }>;
}

export interface ChainView {
  id: string;
  n: number;
  title: string;
  hosts: string[];
  level: string;
  symptoms: string[];
  steps: StepView[];
  open: { question: string; hint: string } | null;
  /** Refs of contrast findings shown with this chain. */
  contrasts: string[];
  /** Burst or sequence findings over this chain's findings: the chain recognised as a whole. */
  patterns: FindingView[];
  /** Executive-summary sentences of this chain. */
  summary: string[];
  flow: FlowView;
}

export interface ContrastView {
  finding: FindingView;
  /**
   * Why it is not part of the chain: the reason it was ruled out (`Finding.ruledOut`), else the
   * signature's answer filled from the evidence.
   */
  why: string;
  /** What it resembles: `F039 iSCSI login/discovery failed` (the step it was ruled out against), or null. */
  against: string | null;
  /** Signature ids of chain findings that name this one as a look-alike. */
  lookalikeOf: string[];
  /** Numbers (`1`, `2`) of the chains it is shown with. */
  chains: string[];
}

export interface DetectionView {
  id: string;
  title: string;
  promql: string | null;
  logAlert: string | null;
  note: string | null;
}

export interface ImpactEntityView {
  kind: string;
  label: string;
  name: string;
  hosts: string[];
  first: TimeView | null;
  last: TimeView | null;
  span: string;
  findings: string[];
}

export interface ImpactView {
  start: TimeView | null;
  end: TimeView | null;
  duration: string;
  hosts: ImpactEntityView[];
  entities: ImpactEntityView[];
}

export interface ActionView {
  n: number;
  text: string;
  /** `High`. */
  priority: string;
  priorityKey: string;
  signatures: string[];
}

export interface SignatureLinesView {
  id: string;
  title: string;
  level: string;
  findings: string[];
  lines: string[];
  more: number;
}

export interface InputView {
  path: string;
  format: string;
  host: string | null;
  hostSource: string | null;
  gzip: boolean;
  bytes: number;
  uncompressedBytes: number;
  lines: number;
  unparsedLines: number;
  sha256: string;
  first: TimeView | null;
  last: TimeView | null;
  skipped: string | null;
}

export interface WarningView {
  severity: string;
  code: string;
  reason: string;
  place: string | null;
  snippet: string | null;
  help: string | null;
  count: number;
}

/** `start`/`end`: display-zone wall times `YYYY-MM-DD HH:mm:ss`. */
export interface GanttTaskView {
  id: string;
  label: string;
  start: string;
  end: string;
  milestone: boolean;
}

export interface GanttView {
  title: string;
  sections: Array<{ name: string; tasks: GanttTaskView[] }>;
}

export interface IncidentView {
  title: string;
  date: string;
  start: TimeView | null;
  end: TimeView | null;
  duration: string;
  /** `High`, or `Unknown` with no findings. */
  severity: string;
  /** Why this severity is suggested. */
  severityBasis: string;
  status: 'Draft';
  hosts: string[];
}

export interface ReportModel {
  tool: { name: string; version: string };
  options: { tz: string; displayTz: string; year: number | null; all: boolean };
  clock: ClockView;
  incident: IncidentView;
  /** Executive summary paragraphs: one per chain (its `summary` sentences), then `summaryNotes`. */
  summary: string[];
  /** The summary paragraphs after the chains: contrasts, findings outside the chains, context findings. */
  summaryNotes: string[];
  timeline: TimelineView;
  /** One row per reported finding (first evidence line), for the PIR. */
  keyEvents: TimelineRowView[];
  chains: ChainView[];
  contrasts: ContrastView[];
  /**
   * Problem findings no chain reaches: not a step, a parallel branch or a linked cause of one,
   * not a member of a linked burst, not explained by a contrast.
   */
  otherFindings: FindingView[];
  /** Context-role findings (milestones for the timeline, never problems): how many, not listed. */
  contextFindings: number;
  /** Context findings counted in the timeline's routine rows, not listed (see --routine-window). */
  routine: { findings: number; rows: number; window: string };
  detection: { rules: DetectionView[]; missing: Array<{ id: string; title: string }> };
  impact: ImpactView;
  actions: ActionView[];
  signatures: SignatureLinesView[];
  appendix: { inputs: InputView[]; assumptions: AssumptionView[]; warnings: WarningView[] };
  gantt: GanttView;
}
