/**
 * The question a chain ends with when its deepest step declares causes none of which is in the
 * evidence: the `how` of the first declared cause when this step can fill it in, else a plain
 * `What caused "<title>" on <host> at <time>?`. A missing cause's `how` may only use what this
 * step knows about it: its host and the entities it names (the PVC, device, pod...); counts,
 * captures and times of a finding that does not exist are never borrowed from the step (the
 * eviction of "2 pods" when the step had 2 lines).
 */
import type { Chain } from '../model/finding.js';
import { ENTITY_KINDS, type LoadedSignature } from '../model/signature.js';
import { compileTemplate } from '../signatures/index.js';
import type { Draft } from './draft.js';
import { renderContext, renderWith } from './render.js';

/** The values of `root` a missing cause's `how` may use: its host and the entities it names. */
function borrowable(root: Draft): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of ENTITY_KINDS) {
    const vs = root.entities.get(k);
    if (vs?.size) out.set(k, [...vs].sort().join(', '));
  }
  if (root.host) out.set('host', root.host);
  return out;
}

export function openQuestion(root: Draft, byId: ReadonlyMap<string, LoadedSignature>, tz: string): Chain['open'] | undefined {
  const decls = (root.sig.caused_by ?? []).filter((c) => byId.has(c.id));
  if (decls.length === 0) return undefined;
  const ctx = renderContext(root, byId, tz);
  const hint = root.sig.unresolved
    ? renderWith(root.sig.unresolved, ctx)
    : `No ${decls.map((c) => `"${byId.get(c.id)!.title}"`).join(' or ')} found in the evidence before ${ctx.time}${root.host ? ` on ${root.host}` : ''}.`;
  // The first declared cause is the likeliest (the catalogue lists causes in that order); a
  // later one whose question happens to need nothing (no placeholders) is not more relevant.
  const how = byId.get(decls[0]!.id)!.how;
  const names = compileTemplate(how).template?.names ?? [];
  const values = borrowable(root);
  if (names.every((n) => values.has(n))) return { question: renderWith(how, Object.fromEntries(values)), hint };
  return { question: `What caused "${root.sig.title}"${root.host ? ` on ${root.host}` : ''} at ${ctx.time}?`, hint };
}
