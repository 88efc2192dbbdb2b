/**
 * Findings explained by a contrast: a contrast finding (a link flap that recovered) explains
 * its members, and every other finding whose supporting lines are all among the contrast's
 * lines (the code-specific `iscsi-conn-error-1020` findings of a flap whose contrast is built
 * from the any-code `iscsi-conn-error`). An explained finding starts no chain and causes
 * nothing: what it reports recovered.
 */
import type { Draft } from './draft.js';
import { roleOf } from './draft.js';

export function explainByContrasts(drafts: readonly Draft[]): void {
  const contrasts = drafts.filter((d) => roleOf(d.sig) === 'contrast');
  for (const d of contrasts) for (const m of d.members) m.explainedBy ??= d;
  if (contrasts.length === 0) return;
  // The first contrast (in ref order) that holds a line explains the findings made of it.
  const owner = new Map<number, Draft>();
  for (const d of contrasts) for (const e of d.events) if (!owner.has(e.seq)) owner.set(e.seq, d);
  for (const d of drafts) {
    if (d.explainedBy || roleOf(d.sig) === 'contrast' || d.events.length === 0 || d.extraEvidence?.length) continue;
    const by = owner.get(d.events[0]!.seq);
    if (by && d.events.every((e) => owner.has(e.seq))) d.explainedBy = by;
  }
}
