import { snippetOf, type FileContext, type FileParser, type Format, type Provenance } from '../../model/index.js';
import { JsonLineReader, TOP_LEVEL_ARRAY, type JsonSink, type Unit } from './kubectl-json-reader.js';
import { isRecordValue, toK8sObject, type ObjectDefaults } from './kubectl-object.js';
import { emitObjectRecords } from './kubectl-records-infra.js';
import type { RecordEnv } from './kubectl-records.js';
import { AT_SNAPSHOT } from './kubectl-time.js';

/**
 * `kubectl get ... -o json` snapshots (FORMATS.md §6.1-6.2): bare objects, `List`s, typed lists
 * (`PodList`, items without kind), several documents per file, text lines (kubectl warnings and
 * errors) between them. Each object becomes a pruned K8sObject (`ctx.object`) and timeline
 * records (kubectl-records*.ts). Lists stream item by item (kubectl-json-reader.ts).
 *
 * Objects of a List document carry the List's id (`K8sObject.list`): the cluster state treats
 * a List as authoritative for the existence of objects of its kinds in its scope. Bare object
 * documents and the elements of a top-level array (jq output) carry none. The snapshot time is
 * not decided here: the clock step chooses one per file (clock/snapshot.ts) and sets it on the
 * objects.
 */

export const KUBECTL_JSON_FORMAT_ID = 'kubectl-json';

/** Items of a typed list whose kind comes after them are held until the list ends (rare). */
interface Pending {
  unit: Unit;
  value: Record<string, unknown>;
  list?: string;
}

function listItemKind(listKind: unknown): string | undefined {
  return typeof listKind === 'string' && listKind.endsWith('List') && listKind !== 'List' ? listKind.slice(0, -4) : undefined;
}

class KubectlJsonParser implements FileParser, JsonSink {
  private readonly reader = new JsonLineReader(this);
  private pending: Pending[] = [];
  private objects = 0;
  private records = 0;
  private firstAt: Provenance | undefined;
  /** List id per List document (the reader hands the same wrapper for every item of one). */
  private readonly lists = new WeakMap<object, string>();
  unparsed = 0;

  constructor(private readonly ctx: FileContext) {}

  line(text: string, at: Provenance): boolean {
    this.firstAt ??= at;
    this.reader.feed(text, at);
    return true;
  }

  end(): void {
    this.reader.end();
    this.flushPending(undefined, undefined);
    if (!this.firstAt) return;
    this.ctx.diag({
      severity: 'info',
      code: 'parse/kubectl-json',
      reason: `Read ${this.objects} Kubernetes objects; ${this.records} timeline records`,
      place: { file: this.ctx.file, line: this.firstAt.line, offset: this.firstAt.offset },
    });
  }

  item(unit: Unit, wrapper: Record<string, unknown>): void {
    if (!isRecordValue(unit.value)) return this.notAnObject(unit.at, 'a List item that is not an object');
    const kind = typeof unit.value.kind === 'string' ? unit.value.kind : listItemKind(wrapper.kind);
    const list = this.listOf(wrapper, unit.at);
    if (!kind) {
      this.pending.push({ unit, value: unit.value, ...(list ? { list } : {}) });
      return;
    }
    this.take(unit, unit.value, this.defaults(kind, wrapper.apiVersion, list));
  }

  private listOf(wrapper: Record<string, unknown>, at: Provenance): string | undefined {
    if (wrapper === TOP_LEVEL_ARRAY) return undefined;
    let id = this.lists.get(wrapper);
    if (id === undefined) this.lists.set(wrapper, (id = `${this.ctx.file}:${at.line}`));
    return id;
  }

  document(value: unknown, unit: Unit | undefined, streamed: number, complete: boolean): void {
    if (!isRecordValue(value)) return;
    if (streamed > 0 || Array.isArray(value.items) || !unit) {
      this.flushPending(listItemKind(value.kind), value.apiVersion);
      return;
    }
    if (!complete) return;
    if (typeof value.kind !== 'string' && !isRecordValue(value.metadata)) return this.notAnObject(unit.at, 'a JSON document without kind or metadata');
    this.take(unit, value, this.defaults(typeof value.kind === 'string' ? value.kind : 'Unknown', undefined));
  }

