import type { FileContext, GoroutineBucket, ParsedRecord, Stamp } from '../../model/index.js';
import type { BucketOut } from './goroutine-buckets.js';

/**
 * Goroutine buckets as timeline records (and, in goroutine-summary.ts, one record per dump at
 * the dump time).
 *
 * Which buckets become records (every bucket always goes to `ctx.bucket`):
 * - any bucket blocked for >= 1 minute (`[select, 33 minutes]`, also `[syscall, 40 minutes]`),
 *   except the runtime's own background waits (`force gc (idle), 60 minutes`);
 * - any other bucket in a wait state that has a frame outside the Go runtime and the sync
 *   primitives (a real caller is blocked);
 * - debug=1 profile stacks (no state, no minutes) that have a frame outside the runtime.
 * Running/runnable goroutines and runtime-only stacks stay buckets only.
 *
 * Message shapes (signatures match on them; keep them stable):
 *   `17 goroutines in k8s.io/client-go/tools/cache.(*processorListener).pop blocked [select] for 33 minutes (since about 20:48)`
 *   `1 goroutine in main.init.0.func1.1 blocked [semacquire]`
 *   `2 goroutines in syscall.Syscall6 [syscall] for 40 minutes (since about 09:12 UTC)`
 *   `120 goroutines in k8s.io/client-go/tools/cache.(*processorListener).pop (aggregated profile)`
 * ", locked to thread" is appended when any goroutine of the bucket was locked. "since about"
 * is dump time - max minutes, in the dump stamp's own clock (a journal prefix's local time, or
 * UTC for --dump-time/mtime); the record's stamp is the dump time with shiftSeconds =
 * -minutes*60 and precision 'min', so the clock step places it at the blocked-since time.
 *
 * Fields: state, count, minutes (max), minutes_min, top (first frame outside runtime/sync),
 * frames (every function, one per line), created_by, ids (comma-separated, first 100 then
 * "+N more"), locked, elided, aggregated, dump_time_source, bucket (`file:line` of the first
 * header: the key to find the GoroutineBucket, whose `headers` hold every header line).
 */

/** States that are not a wait, or are the runtime's own idle waits. */
const NOT_BLOCKED = new Set(['running', 'runnable', 'idle', 'dead', 'copystack', 'preempted', 'syscall', 'unknown']);
const RUNTIME_WAITS = new Set([
  'GC assist marking',
  'GC assist wait',
  'GC sweep wait',
  'GC scavenge wait',
  'GC worker (idle)',
  'GC worker (active)',
  'GC mark termination',
  'GC weak to strong wait',
  'finalizer wait',
  'force gc (idle)',
  'GOMAXPROCS updater (idle)',
  'wait for GC cycle',
  'trace reader (blocked)',
  'cleanup wait',
  'dumping heap',
  'garbage collection',
  'garbage collection scan',
  'stopping the world',
  'flushing proc caches',
  'trace goroutine status',
  'trace proc status',
  'page trace flush',
]);
const RUNTIME_FUNC = /^(?:runtime[./]|internal\/|sync\.|sync\/atomic\.|non-Go function$)/;
const MAX_IDS = 100;

/** First frame outside the runtime and the sync primitives; the first frame otherwise. */
export function topFrame(b: GoroutineBucket): string {
  const f = b.frames.find((x) => !RUNTIME_FUNC.test(x.func)) ?? b.frames[0];
  return f?.func ?? '';
}

export function isBlocked(b: GoroutineBucket): boolean {
  return !b.aggregated && !NOT_BLOCKED.has(b.state) && !RUNTIME_WAITS.has(b.state);
}

