import type { Diagnostic } from '../model/index.js';

const KEEP_PLACES = 3;

/**
 * Groups repeated diagnostics per (code, file): the first occurrence is kept with its place and
 * snippet, the next two places are listed, and the rest are counted (rustc/lnav style), so a
 * file of a million bad lines yields one warning with an exact count.
 */
export class DiagnosticGrouper {
  private readonly groups = new Map<string, Diagnostic & { count: number; places: NonNullable<Diagnostic['places']> }>();

  add(d: Diagnostic): void {
    const key = `${d.code}\u0000${d.place?.file ?? ''}`;
    const g = this.groups.get(key);
    const n = d.count ?? 1;
    if (!g) {
      this.groups.set(key, { ...d, count: n, places: d.place ? [d.place] : [] });
      return;
    }
    g.count += n;
    if (d.place && g.places.length < KEEP_PLACES) g.places.push(d.place);
  }

  summary(): Diagnostic[] {
    return [...this.groups.values()].map((g) => {
      const { places, count, ...rest } = g;
      return { ...rest, ...(count > 1 ? { count } : {}), ...(places.length > 1 ? { places } : {}) };
    });
  }
}
