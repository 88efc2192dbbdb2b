import { createRequire } from 'node:module';
import { correlate } from '../correlate/index.js';
import { discoverInputs, readCost, releaseReadResources, type InputFile } from '../ingest/index.js';
import type { AnalysisResult, ClockAssumption, Diagnostic, Event, FileScan, InputInfo, LoadedSignature, RoutineTally, RunOptions, SignatureHit, Stamp } from '../model/index.js';
import { buildEvents } from '../parse/index.js';
import { buildClusterState } from '../parse/state/index.js';
import { formatDuration, type CompiledSignatures } from '../signatures/index.js';
import { WorkerPool, workerUrl } from './pool.js';
import { scanDeps, scanOptions, type ScanConfig } from './scan-deps.js';
import { shareReceived } from './record-strings.js';
import { scanFile } from './scan-file.js';
import { prepareSignatures, type PreparedSignatures, type SignaturePayload } from './signature-set.js';
import { collectGarbage } from './memory.js';
import { phase } from './timings.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
export const VERSION = pkg.version;

/** Everything one analysis needs besides the input paths. */
export interface AnalyzeOptions extends RunOptions {
  /** Raw `--param` arguments (`<id>.<name>=<value>`). */
  paramArgs: string[];
  /** Use the signatures shipped with hows (default true). */
  builtin: boolean;
  /** Scan worker threads (1 = in this thread). */
  jobs: number;
  onInputs?: (files: readonly InputFile[]) => void;
  onBytes?: (n: number) => void;
  onFile?: () => void;
}

export interface Analysis {
  result: AnalysisResult;
  /** Notable events (all events with `all`), on one clock, for the timeline. */
  timeline: Event[];
  /** Every event kept (hits and context), sorted. */
  events: Event[];
  signatures: LoadedSignature[];
  /** True when not one input could be read. */
  nothingRead: boolean;
}

