import { hostFromPath } from '../ingest/index.js';
import type { Event } from '../model/index.js';
import { Redactor, redactInPlace } from '../report/redact.js';
import type { Analysis } from './analyze.js';

/** Event fields that name a host or node (journal, kubectl objects, klog key=value pairs). */
const HOST_FIELDS = /^(?:_?hostname|host|node|nodename|node_name|spec\.nodename|_hostname)$/i;

/**
 * Host and node names the analysis knows: event hosts, node entities, chain hosts, hosts of
 * inputs and folders named like nodes in input paths, host-like fields of events.
 */
export function knownHosts(a: Analysis): string[] {
  const out = new Set<string>();
  const add = (h: string | undefined): void => {
    if (h && h.trim().length > 0) out.add(h);
  };
  for (const i of a.result.inputs) {
    add(i.host);
    add(hostFromPath(i.path));
  }
  for (const f of a.result.findings) {
    add(f.host);
    for (const h of f.entities.host ?? []) add(h);
    for (const n of f.entities.node ?? []) add(n);
  }
  for (const c of a.result.chains) for (const h of c.hosts) add(h);
  for (const t of a.result.routine) add(t.host);
  const events = (list: readonly Event[]): void => {
    for (const e of list) {
      add(e.host);
      for (const [k, v] of Object.entries(e.fields)) if (HOST_FIELDS.test(k)) add(v);
      if (e.source === 'kubectl' && e.fields.kind === 'Node') add(e.fields.name);
    }
  };
  events(a.events);
  if (a.timeline !== a.events) events(a.timeline);
  return [...out];
}

/**
 * `--redact`: after the analysis (correlation ran on the real values) and before anything is
 * rendered or printed, every string of the result, the timeline, the events and the signature
 * texts is redacted in place, with one Redactor so a value gets one pseudonym everywhere.
 */
export function redactAnalysis(a: Analysis, opts: { hosts: boolean }): Redactor {
  const r = new Redactor({ hosts: opts.hosts, ...(opts.hosts ? { knownHosts: knownHosts(a) } : {}) });
  const seen = new WeakSet<object>();
  redactInPlace(a.result, r, seen);
  redactInPlace(a.timeline, r, seen);
  redactInPlace(a.events, r, seen);
  redactInPlace(a.signatures, r, seen);
  return r;
}
