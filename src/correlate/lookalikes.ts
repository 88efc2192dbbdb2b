/**
 * Declared look-alikes ruled out: a chain step's signature names in `contrasts` the ids of
 * findings that look like it but are something else (a stale `fsck found errors` event beside
 * a hairpin PDU failure on the same PVC). A problem finding of such an id that is not linked
 * into that chain, but names something the chain names (the same PVC, pod, node...), is
 * reported as a contrast with the reason it was ruled out: when and where it was, against the
 * step. A finding with a cause of its own in the evidence is a problem in its own right and
 * stays one (a kine watch failure caused by the datastore storm of the same chain).
 */
import type { Chain } from '../model/finding.js';
import { type EntityConfig } from '../signatures/index.js';
import { type Draft, draftRole } from './draft.js';
import { sharedValue } from './entities.js';
import { displayTime } from './render.js';

/** `37 min`, `45 s`, `3 h`, `2 d`: a reader's rounding. */
export function roughDuration(micros: number): string {
  const s = Math.round(Math.abs(micros) / 1e6);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.round(s / 3600);
  return h < 48 ? `${h} h` : `${Math.round(s / 86400)} d`;
}

/**
 * Kinds that make a finding look related to a chain, most telling first. Host and namespace
 * are too broad: many unrelated things happen on one node or in one namespace.
 */
const RELATING = ['pvc', 'pod', 'device', 'workload', 'container', 'node', 'iqn', 'portal', 'service', 'connection', 'session', 'ip', 'key'];

/** The first entity (kind, value) a finding shares with any of `others`, most telling kind first. */
function sharedEntity(config: EntityConfig, x: Draft, others: readonly Draft[]): [string, string] | undefined {
  for (const kind of RELATING.filter((k) => x.entities.has(k))) {
    for (const o of others) {
      const v = sharedValue(config, kind, x.entities, o.entities);
      if (v !== undefined) return [kind, v];
    }
  }
  return undefined;
}

function reasonFor(x: Draft, step: Draft, shared: [string, string], tz: string): string {
  const head = `${x.sig.title}, for ${shared[0]} ${shared[1]}, at ${displayTime(x.first, tz)}${x.host ? ` on ${x.host}` : ''}`;
  const stepName = `${step.ref} (${step.sig.title}${step.host ? `, on ${step.host}` : ''})`;
  let when: string;
  let verdict: string;
  if (x.last !== null && step.first !== null && x.last < step.first) {
    when = `it ended ${roughDuration(step.first - x.last)} before ${stepName} began`;
    verdict = 'an earlier failure';
  } else if (x.first !== null && step.last !== null && x.first > step.last) {
    when = `it began ${roughDuration(x.first - step.last)} after ${stepName} ended`;
    verdict = 'a later, separate failure';
  } else {
    when = `it overlapped ${stepName}`;
    verdict = 'a separate failure';
  }
  const otherHost = x.host && step.host && x.host !== step.host ? ' and on another host' : '';
  return `${head}: ${when}${otherHost}, and nothing in the evidence links it into that chain: ${verdict}.`;
}

/** Marks ruled-out look-alikes of the chains' steps; returns how many were found. */
export function ruleOutLookalikes(drafts: readonly Draft[], chains: readonly Chain[], config: EntityConfig, tz: string): number {
  const byRef = new Map(drafts.map((d) => [d.ref!, d]));
  const byId = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = byId.get(d.sig.id);
    if (list) list.push(d);
    else byId.set(d.sig.id, [d]);
  }
  // A finding with a cause of its own in the evidence is a problem in its own right.
  const explained = (d: Draft): boolean => d.causes.some((c) => draftRole(c.draft) === 'problem');
  let found = 0;
  for (const c of chains) {
    const members = [...new Set([...c.steps.flatMap((s) => [s.ref, ...(s.also ?? [])]), ...c.symptoms].map((r) => byRef.get(r)!))];
    const inChain = new Set(members);
    for (const step of members) {
      for (const id of step.sig.contrasts ?? []) {
        for (const x of byId.get(id) ?? []) {
          if (inChain.has(x) || explained(x) || x.ruledOut || x.explainedBy || draftRole(x) !== 'problem') continue;
          const shared = sharedEntity(config, x, members);
          if (!shared) continue;
          x.ruledOut = { step, reason: reasonFor(x, step, shared, tz) };
          found++;
        }
      }
    }
  }
  return found;
}
