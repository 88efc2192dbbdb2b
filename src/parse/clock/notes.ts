import type { ClockAssumption, Diagnostic } from '../../model/index.js';

/**
 * What the clock step records besides times: assumptions (counted per event, shown once per kind
 * and text with the files they apply to) and diagnostics (grouped per code, file and reason: the
 * first place plus a count).
 */
export class ClockNotes {
  private readonly counts = new Map<string, { kind: ClockAssumption['kind']; text: string; files: Map<string, number>; shown?: true }>();
  private readonly diags = new Map<string, Diagnostic>();

  /** A key naming one assumption, to attach to the events it affects. */
  key(kind: ClockAssumption['kind'], text: string): string {
    const k = `${kind}\u0000${text}`;
    if (!this.counts.has(k)) this.counts.set(k, { kind, text, files: new Map() });
    return k;
  }

  /** One event (of `file`) depends on the assumption `key`. */
  count(key: string, file: string): void {
    const entry = this.counts.get(key);
    if (!entry) throw new Error(`unknown assumption key ${key}`);
    entry.files.set(file, (entry.files.get(file) ?? 0) + 1);
  }

  /** `file` depends on the assumption even if no event does (a snapshot time its objects hold). */
  applies(key: string, file: string): void {
    const entry = this.counts.get(key);
    if (!entry) throw new Error(`unknown assumption key ${key}`);
    if (!entry.files.has(file)) entry.files.set(file, 0);
    entry.shown = true;
  }

  /** A diagnostic, merged with earlier ones of the same code, file and reason. */
  diag(d: Diagnostic): void {
    const k = `${d.code}\u0000${d.place?.file ?? ''}\u0000${d.reason}`;
    const seen = this.diags.get(k);
    if (seen) seen.count = (seen.count ?? 1) + (d.count ?? 1);
    else this.diags.set(k, { ...d });
  }

  /**
   * Assumptions that affected at least one event, or that say something on their own (a
   * relative clock affects no wall time but must be shown). Same kind and text across files are
   * one entry listing the files.
   */
  assumptions(): ClockAssumption[] {
    const out: ClockAssumption[] = [];
    for (const { kind, text, files, shown } of this.counts.values()) {
      let events = 0;
      for (const n of files.values()) events += n;
      if (events === 0 && !shown) continue;
      out.push({ kind, files: [...files.keys()].sort(), text, events });
    }
    return out;
  }

  diagnostics(): Diagnostic[] {
    return [...this.diags.values()];
  }
}
