import type { ParsedRecord } from '../../model/index.js';
import type { BucketOut } from './goroutine-buckets.js';
import { isBlocked, topFrame, type DumpWriter } from './goroutine-records.js';

/**
 * One record per goroutine dump, at the dump time itself (bucket records sit at their
 * blocked-since times), so the timeline shows when the dump was taken and what it held:
 *
 *   `goroutine dump of microk8s.daemon-kubelite on k8s03: 340 goroutines in 121 buckets; longest waits: 11x k8s.io/kubernetes/pkg/kubelet.(*Kubelet).Run [chan receive, 156 minutes], 7x k8s.io/client-go/tools/cache.(*processorListener).pop [select, 33 minutes], ...`
 *   `goroutine dump on k8s03: 1843 goroutines in 211 stacks (aggregated profile); largest: 120x k8s.io/client-go/tools/cache.(*processorListener).pop, ...`
 *
 * "of <program>" and "on <host>" appear when known. Longest waits: the waiting buckets (not the
 * runtime's idle waits) of at least one minute, those of one top frame, state and wait merged,
 * longest first then most goroutines, at most MAX_LISTED. Fields: what=dump, goroutines,
 * buckets, program, dump_time_source, longest (one wait per line). Provenance: the first
 * goroutine header of the dump.
 */

export const MAX_LISTED = 5;

interface Wait {
  top: string;
  state: string;
  minutes: number;
  count: number;
}

function waits(outs: readonly BucketOut[]): Wait[] {
  const merged = new Map<string, Wait>();
  for (const { bucket: b } of outs) {
    if (b.minutesMax < 1 || !isBlocked(b)) continue;
    const top = topFrame(b) || '(no frames)';
    const key = `${top}\u0000${b.state}\u0000${b.minutesMax}`;
    const w = merged.get(key);
    if (w) w.count += b.count;
    else merged.set(key, { top, state: b.state, minutes: b.minutesMax, count: b.count });
  }
  return [...merged.values()].sort((a, b) => b.minutes - a.minutes || b.count - a.count || (a.top < b.top ? -1 : 1));
}

function largest(outs: readonly BucketOut[]): Array<{ top: string; count: number }> {
  return outs.map(({ bucket: b }) => ({ top: topFrame(b) || '(no frames)', count: b.count })).sort((a, b) => b.count - a.count || (a.top < b.top ? -1 : 1));
}

/** The summary record of one dump; undefined for an empty one. */
export function dumpSummaryRecord(outs: readonly BucketOut[], writer: DumpWriter, goroutines: number): ParsedRecord | undefined {
  const first = outs[0];
  if (!first) return undefined;
  const b = first.bucket;
  const aggregated = outs.every((o) => o.bucket.aggregated);
  const who = `goroutine dump${writer.program ? ` of ${writer.program}` : ''}${b.host ? ` on ${b.host}` : ''}`;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  let message = `${who}: ${plural(goroutines, 'goroutine')} in ${plural(outs.length, aggregated ? 'stack' : 'bucket')}`;
  let longest: string[];
  if (aggregated) {
    longest = largest(outs).slice(0, MAX_LISTED).map((x) => `${x.count}x ${x.top}`);
    message += ` (aggregated profile)${longest.length ? `; largest: ${longest.join(', ')}` : ''}`;
  } else {
    longest = waits(outs).slice(0, MAX_LISTED).map((w) => `${w.count}x ${w.top} [${w.state}, ${plural(w.minutes, 'minute')}]`);
    message += longest.length ? `; longest waits: ${longest.join(', ')}` : '; nothing blocked a minute or more outside the runtime';
  }
  const header = b.headers[0]!;
  const rec: ParsedRecord = {
    stamp: b.dumpTime,
    source: 'goroutine',
    format: writer.format,
    program: writer.program ?? 'go',
    severity: 'info',
    message,
    fields: {
      what: 'dump',
      goroutines: String(goroutines),
      buckets: String(outs.length),
      longest: longest.join('\n'),
      dump_time_source: b.dumpTimeSource,
      ...(writer.program ? { program: writer.program } : {}),
    },
    raw: first.headerText,
    at: { file: header.file, line: header.line, offset: header.offset },
  };
  if (b.host) rec.host = b.host;
  if (writer.pid !== undefined) rec.pid = writer.pid;
  return rec;
}
