import path from 'node:path';
import type { FileScan } from '../../model/index.js';
import { isoFromMicros } from '../../model/index.js';
import { parseIso, isoUtcMicros } from '../text/stamps.js';
import type { AgeReference, Evidence } from './anchor.js';
import { MICROS_PER_DAY } from './civil.js';

/**
 * The time each kubectl capture was taken (JSON snapshots, pasted tables): what its age-0 state
 * records (`AT_SNAPSHOT`) and its relative ages (`5m`, `2d3h`) count back from, and the time the
 * cluster state holds its objects at. One choice per file, best first:
 *
 * 1. `--snapshot-time`.
 * 2. The file's modification time, when it is plausible: not before the newest time written
 *    in the file (a capture cannot predate its content) and at most MTIME_SLACK after the newest
 *    time of the captures in its folder (else the whole evidence). A `git clone`, an archive
 *    extracted without times or a later copy sets every mtime to that moment, weeks or months
 *    after the incident.
 * 3. The newest time written in the kubectl captures of the file's folder, this file included
 *    (creation and deletion times, condition transitions and node heartbeats, container starts
 *    and ends, event times, managedFields, `describe` times): files saved together in one folder
 *    were captured in one session, and a list of PVs or ReplicaSets alone often holds nothing
 *    newer than their creation weeks before, while a nodes.json sibling has heartbeats minutes
 *    old. Two snapshot folders (`kubectl/`, `kubectl-2210/`) get their own times.
 * 4. The newest absolute time of the whole evidence (a table of ages alone in its folder).
 *
 * Why MTIME_SLACK is 2 days: the newest time in a capture trails the capture by the age of its
 * last change (node heartbeats at most 5 minutes old, nodeStatusReportFrequency; a quiet
 * namespace's pods or a list of volumes days). Copies made while collecting evidence (scp, cp
 * without -p, the same or the next day) stay within a day or two; checkouts and extractions that
 * reset times are usually far later. The cost of accepting a wrong mtime is bounded by 2 days
 * past the content; a genuine mtime more than 2 days after everything in its folder is rare.
 */

export const MTIME_SLACK = 2 * MICROS_PER_DAY;

export interface SnapshotChoice extends AgeReference {
  source: 'flag' | 'mtime' | 'file' | 'folder' | 'evidence';
}

interface Newest {
  utcMicros: number;
  where: string;
}

function isoMicros(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const p = parseIso(text, 0);
  return p && !Number.isNaN(p.offsetMinutes) ? isoUtcMicros(p) : undefined;
}

function later(a: Newest | undefined, b: Newest | undefined): Newest | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.utcMicros > a.utcMicros ? b : a;
}

/** Files the choice is for: kubectl captures (objects, or records with relative ages). */
export function needsSnapshot(scan: FileScan): boolean {
  return scan.objects.length > 0 || scan.records.some((r) => r.stamp.kind === 'age');
}

/**
 * The newest time written in a capture: its objects' `newest`, and the absolute stamps of its
 * kubectl records (the times `describe` prints) except deletion deadlines, which may lie ahead.
 */
export function newestInCapture(scan: FileScan): Newest | undefined {
  let best: Newest | undefined;
  const file = scan.input.path;
  for (const o of scan.objects) {
    const us = isoMicros(o.newest?.time);
    if (us !== undefined) best = later(best, { utcMicros: us, where: `${file}:${o.newest!.line || o.at.line}` });
  }
  for (const r of scan.records) {
    if (r.source !== 'kubectl' || r.stamp.kind !== 'absolute' || r.fields.what === 'deletion') continue;
    best = later(best, { utcMicros: r.stamp.utcMicros, where: `${file}:${r.at.line}` });
  }
  return best;
}

/**
 * Lower bounds from relative ages that count from a time of a known object (`describe` events:
 * after its creation; `Terminating (lasts 2m27s)`: since its deletionTimestamp): the capture was
 * taken at least that age after that time. The time comes from a JSON capture of the same
 * folder holding exactly one object of that name (a recreated pod of the same name is another
 * object: then nothing is inferred).
 */
