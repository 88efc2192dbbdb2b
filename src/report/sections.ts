import { PRIORITIES, type Finding, type LoadedSignature } from '../model/index.js';
import { evidenceEvents } from './findings-view.js';
import type { ActionView, DetectionView, SignatureLinesView } from './view-model.js';

/** Verbatim lines shown per signature under "Key error signatures". */
export const LINES_PER_SIGNATURE = 8;

/** Signature ids of `findings` in order of first appearance. */
function idsInOrder(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.id))];
}

/**
 * "How was this not detected?": the `detection` of every signature in the reported findings,
 * once per signature, in report order; signatures without one are listed as gaps.
 */
export function detectionViews(findings: readonly Finding[], sigs: ReadonlyMap<string, LoadedSignature>): { rules: DetectionView[]; missing: Array<{ id: string; title: string }> } {
  const rules: DetectionView[] = [];
  const missing: Array<{ id: string; title: string }> = [];
  for (const id of idsInOrder(findings)) {
    const sig = sigs.get(id);
    const d = sig?.detection;
    const title = sig?.title ?? findings.find((f) => f.id === id)!.title;
    if (d && (d.promql || d.log_alert || d.note)) {
      rules.push({ id, title, promql: d.promql ?? null, logAlert: d.log_alert ?? null, note: d.note ?? null });
    } else {
      missing.push({ id, title });
    }
  }
  return { rules, missing };
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();
}

/**
 * Action items from the signatures' `actions`: deduplicated by text (case and spacing
 * ignored), the highest priority kept, ordered by priority then first appearance.
 */
export function actionViews(findings: readonly Finding[], sigs: ReadonlyMap<string, LoadedSignature>): ActionView[] {
  const byText = new Map<string, { text: string; rank: number; order: number; signatures: string[] }>();
  for (const id of idsInOrder(findings)) {
    for (const a of sigs.get(id)?.actions ?? []) {
      const key = normalise(a.text);
      if (!key) continue;
      const rank = PRIORITIES.indexOf(a.priority);
      const seen = byText.get(key);
      if (seen) {
        if (rank >= 0 && rank < seen.rank) seen.rank = rank;
        if (!seen.signatures.includes(id)) seen.signatures.push(id);
      } else {
        byText.set(key, { text: a.text.trim(), rank: rank < 0 ? PRIORITIES.length : rank, order: byText.size, signatures: [id] });
      }
    }
  }
  return [...byText.values()]
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((a, i) => {
      const key = PRIORITIES[a.rank] ?? 'low';
      return { n: i + 1, text: a.text, priority: key[0]!.toUpperCase() + key.slice(1), priorityKey: key, signatures: a.signatures };
    });
}

/** Verbatim evidence lines grouped by signature, each distinct line once, in evidence order. */
export function signatureLines(findings: readonly Finding[], sigs: ReadonlyMap<string, LoadedSignature>): SignatureLinesView[] {
  return idsInOrder(findings).map((id) => {
    const mine = findings.filter((f) => f.id === id);
    const lines: string[] = [];
    const seen = new Set<string>();
    for (const f of mine) {
      for (const g of evidenceEvents(f)) {
        const text = g[0]!.text;
        if (!seen.has(text)) {
          seen.add(text);
          lines.push(text);
        }
      }
    }
    const first = mine[0]!;
    return {
      id,
      title: sigs.get(id)?.title ?? first.title,
      level: first.level,
      findings: mine.map((f) => f.ref),
      lines: lines.slice(0, LINES_PER_SIGNATURE),
      more: Math.max(0, lines.length - LINES_PER_SIGNATURE),
    };
  });
}
