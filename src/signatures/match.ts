/**
 * Matching one record against the event signatures. The hot path of a run:
 *
 * 1. dispatch by source, then program, through Maps built once (the candidate list per
 *    source+program pair is computed on first sight and cached);
 * 2. the literals of every candidate found in one pass over the text (literal-index.ts); a
 *    candidate whose required literal is absent stops here, before any regex runs;
 * 3. the regex, then `where` conditions on structured fields.
 *
 * HOWS_TIMING=1 measures each signature and prints a table on stderr at exit (ESLint TIMING).
 */
import { type ParsedRecord, SOURCE_KINDS, type SourceKind } from '../model/event.js';
import type { SignatureHit } from '../model/scan.js';
import type { CompiledEvent, TimingRow } from './compile.js';
import { LiteralIndex } from './literal-index.js';
import { escapedVariants } from './literals.js';

/** Above this many distinct source+program pairs, candidate lists are computed per record. */
const MAX_CACHED_PAIRS = 4096;

function programOk(ev: CompiledEvent, program: string | undefined): boolean {
  // A record whose program is unknown (a bare klog file) is not excluded by a program filter:
  // the regex still has to match, and dropping evidence silently is worse than a wider net.
  if (!ev.programs || program === undefined) return true;
  return ev.programs.exact.has(program) || ev.programs.globs.some((g) => g.test(program));
}

function textOf(record: ParsedRecord, field: string): string | undefined {
  if (field === 'message') return record.message;
  if (field === 'raw') return record.raw;
  return record.fields[field];
}

/** Values `where` conditions read: a structured field, else a record property. */
function valueOf(record: ParsedRecord, key: string): unknown {
  if (key in record.fields) return record.fields[key];
  switch (key) {
    case 'program':
      return record.program;
    case 'host':
      return record.host;
    case 'source':
      return record.source;
    case 'severity':
      return record.severity;
    case 'format':
      return record.format;
    case 'message':
      return record.message;
    default:
      return undefined;
  }
}

/** The candidates of one source+program pair and, per matched field, their literals' index. */
interface Bucket {
  events: CompiledEvent[];
  /** Candidates without literals: always run. */
  always: CompiledEvent[];
  order: Map<CompiledEvent, number>;
  /** Per matched field: the index of the gated candidates' literals and who owns each. */
  fields: Map<string, { index: LiteralIndex; owners: Map<string, CompiledEvent[]> }>;
}

interface Stat {
  ns: bigint;
  calls: number;
  regexRuns: number;
  hits: number;
}

const timedSets: Matcher[] = [];
let exitHook = false;

function printTiming(): void {
  const rows = new Map<string, TimingRow>();
  for (const m of timedSets) {
    for (const r of m.timing()) {
      const cur = rows.get(r.id) ?? { id: r.id, ms: 0, calls: 0, regexRuns: 0, hits: 0 };
      rows.set(r.id, { id: r.id, ms: cur.ms + r.ms, calls: cur.calls + r.calls, regexRuns: cur.regexRuns + r.regexRuns, hits: cur.hits + r.hits });
    }
  }
  process.stderr.write(formatTiming([...rows.values()]));
}

