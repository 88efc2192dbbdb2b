import { type FileContext, type FileParser, type Format, type K8sObject, type ParsedRecord, type Provenance, type Stamp } from '../../model/index.js';
import { cell, objectCell, splitLoose, splitRow, tableHeader, type TableHeader } from './kubectl-table-grammar.js';
import { AT_SNAPSHOT, describeTimes, parseAge, parseAgeInterval } from './kubectl-time.js';

/**
 * Pasted kubectl tables (FORMATS.md §6.3): `kubectl get events` (with or without NAMESPACE,
 * `-o wide`), `kubectl events`, the Events section of `kubectl describe`, and `kubectl get pods
 * [-A] [-o wide]`. Ages become AgeStamps, resolved by the clock against the snapshot time.
 *
 * Event rows: message = the event message (wrapped/multi-line messages joined with '\n'),
 * at last seen and, when `(xN over M)` or FIRST SEEN says it began earlier, also at first seen;
 * fields as for JSON events (reason, type, involvedObject, involvedObject.kind/.namespace/.name,
 * count, source, occurrence, what=event) plus last_seen/first_seen age texts; on the host of
 * `source.host` (the node of `SOURCE kubelet, k8s02`), or, in a describe of a pod, of its
 * `Node:` when the event is the kubelet's.
 * Pod rows: a K8sObject (Pod with spec.nodeName, status.podIP and body.table cells) and records
 *   `Pod <ref> created`                                           at AGE
 *   `Pod <ref> status <STATUS> (ready <r>, restarts <n>[, node <node>])`   at snapshot
 * Lines outside tables (the rest of a describe) are kept as text records: at the newest absolute
 * time the line prints (`Start Time:`, `Started:`, `Finished:`, condition heartbeats, in Go's
 * RFC1123Z), else at snapshot time; on the pod's node once `Node:` was read (the node itself
 * for a described Node).
 * Relative ages of `describe` that count from a time of the described object carry the fields
 * `anchor.object` (`Pod media/x`) and `anchor.field`: its events (none older than the object's
 * metadata.creationTimestamp) and `Status: Terminating (lasts 2m27s)` (since its
 * metadata.deletionTimestamp). With that time from a JSON capture of the same folder, the clock
 * dates the capture (clock/snapshot.ts).
 * A `get pods` table with a NAMESPACE column (`-A`) is a listing of every pod: its objects carry
 * a List id (`K8sObject.list`) like those of a JSON List.
 */

export const KUBECTL_TABLE_FORMAT_ID = 'kubectl-table';

interface PendingEvent {
  cells: Record<string, string>;
  at: Provenance;
  last: number;
  raw: string[];
  extra: string[];
}

class TablesParser implements FileParser {
  private table: TableHeader | undefined;
  private pending: PendingEvent | undefined;
  private described: { name?: string; namespace?: string; kind?: string; node?: string } = {};
  private rows = 0;
  private firstText: Provenance | undefined;
  /** List id of the current `get pods -A` table. */
  private podList: string | undefined;
  unparsed = 0;

  constructor(private readonly ctx: FileContext) {}

  line(raw: string, at: Provenance): boolean {
    const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = tableHeader(t);
    if (header) {
      this.flush();
      this.table = header;
      this.podList = header.kind === 'pods' && header.columns.some((c) => c.name === 'NAMESPACE') ? `${this.ctx.file}:${at.line}` : undefined;
      return true;
    }
    if (this.table && this.row(t, at)) return true;
    this.flush();
    this.table = undefined;
    this.other(t, at);
    return true;
  }

  end(): void {
    this.flush();
    if (this.unparsed > 0 && this.firstText) {
      this.ctx.diag({
        severity: 'info',
        code: 'parse/kubectl-table-text',
        reason: `Kept ${this.unparsed} lines outside recognised tables as text records (${this.rows} table rows read)`,
        place: this.firstText,
        count: this.unparsed,
      });
    }
  }

  private row(t: string, at: Provenance): boolean {
    const table = this.table!;
    if (t.trim() === '') return false;
    if (table.kind === 'pods') {
      const ok = (c: Record<string, string> | undefined) => c !== undefined && /^[0-9]+\/[0-9]+$/.test(c.READY ?? '');
      let cells = splitRow(t, table.columns);
      if (!ok(cells)) cells = splitLoose(t, table.columns);
      if (!cells || !ok(cells)) return false;
      this.rows++;
      this.pod(cells, t, at);
      return true;
    }
    if (/^\s*-{3,}(\s+-{3,})+\s*$/.test(t)) return true; // describe's `----  ------` rule
    const ok = (c: Record<string, string> | undefined) => c !== undefined && /^(Normal|Warning|[A-Z][a-z]+)$/.test(c.TYPE ?? '') && !!c.REASON && /^\S+$/.test(c.REASON);
    let cells = splitRow(t, table.columns);
    // a row starts at the header's indentation; a line indented otherwise may be a continuation
    if (!ok(cells) && t.length - t.trimStart().length === table.indent) cells = splitLoose(t, table.columns);
    if (cells && ok(cells)) {
      this.flush();
      this.rows++;
      this.pending = { cells, at, last: at.line, raw: [t], extra: [] };
      return true;
    }
    // a wrapped or multi-line message, unless a new describe section starts
    if (this.pending && !(table.kind === 'describe-events' && /^[A-Z][A-Za-z ]*:(\s|$)/.test(t))) {
      this.pending.extra.push(t.trim());
      this.pending.raw.push(t);
      this.pending.last = at.line;
      return true;
    }
    return false;
  }