/** Signature files that do not load stop the run: the patterns are the tool's program. */
export class PatternLoadError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.filter((d) => d.severity === 'error').length} error(s) in pattern files`);
  }
}

/** True when the inputs are worth more than this thread: several files, over 4 MB, no stdin. */
function useWorkers(files: readonly InputFile[], jobs: number): boolean {
  const bytes = files.reduce((a, f) => a + f.size, 0);
  return jobs > 1 && files.length > 1 && bytes > 4 << 20 && !files.some((f) => f.path === '-');
}

/**
 * Every scan worker is a V8 isolate with a heap of its own, so peak memory grows with --jobs;
 * its young generation is capped at 8 MB (V8's default is several times that). A worker keeps
 * only its current file's records, and what a scan allocates per line dies young either way.
 * Measured on the 500 MB bench corpus (2-core box, interleaved): -j 4 peak RSS 395-402 ->
 * 317-325 MiB, -j 2 249-254 -> 239-241 MiB, wall and CPU time within noise; 1 GB -j 2 unchanged
 * (its peak is reached after the scan, in this thread).
 */
const SCAN_WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 8 } };

/** Scan workers for these inputs (this thread is one more slot), started now; none when not worth it. */
export function startScanWorkers(files: readonly InputFile[], jobs: number): WorkerPool | undefined {
  if (!useWorkers(files, jobs)) return undefined;
  return new WorkerPool(workerUrl('scan-worker', import.meta.url), Math.min(jobs, files.length) - 1, SCAN_WORKER_OPTIONS);
}

/**
 * Reads the inputs once per file (on `jobs` threads, this one included): ingest, parse, event
 * signatures. `workers` started earlier are used (and left open); else they are started here.
 */
export async function scanInputs(
  files: readonly InputFile[],
  payload: SignaturePayload,
  compiled: CompiledSignatures,
  config: ScanConfig,
  opts: Pick<AnalyzeOptions, 'jobs' | 'onBytes' | 'onFile'>,
  workers?: WorkerPool,
): Promise<FileScan[]> {
  const deps = scanDeps(compiled);
  const local = (f: InputFile): Promise<FileScan> => scanFile(f, deps, { ...scanOptions(config), ...(opts.onBytes ? { onBytes: opts.onBytes } : {}) });
  if (useWorkers(files, opts.jobs)) {
    /** Scans made on this thread: the others were cloned from a worker. */
    const here = new WeakSet<FileScan>();
    const pool = workers ?? startScanWorkers(files, opts.jobs)!;
    const cost: number[] = [];
    for (let i = 0; i < files.length; i += 64) cost.push(...(await Promise.all(files.slice(i, i + 64).map((f) => readCost(f.path, f.size)))));
    try {
      return await pool.run<InputFile, FileScan>(files, {
        init: { signatures: payload, scan: config },
        local: async (f) => {
          const scan = await local(f);
          here.add(scan);
          return scan;
        },
        weight: (_, i) => cost[i]!,
        ...(opts.onBytes ? { onProgress: opts.onBytes } : {}),
        onResult: (_, scan) => {
          if (!here.has(scan)) shareReceived(scan);
          opts.onFile?.();
        },
      });
    } finally {
      if (!workers) await pool.close();
    }
  }
  const out: FileScan[] = [];
  for (const f of files) {
    out.push(await local(f));
    opts.onFile?.();
  }
  return out;
}

/**
 * The whole analysis: the only place that knows the order of the stages. Inputs are listed
 * first so that the scan workers start (and import their modules) while the signatures load.
 */
export async function analyze(paths: readonly string[], opts: AnalyzeOptions): Promise<Analysis> {
  const discovered = await discoverInputs([...paths]);
  const workers = startScanWorkers(discovered.files, opts.jobs);
  let scans: FileScan[];
  let prepared: PreparedSignatures;
  try {
    prepared = prepareSignatures(opts.patterns, opts.paramArgs, opts.builtin);
    if (prepared.diagnostics.some((d) => d.severity === 'error')) throw new PatternLoadError(prepared.diagnostics);
    phase('start-up');
    opts.onInputs?.(discovered.files);
    scans = await scanInputs(discovered.files, prepared.payload, prepared.compiled, scanConfig(opts), opts, workers);
  } finally {
    // Before correlation: a worker's heap (and the hashing thread's, and read buffers kept for
    // a next file) is memory the rest of the run does not need.
    await workers?.close();
    await releaseReadResources();
  }
  phase('scan');
  return finishAnalysis(scans, discovered.diagnostics, prepared, opts);
}

/** The per-file scan options of a run. */
export function scanConfig(opts: AnalyzeOptions): ScanConfig {
  return {
    all: opts.all,
    context: opts.context,
    parse: { ...(opts.dumpTime !== undefined ? { dumpTime: opts.dumpTime } : {}), ...(opts.snapshotTime !== undefined ? { snapshotTime: opts.snapshotTime } : {}) },
    ...(opts.as ? { as: opts.as } : {}),
    ...(opts.host ? { host: opts.host } : {}),
  };
}

/**
 * Everything after the per-file scans: one clock, cluster state, correlation, the result.
 * `hows analyze` runs it on fresh scans, `hows correlate` on scans read back from files.
 */
export function finishAnalysis(rawScans: FileScan[], ingestDiagnostics: Diagnostic[], prepared: PreparedSignatures, opts: AnalyzeOptions): Analysis {
  collectGarbage();
  const scans = dropDuplicateContent(rawScans);
  const discovered = { diagnostics: ingestDiagnostics };
  const built = buildEvents(scans, {
    consume: true,
    tz: opts.tz,
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    ...(opts.bootTime !== undefined ? { bootTime: opts.bootTime } : {}),
    ...(opts.snapshotTime !== undefined ? { snapshotTime: opts.snapshotTime } : {}),
  });
  // The records live on in the events (same strings); buildEvents let go of the record
  // objects and their stamps (consume). A duplicate's scan was replaced by a copy: its own.
  for (const s of rawScans) s.records = [];
  collectGarbage();
  phase('build-events');
  const events = built.events.filter((e) => inWindow(e, opts.since, opts.until));
  events.forEach((e, i) => (e.seq = i));
  const { findings, chains, routine, foldedEvents, diagnostics } = correlateAndFold(events, scans, built.ranges, prepared, opts);
  collectGarbage();
  phase('correlate');
  const inputs: InputInfo[] = scans.map((s) => {
    const r = built.ranges.get(s.input.path);
    return { ...s.input, ...(r?.first ? { first: r.first } : {}), ...(r?.last ? { last: r.last } : {}) };
  });
  const warnings = sortDiagnostics([
    ...prepared.diagnostics,
    ...discovered.diagnostics,
    ...scans.flatMap((s) => s.diagnostics),
    ...built.diagnostics,
    ...diagnostics,
    ...routineNote(routine, opts.routineWindow),
  ]);
  const assumptions: ClockAssumption[] = [...built.assumptions];
  const result: AnalysisResult = {
    tool: { name: 'hows', version: VERSION },
    options: { tz: opts.tz, displayTz: opts.displayTz, ...(opts.year !== undefined ? { year: opts.year } : {}), routineWindow: opts.routineWindow > 0 ? formatDuration(opts.routineWindow) : '0' },
    inputs,
    findings,
    chains,
    routine,
    assumptions,
    warnings,
  };
  const timeline = opts.all ? events : events.filter((e) => isNotable(e) && !foldedEvents.has(e.seq));
  const nothingRead = inputs.every((i) => i.skipped !== undefined) || inputs.length === 0;
  return { result, timeline, events, signatures: prepared.payload.signatures, nothingRead };
}

/**
 * Correlation and the routine fold in a scope of their own, so that what only they need (the
 * hit index, the cluster state, every finding before the fold, the folded ones among them) is
 * garbage when this returns and the collection at the stage boundary frees it. Called inline,
 * those stayed referenced from the caller's frame through the collection and the rendering:
 * at 500 MB of input a heap snapshot after correlation held 11,672 findings and 31,020
 * evidence lines, most of them folded.
 */
function correlateAndFold(
  events: Event[],
  scans: readonly FileScan[],
  ranges: ReadonlyMap<string, { first?: string; last?: string }>,
  prepared: PreparedSignatures,
  opts: AnalyzeOptions,
): Pick<AnalysisResult, 'findings' | 'chains' | 'routine'> & { foldedEvents: Set<number>; diagnostics: Diagnostic[] } {
  const hits = new Map<number, SignatureHit[]>();
  for (const e of events) if (e.hits && e.hits.length > 0) hits.set(e.seq, e.hits);
  const state = buildClusterState(
    scans.flatMap((s) => s.objects),
    scans.flatMap((s) => s.buckets),
    opts.snapshotTime !== undefined ? { snapshotTime: new Date(opts.snapshotTime / 1000).toISOString() } : {},
  );
  const corr = correlate({
    events,
    hits,
    state,
    signatures: prepared.compiled,
    params: prepared.payload.params,
    displayTz: opts.displayTz,
    coverage: coverage(scans, ranges, events),
    resolveStamp: dumpTimeResolver(events),
    routineWindow: opts.routineWindow,
  });
  return { findings: corr.findings, chains: corr.chains, routine: corr.routine, foldedEvents: corr.foldedEvents, diagnostics: [...state.diagnostics, ...corr.diagnostics] };
}

/** One note saying how much context was counted rather than listed, and how to list it. */
function routineNote(routine: readonly RoutineTally[], window: number): Diagnostic[] {
  if (routine.length === 0) return [];
  const findings = routine.reduce((a, r) => a + r.findings, 0);
  const ids = [...new Set(routine.map((r) => r.id))];
  return [
    {
      severity: 'info',
      code: 'report/routine-context',
      reason: `${findings} context finding(s) of ${ids.join(', ')} are unrelated to any problem and more than ${formatDuration(window)} from its start and end: counted per signature and host in the timeline, not listed`,
      help: 'list them with --routine-window 0 (or a wider window, or --all)',
      count: findings,
    },
  ];
}

/** Notable for the timeline: signature evidence, its context, kubectl state changes, goroutine buckets. */
export function isNotable(e: Event): boolean {
  return (e.hits?.length ?? 0) > 0 || e.context === true || e.source === 'kubectl' || e.source === 'goroutine';
}

function inWindow(e: Event, since?: number, until?: number): boolean {
  const t = e.time.utcMicros;
  if (t === null) return true;
  return (since === undefined || t >= since) && (until === undefined || t <= until);
}

/** The same bytes given twice (or under two names) are read once: later copies are dropped, with a warning. */
export function dropDuplicateContent(scans: FileScan[]): FileScan[] {
  const seen = new Map<string, string>();
  return scans.map((s) => {
    // No digest (the hashing thread failed: ingest/hash-failed): nothing to compare, read it.
    if (s.input.skipped || s.input.bytes === 0 || s.input.sha256 === '') return s;
    const first = seen.get(s.input.sha256);
    if (first === undefined) {
      seen.set(s.input.sha256, s.input.path);
      return s;
    }
    return {
      ...s,
      input: { ...s.input, skipped: `duplicate of ${first}` },
      records: [],
      samples: [],
      objects: [],
      buckets: [],
      diagnostics: [{ severity: 'warning', code: 'ingest/duplicate-content', reason: `${s.input.path} has the same content (sha256) as ${first}; read once`, place: { file: s.input.path } }],
    };
  });
}

/** Time extent of the evidence per host, from every input (not only kept events), for absences. */
function coverage(scans: readonly FileScan[], ranges: ReadonlyMap<string, { first?: string; last?: string }>, events: readonly Event[]): Array<{ host?: string; first: number; last: number }> {
  const hostOf = new Map<string, string>();
  for (const e of events) for (const p of e.from) if (e.host && !hostOf.has(p.file)) hostOf.set(p.file, e.host);
  const out: Array<{ host?: string; first: number; last: number }> = [];
  for (const s of scans) {
    const r = ranges.get(s.input.path);
    if (!r?.first || !r.last) continue;
    const host = hostOf.get(s.input.path) ?? s.input.host;
    out.push({ ...(host ? { host } : {}), first: Date.parse(r.first) * 1000, last: Date.parse(r.last) * 1000 });
  }
  return out;
}

/**
 * Goroutine bucket dump times are stamps like any other (a journal prefix, --dump-time, mtime):
 * the clock placed each bucket record at dump time minus its minutes, so the dump time is read
 * back from those records.
 */
function dumpTimeResolver(events: readonly Event[]): (stamp: Stamp, host?: string) => number | null {
  const byText = new Map<string, number>();
  for (const e of events) {
    if (e.source !== 'goroutine' || e.time.utcMicros === null) continue;
    const minutes = Number(e.fields.minutes ?? 0);
    byText.set(`${e.host ?? ''}\u0000${e.time.text}`, e.time.utcMicros + minutes * 60_000_000);
  }
  return (stamp, host) => {
    if (stamp.kind === 'absolute') return stamp.utcMicros;
    if (stamp.kind === 'none') return null;
    return byText.get(`${host ?? ''}\u0000${stamp.text}`) ?? null;
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortDiagnostics(d: Diagnostic[]): Diagnostic[] {
  return d
    .map((x, i) => ({ x, i }))
    .sort((a, b) => SEVERITY_ORDER[a.x.severity] - SEVERITY_ORDER[b.x.severity] || (a.x.place?.file ?? '').localeCompare(b.x.place?.file ?? '') || (a.x.place?.line ?? 0) - (b.x.place?.line ?? 0) || a.i - b.i)
    .map((y) => y.x);
}
