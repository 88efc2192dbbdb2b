import type { FileContext, ParsedRecord, Provenance, Stamp } from '../model/index.js';
import { GoroutineCollector } from './formats/goroutine-collector.js';
import { classifyDumpLine, startsDump } from './formats/goroutine-grammar.js';
import { publishBuckets } from './formats/goroutine-records.js';
import { dumpSummaryRecord } from './formats/goroutine-summary.js';
import { dumpTimeOf, GOROUTINE_FORMAT_ID, reportDumpDamage } from './formats/goroutine.js';

/**
 * Goroutine dumps written to the journal or syslog one line per entry (FORMATS.md §5.3), e.g.
 * `journalctl -u snap.microk8s.daemon-kubelite` after SIGQUIT or a debug handler dump.
 *
 * `withEmbeddedDumps(ctx)` decorates the FileContext a journal/syslog parser writes to. Its
 * `emit` looks at each record's message:
 * - outside a dump, a goroutine header (`goroutine N [...]:`), `goroutine profile: total N` or
 *   `SIGQUIT: quit` opens a dump: dump time = that record's stamp (the journal's clock, so the
 *   clock step resolves year and zone as for the journal), host/program/pid = the record's;
 * - inside a dump, records of the same writer (same pid; same program when a pid is missing)
 *   whose message is a dump line (header, frame, location, created by, elision marker, blank,
 *   register/SIGQUIT extras) go to the goroutine collector instead of being emitted;
 * - any other record is emitted as usual (klog lines interleave with handler dumps).
 * Closing rule: the dump closes at the first record that is more than GAP_SECONDS after the
 * last dump line (a later header then opens a new dump), after MAX_INTERLEAVED records in a
 * row that are not dump lines, or at `end()`. A dump is written in one burst, so its lines are
 * seconds apart at most; journald may drop some (rate limiting), which the collector reports.
 *
 * `inDump()` tells the scanner to keep feeding every line while a dump is open (a dump line
 * would never pass a signature prefilter). Call `end()` after the line parser's `end()`.
 * On close, every bucket goes to `ctx.bucket`, worthy ones become records (goroutine-records.ts)
 * and one record at the dump time summarises the dump (goroutine-summary.ts).
 */

export const GAP_SECONDS = 5;
export const MAX_INTERLEAVED = 1000;

export interface EmbeddedDumps {
  ctx: FileContext;
  inDump(): boolean;
  end(): void;
}

interface OpenDump {
  collector: GoroutineCollector;
  stamp: Stamp;
  host?: string;
  program?: string;
  pid?: number;
  first: Provenance;
  last: Provenance;
  lastSeconds?: number;
  between: number;
}

/** Seconds on the stamp's own clock, comparable within one file; undefined when it has none. */
function secondsOf(stamp: Stamp): number | undefined {
  switch (stamp.kind) {
    case 'absolute':
      return stamp.utcMicros / 1e6;
    case 'wall':
      return Date.UTC(stamp.year ?? 2000, stamp.month - 1, stamp.day, stamp.hour, stamp.minute, stamp.second) / 1000;
    case 'uptime':
      return stamp.seconds;
    default:
      return undefined;
  }
}

function sameWriter(d: OpenDump, r: ParsedRecord): boolean {
  if (d.pid !== undefined && r.pid !== undefined) return d.pid === r.pid;
  if (d.program !== undefined && r.program !== undefined) return d.program === r.program;
  return true;
}

export function withEmbeddedDumps(base: FileContext): EmbeddedDumps {
  let dump: OpenDump | undefined;

  const open = (r: ParsedRecord): OpenDump => {
    const d: OpenDump = { collector: new GoroutineCollector(), stamp: r.stamp, first: r.at, last: r.at, between: 0 };
    const host = r.host ?? base.host;
    if (host !== undefined) d.host = host;
    if (r.program !== undefined) d.program = r.program;
    if (r.pid !== undefined) d.pid = r.pid;
    const s = secondsOf(r.stamp);
    if (s !== undefined) d.lastSeconds = s;
    return d;
  };

  const close = (): void => {
    const d = dump;
    if (!d) return;
    dump = undefined;
    const bucketer = d.collector.finish();
    const known = d.stamp.kind !== 'none';
    const fallback = known ? undefined : dumpTimeOf(base);
    const outs = bucketer.finish({
      dumpTime: fallback?.stamp ?? d.stamp,
      dumpTimeSource: fallback?.source ?? 'journal',
      ...(d.host !== undefined ? { host: d.host } : {}),
    });
    const writer = { format: GOROUTINE_FORMAT_ID, ...(d.program !== undefined ? { program: d.program } : {}), ...(d.pid !== undefined ? { pid: d.pid } : {}) };
    const records = publishBuckets(outs, writer, base);
    const summary = dumpSummaryRecord(outs, writer, bucketer.goroutines);
    if (summary) base.emit(summary);
    base.diag({
      severity: 'info',
      code: 'parse/goroutine-dump-embedded',
      reason: `Read a goroutine dump of ${bucketer.goroutines} goroutines in ${outs.length} buckets from log lines ${d.first.line}-${d.last.line}; ${records} became timeline records`,
      place: d.first,
    });
    reportDumpDamage(base, d.collector);
  };

  const emit = (r: ParsedRecord): void => {
    const msg = r.message;
    if (dump) {
      const s = secondsOf(r.stamp);
      const late = s !== undefined && dump.lastSeconds !== undefined && s - dump.lastSeconds > GAP_SECONDS;
      if (sameWriter(dump, r)) {
        const parsed = classifyDumpLine(msg);
        if (parsed && !late && dump.collector.accept(msg, r.at, parsed, r.raw)) {
          if (s !== undefined) dump.lastSeconds = s;
          dump.last = r.at;
          dump.between = 0;
          return;
        }
      }
      if (late || ++dump.between > MAX_INTERLEAVED) close();
    }
    if (!dump) {
      const parsed = classifyDumpLine(msg);
      if (startsDump(parsed)) {
        dump = open(r);
        dump.collector.accept(msg, r.at, parsed, r.raw);
        return;
      }
    }
    base.emit(r);
  };

  return {
    ctx: { ...base, emit },
    inDump: () => dump !== undefined,
    end: close,
  };
}
