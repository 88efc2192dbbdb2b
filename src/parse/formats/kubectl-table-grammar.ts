/**
 * Tables that users paste from kubectl (FORMATS.md §6.3): header recognition and splitting rows
 * at the header's column offsets (tabwriter pads every cell of a column to the same start, so
 * MESSAGE may hold spaces and need not be last, as with `get events -o wide`).
 */

export type TableKind = 'events' | 'describe-events' | 'pods';

export interface Column {
  name: string;
  start: number;
}

export interface TableHeader {
  kind: TableKind;
  columns: Column[];
  /** Indentation of the header (describe prints its tables indented). */
  indent: number;
}

/** Column names as kubectl prints them, upper-cased for lookup. */
function columnsOf(line: string): Column[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0].toUpperCase(), start: m.index }));
}

const has = (cols: Column[], ...names: string[]) => names.every((n) => cols.some((c) => c.name === n));

// `u`: Unicode case folding, as toUpperCase would turn a long s (U+017F) into the S of REASON.
const HEADER_WORD = /reason|ready/iu;

/** Recognises a table header line; undefined for anything else. */
export function tableHeader(line: string): TableHeader | undefined {
  // Every header below has a REASON or a READY column: a line without either word is none,
  // known before splitting it (every sniffed line of every file comes through here).
  if (!HEADER_WORD.test(line)) return undefined;
  const indent = line.length - line.trimStart().length;
  const cols = columnsOf(line);
  if (cols.length < 4) return undefined;
  const upper = line === line.toUpperCase();
  if (upper && has(cols, 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE')) return { kind: 'events', columns: cols, indent };
  if (upper && has(cols, 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE')) return { kind: 'pods', columns: cols, indent };
  if (!upper && has(cols, 'TYPE', 'REASON', 'AGE', 'FROM', 'MESSAGE')) return { kind: 'describe-events', columns: cols, indent };
  return undefined;
}

/**
 * Cells of a row by column name. Undefined when the row does not line up with the header
 * (a cell boundary falls inside a word): then it is not a row of this table.
 */
export function splitRow(line: string, columns: readonly Column[]): Record<string, string> | undefined {
  const cells: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const next = columns[i + 1];
    if (c.start > 0 && c.start < line.length && line[c.start - 1] !== ' ') return undefined;
    cells[c.name] = line.slice(c.start, next ? next.start : undefined).trim();
  }
  return cells;
}

/**
 * Fallback for rows that do not line up (tabwriter restarts its column widths after a line
 * with fewer cells, e.g. a multi-line event message in `describe`): cells split at runs of 2+
 * spaces, the last column taking the rest. Undefined unless the count fits.
 */
export function splitLoose(line: string, columns: readonly Column[]): Record<string, string> | undefined {
  const parts = line.trim().split(/ {2,}/);
  const n = columns.length;
  if (parts.length < n - 1) return undefined;
  const last = columns[n - 1]!.name;
  const msgLast = last === 'MESSAGE';
  if (!msgLast && parts.length !== n) return undefined;
  const cells: Record<string, string> = {};
  columns.forEach((c, i) => {
    cells[c.name] = i < n - 1 ? (parts[i] ?? '') : parts.slice(n - 1).join('  ');
  });
  return cells;
}

/** `<none>`, `<unknown>` and empty cells carry no value. */
export function cell(cells: Record<string, string>, name: string): string | undefined {
  const v = cells[name];
  return v === undefined || v === '' || v === '<none>' || v === '<unknown>' ? undefined : v;
}

const KINDS: Record<string, string> = {
  pod: 'Pod',
  node: 'Node',
  service: 'Service',
  endpoints: 'Endpoints',
  replicaset: 'ReplicaSet',
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  job: 'Job',
  cronjob: 'CronJob',
  persistentvolume: 'PersistentVolume',
  persistentvolumeclaim: 'PersistentVolumeClaim',
  volumeattachment: 'VolumeAttachment',
  horizontalpodautoscaler: 'HorizontalPodAutoscaler',
  jivavolume: 'JivaVolume',
  namespace: 'Namespace',
  configmap: 'ConfigMap',
  secret: 'Secret',
  lease: 'Lease',
};

/** `pod/x` (get events) or `Pod/x` (kubectl events) → kind and name. */
export function objectCell(text: string): { kind?: string; name: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { name: text };
  const raw = text.slice(0, slash);
  const kind = KINDS[raw.toLowerCase().replace(/\..*$/, '')] ?? raw;
  return { kind, name: text.slice(slash + 1) };
}
