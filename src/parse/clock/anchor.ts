import type { FileScan, Stamp } from '../../model/index.js';
import { isoFromMicros } from '../../model/index.js';
import { parseIso, isoUtcMicros } from '../text/stamps.js';
import { MICROS_PER_DAY, MICROS_PER_MINUTE, wallMicros, yearOfMicros } from './civil.js';
import type { Zone } from './zone.js';

/**
 * The anchors the clock resolves relative stamps against: the newest dated evidence (for
 * years) and the reference time of ages.
 */

export interface Evidence {
  utcMicros: number;
  /** `file:line` of the evidence. */
  where: string;
}

function absoluteOf(stamp: Stamp | undefined): number | undefined {
  return stamp?.kind === 'absolute' ? stamp.utcMicros : undefined;
}

function isoMicros(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const p = parseIso(text, 0);
  return p && !Number.isNaN(p.offsetMinutes) ? isoUtcMicros(p) : undefined;
}

/** The newest absolute time anywhere in the evidence (RFC 3339 lines, journal JSON, kubectl). */
export function newestEvidence(scans: readonly FileScan[]): Evidence | undefined {
  let best: Evidence | undefined;
  const consider = (utc: number | undefined, file: string, line: number): void => {
    if (utc !== undefined && Number.isFinite(utc) && (!best || utc > best.utcMicros)) best = { utcMicros: utc, where: `${file}:${line}` };
  };
  for (const scan of scans) {
    const file = scan.input.path;
    for (const r of scan.records) {
      // a dump file's time is a flag or its mtime, not something written in the evidence
      if (r.source === 'goroutine' && r.fields.dump_time_source !== 'journal') continue;
      consider(absoluteOf(r.stamp), file, r.at.line);
      consider(absoluteOf(r.inner), file, r.at.line);
    }
    for (const s of scan.samples) consider(absoluteOf(s.stamp), file, s.line);
    // what the objects say, never a snapshot time (that is chosen from this, not evidence)
    for (const o of scan.objects) consider(isoMicros(o.newest?.time ?? o.creationTimestamp), file, o.newest?.line || o.at.line);
  }
  return best;
}

/**
 * How far past the newest dated evidence a year-less log may run. The newest absolute time is
 * often a kubectl snapshot or a container log taken during the incident, while the node logs are
 * copied later (seed 001: snapshots on 28 May, syslogs collected on 30 May). A week covers
 * collection after the incident; a log line more than a week past the evidence is read as the
 * year before (a file that ended in December, next to evidence of January).
 */
export const LOG_SKEW = 7 * MICROS_PER_DAY;

export interface YearAnchor {
  /** The anchor as a local wall time (civil time micros read as UTC) in the run's zone. */
  local: number;
  /** Assumption text shown to the user. */
  text: string;
  /** True when nothing dated was found and the current date was used. */
  guessed: boolean;
  /** How far past the anchor the newest stamp may be (clock skew between sources; none for --year). */
  skew: number;
}

function localOf(utc: number, zone: Zone): number {
  return utc + zone.offsetAt(utc) * MICROS_PER_MINUTE;
}

/** The year anchor of one file: --year, else the newest evidence, else its mtime, else now. */
export function yearAnchor(
  scan: FileScan,
  opts: { year?: number; now: number },
  evidence: Evidence | undefined,
  zone: Zone,
): YearAnchor {
  if (opts.year !== undefined) {
    // The newest evidence (plus skew) when it is in that year, never past the year's end: a
    // file that ended in December before evidence of January keeps the year before.
    const endOfYear = wallMicros(opts.year, 12, 31, 23, 59, 59, 999_999);
    const evLocal = evidence ? localOf(evidence.utcMicros, zone) : undefined;
    const local = evLocal !== undefined && yearOfMicros(evLocal) === opts.year ? Math.min(evLocal + LOG_SKEW, endOfYear) : endOfYear;
    return { local, text: `year ${opts.year} from --year (the newest year-less line of each file)`, guessed: false, skew: 0 };
  }
  if (evidence) {
    return {
      local: localOf(evidence.utcMicros, zone),
      text: `year inferred from the newest dated evidence (${isoFromMicros(evidence.utcMicros, 's')} at ${evidence.where})`,
      guessed: false,
      skew: LOG_SKEW,
    };
  }
  if (scan.mtimeMicros !== undefined) {
    return {
      local: localOf(scan.mtimeMicros, zone),
      text: `year inferred from the file's modification time (${isoFromMicros(scan.mtimeMicros, 's')})`,
      guessed: false,
      skew: MICROS_PER_DAY,
    };
  }
  return {
    local: localOf(opts.now, zone),
    text: 'year of the current date: no dated evidence and no file time (pass --year)',
    guessed: true,
    skew: MICROS_PER_DAY,
  };
}

/** The time ages (`5m`, `2d3h`) of a file count back from (clock/snapshot.ts chooses it). */
export interface AgeReference {
  utcMicros: number;
  text: string;
}