/** The HOWS_TIMING table: signatures by time spent, slowest first. */
export function formatTiming(rows: TimingRow[]): string {
  const sorted = [...rows].sort((a, b) => b.ms - a.ms || (a.id < b.id ? -1 : 1));
  const total = sorted.reduce((n, r) => n + r.ms, 0) || 1;
  const head = ['Signature', 'Time (ms)', 'Relative', 'Calls', 'Regex runs', 'Hits'];
  const body = sorted.map((r) => [r.id, r.ms.toFixed(3), `${((r.ms / total) * 100).toFixed(1)}%`, String(r.calls), String(r.regexRuns), String(r.hits)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  return `${[line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n')}\n`;
}

export class Matcher {
  private readonly bySource = new Map<SourceKind, CompiledEvent[]>();
  private readonly pairs = new Map<string, Bucket>();
  private readonly stats = new Map<string, Stat>();

  constructor(
    readonly events: readonly CompiledEvent[],
    private readonly timed: boolean,
  ) {
    for (const ev of events) {
      for (const s of ev.sources ?? SOURCE_KINDS) {
        const list = this.bySource.get(s) ?? [];
        list.push(ev);
        this.bySource.set(s, list);
      }
      if (timed) this.stats.set(ev.sig.id, { ns: 0n, calls: 0, regexRuns: 0, hits: 0 });
    }
    if (timed) {
      timedSets.push(this);
      if (!exitHook) {
        exitHook = true;
        process.once('exit', printTiming);
      }
    }
  }

  private bucket(source: SourceKind, program: string | undefined): Bucket {
    const key = `${source}\u0000${program ?? ''}`;
    const hit = this.pairs.get(key);
    if (hit) return hit;
    const events = (this.bySource.get(source) ?? []).filter((ev) => programOk(ev, program));
    const fields = new Map<string, { lits: string[]; owners: Map<string, CompiledEvent[]> }>();
    const always: CompiledEvent[] = [];
    for (const ev of events) {
      const gated = ev.alts.length > 0 && ev.alts.every((a) => a.literals);
      if (!gated) {
        always.push(ev);
        continue;
      }
      const f = fields.get(ev.field) ?? { lits: [], owners: new Map<string, CompiledEvent[]>() };
      for (const a of ev.alts) {
        for (const l of a.literals!) {
          for (const spelling of [l, ...(ev.field === 'raw' ? escapedVariants(l) : [])]) {
            f.lits.push(spelling);
            const o = f.owners.get(spelling) ?? [];
            if (!o.includes(ev)) o.push(ev);
            f.owners.set(spelling, o);
          }
        }
      }
      fields.set(ev.field, f);
    }
    const b: Bucket = {
      events,
      always,
      order: new Map(events.map((ev, i) => [ev, i])),
      fields: new Map([...fields].map(([field, f]) => [field, { index: new LiteralIndex(f.lits), owners: f.owners }])),
    };
    if (this.pairs.size < MAX_CACHED_PAIRS) this.pairs.set(key, b);
    return b;
  }

  candidates(source: SourceKind, program: string | undefined): CompiledEvent[] {
    return this.bucket(source, program).events;
  }

  match(record: ParsedRecord): SignatureHit[] {
    const out: SignatureHit[] = [];
    const b = this.bucket(record.source, record.program);
    // The gated candidates whose literals the text holds (one pass per matched field), plus
    // every candidate that has no literal; run in the bucket's order so output is stable.
    const found = new Map<string, Set<string>>();
    let run: CompiledEvent[] = b.always;
    for (const [field, f] of b.fields) {
      const text = textOf(record, field);
      if (text === undefined) continue;
      const present = f.index.found(text);
      if (present.size === 0) continue;
      found.set(field, present);
      const more = new Set<CompiledEvent>();
      for (const l of present) for (const ev of f.owners.get(l) ?? []) more.add(ev);
      run = [...run, ...more].sort((x, y) => b.order.get(x)! - b.order.get(y)!);
    }
    for (const ev of run) {
      if (this.timed) {
        const st = this.stats.get(ev.sig.id)!;
        const t0 = process.hrtime.bigint();
        const hit = this.one(ev, record, found.get(ev.field), st);
        st.ns += process.hrtime.bigint() - t0;
        st.calls++;
        if (hit) {
          st.hits++;
          out.push(hit);
        }
      } else {
        const hit = this.one(ev, record, found.get(ev.field));
        if (hit) out.push(hit);
      }
    }
    // A hit list lives as long as its record: one grown by push keeps room for 16 more hits
    // (~130 bytes), a copy is as long as its hits.
    return out.length > 0 ? out.slice() : out;
  }

  private one(ev: CompiledEvent, record: ParsedRecord, present: Set<string> | undefined, st?: Stat): SignatureHit | undefined {
    let captures: Record<string, string> | undefined;
    if (ev.alts.length > 0) {
      const text = textOf(record, ev.field);
      if (text === undefined) return undefined;
      for (const alt of ev.alts) {
        if (alt.literals && !alt.literals.some((l) => present?.has(l))) continue;
        if (st) st.regexRuns++;
        const m = alt.re.exec(text);
        if (!m) continue;
        captures = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) captures[k] = v;
        break;
      }
      if (!captures) return undefined;
    } else captures = {};
    for (const w of ev.where) {
      const v = valueOf(record, w.key);
      if (!w.test(v)) return undefined;
      if ((typeof v === 'string' || typeof v === 'number') && !(w.capture in captures)) captures[w.capture] = String(v);
    }
    return { id: ev.sig.id, captures };
  }

  timing(): TimingRow[] {
    return [...this.stats.entries()].map(([id, s]) => ({ id, ms: Number(s.ns) / 1e6, calls: s.calls, regexRuns: s.regexRuns, hits: s.hits }));
  }
}