function anchoredBounds(captures: readonly FileScan[]): Newest | undefined {
  const anchors = new Map<string, Array<{ uid?: string; times: Record<string, string | undefined>; where: string }>>();
  for (const scan of captures) {
    for (const o of scan.objects) {
      const ref = `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
      const list = anchors.get(ref) ?? anchors.set(ref, []).get(ref)!;
      list.push({ ...(o.uid ? { uid: o.uid } : {}), times: { 'metadata.creationTimestamp': o.creationTimestamp, 'metadata.deletionTimestamp': o.deletionTimestamp }, where: `${scan.input.path}:${o.at.line}` });
    }
  }
  let best: Newest | undefined;
  for (const scan of captures) {
    for (const r of scan.records) {
      const ref = r.fields['anchor.object'];
      const field = r.fields['anchor.field'];
      if (!ref || !field || r.stamp.kind !== 'age') continue;
      const found = anchors.get(ref) ?? [];
      if (new Set(found.map((f) => f.uid ?? '')).size !== 1) continue;
      const at = isoMicros(found[0]!.times[field]);
      if (at === undefined) continue;
      const us = at + Math.round(r.stamp.seconds * 1_000_000);
      best = later(best, { utcMicros: us, where: `${scan.input.path}:${r.at.line}, ${r.stamp.text} after the ${field.replace('metadata.', '')} of ${ref} at ${found[0]!.where}` });
    }
  }
  return best;
}

function folderOf(file: string): string {
  return file === '-' ? '-' : path.dirname(file);
}

/** `file:line` shown relative to `folder` when it lies in it (the assumption names the folder). */
function shortWhere(where: string, folder: string): string {
  const prefix = folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`;
  return where.startsWith(prefix) ? where.slice(prefix.length) : where;
}

function s(us: number): string {
  return isoFromMicros(us, 's');
}

/** The snapshot time of every kubectl capture among `scans`, by file path. */
export function chooseSnapshots(scans: readonly FileScan[], flag: number | undefined, evidence: Evidence | undefined): Map<string, SnapshotChoice> {
  const out = new Map<string, SnapshotChoice>();
  const captures = scans.filter(needsSnapshot);
  const own = new Map<string, Newest | undefined>();
  const byFolder = new Map<string, Newest | undefined>();
  const folders = new Map<string, FileScan[]>();
  for (const scan of captures) {
    const n = newestInCapture(scan);
    own.set(scan.input.path, n);
    const folder = folderOf(scan.input.path);
    byFolder.set(folder, later(byFolder.get(folder), n));
    (folders.get(folder) ?? folders.set(folder, []).get(folder)!).push(scan);
  }
  for (const [folder, group] of folders) byFolder.set(folder, later(byFolder.get(folder), anchoredBounds(group)));
  for (const scan of captures) {
    const file = scan.input.path;
    if (flag !== undefined) {
      out.set(file, { utcMicros: flag, source: 'flag', text: `kubectl output taken at ${s(flag)} (--snapshot-time)` });
      continue;
    }
    const folder = folderOf(file);
    const mine = own.get(file);
    const inFolder = byFolder.get(folder);
    const reference = inFolder ?? evidence;
    const m = scan.mtimeMicros;
    let mtimeWhy = 'no file modification time';
    if (m !== undefined) {
      if (mine && m < mine.utcMicros) mtimeWhy = `its modification time ${s(m)} is earlier than its own content (not the capture)`;
      else if (reference && m > reference.utcMicros + MTIME_SLACK) // The mtime itself is left out: it is when the files were copied or checked out, so the
      // same evidence would read differently on every machine and every day (sample goldens).
      mtimeWhy = 'its modification time is more than 2 days later (a copy or checkout, not the capture)';
      else {
        const against = reference ? `; the newest time in ${inFolder ? `the captures of ${folder}` : 'the evidence'} is ${s(reference.utcMicros)} (${shortWhere(reference.where, folder)})` : '';
        out.set(file, { utcMicros: m, source: 'mtime', text: `kubectl output taken at ${s(m)}: the file's modification time${against}` });
        continue;
      }
    }
    if (inFolder) {
      const fromSelf = mine !== undefined && mine.utcMicros === inFolder.utcMicros;
      out.set(file, {
        utcMicros: inFolder.utcMicros,
        source: fromSelf ? 'file' : 'folder',
        text: `kubectl output taken at ${s(inFolder.utcMicros)}: the newest time written in ${fromSelf ? 'the file' : `the captures of ${folder}`} (${shortWhere(inFolder.where, folder)}); ${mtimeWhy}`,
      });
    } else if (evidence) {
      out.set(file, { utcMicros: evidence.utcMicros, source: 'evidence', text: `kubectl output taken at ${s(evidence.utcMicros)}: the newest dated evidence (${evidence.where}), nothing in the file or its folder is dated; ${mtimeWhy}` });
    }
  }
  return out;
}