  private other(t: string, at: Provenance): void {
    const m = /^(Name|Namespace):\s+(\S+)\s*$/.exec(t);
    if (m) {
      if (m[1] === 'Name') this.described = { name: m[2]! };
      else this.described.namespace = m[2]!;
    } else if (/^(Node|IP|Containers):/.test(t)) {
      this.described.kind ??= 'Pod';
      const node = /^Node:\s+([^\s/]+)/.exec(t)?.[1];
      if (node && node !== '<none>') this.described.node = node;
    } else if (/^(Roles|Taints|Unschedulable):/.test(t)) {
      this.described.kind ??= 'Node';
      if (this.described.name) this.described.node = this.described.name;
    }
    if (t.trim() === '') return;
    this.unparsed++;
    this.firstText ??= at;
    const times = describeTimes(t);
    const host = this.described.node ? { host: this.described.node } : {};
    const lasts = /^Status:\s+Terminating \(lasts (\S+)\)/.exec(t);
    const since = lasts ? parseAge(lasts[1]!) : undefined;
    if (since && this.described.name) {
      // `lasts` counts from the deletionTimestamp: the line sits at that time, and anchors the capture
      const anchor = { 'anchor.object': this.describedRef(), 'anchor.field': 'metadata.deletionTimestamp' };
      this.emit({ ...host, stamp: since, message: t.trim(), fields: { unparsed: 'true', what: 'terminating', ...anchor }, raw: t, at });
      return;
    }
    const stamp = times.length > 0 ? times.reduce((a, b) => (b.utcMicros > a.utcMicros ? b : a)) : AT_SNAPSHOT;
    this.emit({ ...host, stamp, message: t.trim(), fields: { unparsed: 'true' }, raw: t, at });
  }

  /** `<Kind> <ns>/<name>` of the described object (kubectl-records' `object` field). */
  private describedRef(): string {
    const d = this.described;
    return `${d.kind ?? 'Pod'} ${d.namespace ? `${d.namespace}/` : ''}${d.name ?? ''}`;
  }

  private emit(r: Omit<ParsedRecord, 'source' | 'format' | 'program'>): void {
    this.ctx.emit({ ...r, source: 'kubectl', format: KUBECTL_TABLE_FORMAT_ID, program: 'kubectl' });
  }

  private flush(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const c = p.cells;
    const describe = this.table?.kind === 'describe-events';
    const ages = parseAgeInterval(describe ? (c.AGE ?? '') : (c['LAST SEEN'] ?? ''));
    const first = c['FIRST SEEN'] ? parseAge(c['FIRST SEEN']) : ages.first;
    const count = cell(c, 'COUNT') ? Number(c.COUNT) : (ages.count ?? 1);
    const obj = describe ? { kind: this.described.kind, name: this.described.name ?? '' } : objectCell(c.OBJECT ?? '');
    const ns = describe ? this.described.namespace : cell(c, 'NAMESPACE');
    const type = c.TYPE!;
    const fields: Record<string, string> = { what: 'event', reason: c.REASON!, type, count: String(count) };
    const ref = [ns, obj.name].filter(Boolean).join('/');
    if (ref) fields.involvedObject = obj.kind ? `${obj.kind} ${ref}` : ref;
    if (obj.kind) fields['involvedObject.kind'] = obj.kind;
    if (ns) fields['involvedObject.namespace'] = ns;
    if (obj.name) fields['involvedObject.name'] = obj.name;
    const source = cell(c, describe ? 'FROM' : 'SOURCE');
    if (source) fields.source = source;
    // The host of the event, as source.host is for JSON Events: the node `-o wide` prints in
    // SOURCE (`kubelet, k8s02`); in a describe, the kubelet that reports about a pod is the
    // kubelet of the pod's node (`Node:`).
    const sourceHost = source ? /^[^,]+,\s*(\S+)$/.exec(source)?.[1] : undefined;
    let host: string | undefined;
    if (sourceHost) host = fields['source.host'] = sourceHost;
    else if (describe && this.described.kind === 'Pod' && this.described.node && /^kubelet\b/.test(source ?? '')) {
      host = this.described.node;
      fields.host_from = 'describe Node: (a kubelet event about the pod)';
    }
    const sub = cell(c, 'SUBOBJECT');
    if (sub) fields['involvedObject.fieldPath'] = sub;
    fields.last_seen = describe ? (c.AGE ?? '') : (c['LAST SEEN'] ?? '');
    if (first) fields.first_seen = first.text;
    if (describe && this.described.name) {
      // describe lists the events of this object (by uid): none is older than the object
      fields['anchor.object'] = this.describedRef();
      fields['anchor.field'] = 'metadata.creationTimestamp';
    }
    const at: Provenance = p.last > p.at.line ? { ...p.at, endLine: p.last } : p.at;
    const base = { ...(host ? { host } : {}), message: [c.MESSAGE ?? '', ...p.extra].join('\n'), raw: p.raw.join('\n'), at, severity: type === 'Warning' ? ('warning' as const) : ('info' as const) };
    const last: Stamp = ages.last ?? { kind: 'none' };
    const earlier = first && ages.last && first.seconds > ages.last.seconds;
    this.emit({ ...base, stamp: last, fields: { ...fields, occurrence: earlier ? 'last' : 'only' } });
    if (earlier) this.emit({ ...base, stamp: first, fields: { ...fields, occurrence: 'first' } });
  }