  text(line: string, at: Provenance): void {
    if (line.trim() === '') return;
    this.unparsed++;
    this.ctx.diag({
      severity: 'warning',
      code: 'parse/kubectl-text-line',
      reason: 'Unexpected text line in kubectl JSON output, expected a JSON document (kept as a text record)',
      place: at,
      snippet: snippetOf(line),
      help: 'kubectl writes warnings and errors (e.g. "Error from server (NotFound)") to stderr; they were captured with the JSON.',
    });
    this.ctx.emit({ stamp: AT_SNAPSHOT, source: 'kubectl', format: KUBECTL_JSON_FORMAT_ID, program: 'kubectl', message: line.trim(), fields: { unparsed: 'true' }, raw: line, at });
  }

  fault(f: { reason: string; at: Provenance; column: number; snippet: string }): void {
    this.ctx.diag({
      severity: 'error',
      code: 'parse/kubectl-json-malformed',
      reason: f.reason,
      place: { ...f.at, column: f.column },
      snippet: snippetOf(f.snippet),
      help: 'Objects read before this point are kept; the object being read is dropped and reading resumes at the next item or document.',
    });
  }

  skipped(from: number, to: number, resumedAt: number | undefined): void {
    this.ctx.diag({
      severity: 'warning',
      code: 'parse/kubectl-json-skipped',
      reason: `Skipped lines ${from}-${to} after malformed JSON, ${resumedAt ? `resumed at line ${resumedAt}` : 'up to the end of the file'}`,
      place: { file: this.ctx.file, line: from },
      count: to - from + 1,
    });
  }

  private defaults(kind: string, apiVersion: unknown, list?: string): ObjectDefaults {
    const d: ObjectDefaults = { kind };
    if (typeof apiVersion === 'string') d.apiVersion = apiVersion;
    if (list) d.list = list;
    return d;
  }

  private flushPending(kind: string | undefined, apiVersion: unknown): void {
    const pending = this.pending;
    this.pending = [];
    if (pending.length > 0 && !kind) {
      this.ctx.diag({
        severity: 'warning',
        code: 'parse/kubectl-unknown-kind',
        reason: `Unexpected ${pending.length} List items without kind in a list of unknown type, expected "kind" on each item or a typed list (PodList); kept as kind Unknown`,
        place: pending[0]!.unit.at,
        count: pending.length,
      });
    }
    for (const p of pending) this.take(p.unit, p.value, this.defaults(kind ?? 'Unknown', apiVersion, p.list));
  }

  private take(unit: Unit, value: Record<string, unknown>, defaults: ObjectDefaults): void {
    const obj = toK8sObject(value, { ...unit.at, file: this.ctx.file }, defaults);
    if (!obj) return;
    this.objects++;
    this.ctx.object(obj);
    const env: RecordEnv = {
      format: KUBECTL_JSON_FORMAT_ID,
      unit: { first: unit.at.line, texts: unit.texts, offsets: unit.offsets },
      emit: (r) => this.ctx.emit(r),
      diag: (d) => this.ctx.diag(d),
    };
    this.records += emitObjectRecords(obj, env);
  }

  private notAnObject(at: Provenance, what: string): void {
    this.ctx.diag({
      severity: 'warning',
      code: 'parse/kubectl-not-an-object',
      reason: `Unexpected ${what}, expected a Kubernetes object`,
      place: at,
    });
  }
}

export const kubectlJsonFormat: Format = {
  meta: {
    id: KUBECTL_JSON_FORMAT_ID,
    title: 'kubectl get -o json (objects, Lists, typed lists)',
    source: 'kubectl',
    docs: 'FORMATS.md#6-kubectl-output',
    samples: [
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "radarr-0", "namespace": "media", "creationTimestamp": "2026-05-28T10:21:04Z"}}',
      '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}',
    ],
  },
  sniff(lines) {
    const head = lines.slice(0, 20).join('\n');
    if (/"__(?:CURSOR|REALTIME_TIMESTAMP)"/.test(head)) return 0;
    if (!lines.some((l) => /^\s*[{[]/.test(l))) return 0;
    if (/"(?:apiVersion|kind)"\s*:/.test(head)) return 0.9;
    return lines.find((l) => l.trim() !== '')?.trim().startsWith('{') ? 0.3 : 0;
  },
  open(ctx) {
    return new KubectlJsonParser(ctx);
  },
  gateable: false,
};