/** Whether a bucket becomes a timeline record (see the module comment). */
export function isRecordWorthy(b: GoroutineBucket): boolean {
  const hasCaller = b.frames.some((x) => !RUNTIME_FUNC.test(x.func));
  if (b.aggregated) return hasCaller;
  if (RUNTIME_WAITS.has(b.state)) return false;
  if (b.minutesMax >= 1) return true;
  return isBlocked(b) && hasCaller;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** `HH:MM` of `stamp - minutes`, in the stamp's own clock; undefined when it has none. */
export function sinceText(stamp: Stamp, minutes: number): string | undefined {
  if (stamp.kind === 'wall') {
    const total = (((stamp.hour * 60 + stamp.minute - minutes) % 1440) + 1440) % 1440;
    return `${two(Math.floor(total / 60))}:${two(total % 60)}`;
  }
  if (stamp.kind === 'absolute') {
    const d = new Date(Math.floor(stamp.utcMicros / 1000) - minutes * 60_000);
    return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
  }
  return undefined;
}

export function bucketMessage(b: GoroutineBucket): string {
  const head = `${plural(b.count, 'goroutine')} in ${topFrame(b) || '(no frames)'}`;
  if (b.aggregated) return `${head} (aggregated profile)`;
  let msg = `${head} ${isBlocked(b) ? 'blocked ' : ''}[${b.state}]`;
  if (b.minutesMax >= 1) {
    const since = sinceText(b.dumpTime, b.minutesMax);
    msg += ` for ${plural(b.minutesMax, 'minute')}${since ? ` (since about ${since})` : ''}`;
  }
  if (b.locked) msg += ', locked to thread';
  return msg;
}

/** Bucket fields as records and state signatures see them. */
export function bucketFields(b: GoroutineBucket): Record<string, string> {
  const ids = b.ids.slice(0, MAX_IDS).join(',') + (b.ids.length > MAX_IDS ? ` +${b.ids.length - MAX_IDS} more` : '');
  const fields: Record<string, string> = {
    state: b.state,
    count: String(b.count),
    minutes: String(b.minutesMax),
    minutes_min: String(b.minutesMin),
    top: topFrame(b),
    frames: b.frames.map((f) => f.func).join('\n'),
    created_by: b.createdBy?.func ?? '',
    ids,
    locked: String(b.locked),
    elided: String(b.elided),
    dump_time_source: b.dumpTimeSource,
  };
  if (b.aggregated) fields.aggregated = 'true';
  const h = b.headers[0];
  if (h) fields.bucket = `${h.file}:${h.line}`;
  return fields;
}

function shifted(stamp: Stamp, minutes: number): { stamp: Stamp; shiftSeconds?: number } {
  if (minutes < 1 || (stamp.kind !== 'wall' && stamp.kind !== 'absolute')) return { stamp };
  return { stamp: { ...stamp, precision: 'min' }, shiftSeconds: -minutes * 60 };
}

/** Who wrote the dump, as the journal or the file says. */
export interface DumpWriter {
  format: string;
  program?: string;
  pid?: number;
}

export function bucketRecord(out: BucketOut, writer: DumpWriter): ParsedRecord {
  const b = out.bucket;
  const header = b.headers[0]!;
  const rec: ParsedRecord = {
    ...shifted(b.dumpTime, b.minutesMax),
    source: 'goroutine',
    format: writer.format,
    program: writer.program ?? 'go',
    severity: b.minutesMax >= 1 ? 'warning' : 'info',
    message: bucketMessage(b),
    fields: bucketFields(b),
    raw: out.headerText,
    at: { file: header.file, line: header.line, offset: header.offset },
  };
  if (b.host) rec.host = b.host;
  if (writer.pid !== undefined) rec.pid = writer.pid;
  return rec;
}

/** Hands every bucket to `ctx.bucket` and the worthy ones to `ctx.emit`; returns the record count. */
export function publishBuckets(outs: BucketOut[], writer: DumpWriter, ctx: Pick<FileContext, 'emit' | 'bucket'>): number {
  let records = 0;
  for (const out of outs) {
    ctx.bucket(out.bucket);
    if (isRecordWorthy(out.bucket)) {
      ctx.emit(bucketRecord(out, writer));
      records++;
    }
  }
  return records;
}