  private pod(c: Record<string, string>, raw: string, at: Provenance): void {
    const name = c.NAME!;
    const ns = cell(c, 'NAMESPACE');
    const node = cell(c, 'NODE');
    const ip = cell(c, 'IP');
    const table = { ready: c.READY!, status: c.STATUS ?? '', restarts: c.RESTARTS ?? '', age: c.AGE ?? '' };
    const obj: K8sObject = {
      kind: 'Pod',
      apiVersion: 'v1',
      name,
      labels: {},
      ownerReferences: [],
      body: { metadata: { name, ...(ns ? { namespace: ns } : {}) }, spec: node ? { nodeName: node } : {}, status: ip ? { podIP: ip } : {}, table },
      at,
      lines: node ? { 'spec.nodeName': at.line } : {},
    };
    if (ns) obj.namespace = ns;
    if (node) Object.assign(obj, { host: node, hostFrom: 'NODE column' });
    if (this.podList) obj.list = this.podList;
    this.ctx.object(obj);
    const ref = ns ? `${ns}/${name}` : name;
    const fields: Record<string, string> = { kind: 'Pod', name, object: `Pod ${ref}`, ready: table.ready, restarts: table.restarts, 'status.table': table.status };
    if (ns) fields.namespace = ns;
    if (node) fields['spec.nodeName'] = node;
    if (ip) fields['status.podIP'] = ip;
    const host = node ? { host: node } : {};
    const created = parseAge(table.age);
    if (created) this.emit({ ...host, stamp: created, message: `Pod ${ref} created`, fields: { ...fields, what: 'created' }, raw, at });
    const msg = `Pod ${ref} status ${table.status} (ready ${table.ready}, restarts ${table.restarts}${node ? `, node ${node}` : ''})`;
    this.emit({ ...host, stamp: AT_SNAPSHOT, message: msg, fields: { ...fields, what: 'table-status' }, raw, at });
  }
}

export const kubectlTableFormat: Format = {
  meta: {
    id: KUBECTL_TABLE_FORMAT_ID,
    title: 'kubectl tables (get events, events, describe Events, get pods)',
    source: 'kubectl',
    docs: 'FORMATS.md#63-pasted-tables-relative-ages',
    samples: [
      'LAST SEEN   TYPE      REASON                    OBJECT                                        MESSAGE',
      '2m13s       Warning   FailedGetResourceMetric   horizontalpodautoscaler/azure-vote-back-hpa   missing request for cpu',
      'NAMESPACE   NAME                     READY   STATUS              RESTARTS   AGE   IP       NODE    NOMINATED NODE   READINESS GATES',
      'media       sonarr-dd4cb4f69-8kmhv   0/1     ContainerCreating   0          12m   <none>   k8s03   <none>           <none>',
      '  Type     Reason       Age                 From     Message',
      '  Warning  FailedMount  2m (x5 over 10m)    kubelet  MountVolume.WaitForAttach failed for volume "pvc-17e6e808"',
    ],
  },
  sniff(lines) {
    if (lines.some((l) => tableHeader(l) !== undefined)) return 0.85;
    if (lines.some((l) => /^Name:\s+\S/.test(l)) && lines.some((l) => /^Namespace:\s+\S/.test(l))) return 0.6;
    return 0;
  },
  open(ctx) {
    return new TablesParser(ctx);
  },
  gateable: false,
};
