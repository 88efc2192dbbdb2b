// Builds a small evidence set for correlation tests: lines per file, parsed with the test
// parser, placed on the UTC clock the way the clock stage would (year-less syslog stamps in a
// given UTC offset and year), sorted by (time, file, line) with seq assigned, then matched.
import type { Event } from '../../src/model/event.js';
import type { SignatureHit } from '../../src/model/scan.js';
import type { CompiledSignatures } from '../../src/signatures/index.js';
import { simpleParseLine } from '../signatures/simple-parse.js';

export interface Evidence {
  events: Event[];
  hits: Map<number, SignatureHit[]>;
}

export function buildEvidence(set: CompiledSignatures, files: Record<string, string[]>, opts: { year: number; offsetHours: number }): Evidence {
  const rows: Array<{ ev: Omit<Event, 'seq'>; hits: SignatureHit[] }> = [];
  for (const [file, lines] of Object.entries(files)) {
    let offset = 0;
    lines.forEach((line, i) => {
      const rec = simpleParseLine(line);
      if (!rec) throw new Error(`test line did not parse: ${line}`);
      const s = rec.stamp;
      const utcMicros =
        s.kind === 'wall'
          ? (Date.UTC(opts.year, s.month - 1, s.day, s.hour, s.minute, s.second) - opts.offsetHours * 3600e3) * 1000
          : s.kind === 'absolute'
            ? s.utcMicros
            : null;
      rows.push({
        ev: {
          time: { utcMicros, text: 'text' in s ? s.text : '', precision: 's', ...(s.kind === 'wall' ? { yearInferred: true as const } : {}) },
          ...(rec.host ? { host: rec.host } : {}),
          source: rec.source,
          format: rec.format,
          ...(rec.program ? { program: rec.program } : {}),
          message: rec.message,
          fields: rec.fields,
          raw: rec.raw,
          from: [{ file, line: i + 1, offset }],
        },
        hits: set.match(rec),
      });
      offset += Buffer.byteLength(line) + 1;
    });
  }
  rows.sort((a, b) => (a.ev.time.utcMicros ?? 0) - (b.ev.time.utcMicros ?? 0) || (a.ev.from[0]!.file < b.ev.from[0]!.file ? -1 : a.ev.from[0]!.file > b.ev.from[0]!.file ? 1 : 0) || a.ev.from[0]!.line - b.ev.from[0]!.line);
  const events: Event[] = rows.map((r, seq) => ({ seq, ...r.ev }));
  const hits = new Map<number, SignatureHit[]>();
  rows.forEach((r, seq) => r.hits.length && hits.set(seq, r.hits));
  return { events, hits };
}
