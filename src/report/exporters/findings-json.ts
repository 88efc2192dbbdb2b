import { ENTITY_KINDS, type AnalysisResult, type Chain, type Diagnostic, type Evidence, type Finding } from '../../model/index.js';
import { naturalCompare } from '../natural.js';
import { cmp, ordered, sortedMap } from './ordered.js';

const EVIDENCE_KEYS = ['file', 'line', 'endLine', 'offset', 'time', 'text', 'seq'];

function evidence(list: readonly Evidence[]): unknown[] {
  return [...list].sort((a, b) => a.seq - b.seq || cmp(a.file, b.file) || a.line - b.line).map((e) => ordered(e, EVIDENCE_KEYS));
}

function finding(f: Finding): Record<string, unknown> {
  const entities = Object.create(null) as Record<string, string[]>;
  for (const k of ENTITY_KINDS) if (f.entities[k]?.length) entities[k] = [...f.entities[k]!];
  for (const k of Object.keys(f.entities).sort()) if (!(k in entities) && f.entities[k as keyof Finding['entities']]) entities[k] = [...f.entities[k as keyof Finding['entities']]!];
  return ordered(
    {
      ...f,
      host: f.host ?? null,
      captures: sortedMap(f.captures),
      entities,
      evidence: evidence(f.evidence),
      causes: f.causes.map((c) => ordered(c, ['ref', 'strength', 'via'])),
      rule: ordered(f.rule, ['file', 'line']),
    },
    ['ref', 'id', 'title', 'level', 'kind', 'role', 'host', 'first', 'last', 'count', 'captures', 'entities', 'evidence', 'causes', 'members', 'rule', 'assumptions'],
  );
}

function chain(c: Chain): Record<string, unknown> {
  return ordered(
    {
      ...c,
      steps: c.steps.map((s) => ordered({ ...s, link: s.link && ordered(s.link, ['ref', 'strength', 'via']) }, ['ref', 'question', 'answer', 'link'])),
      open: c.open && ordered(c.open, ['question', 'hint']),
    },
    ['id', 'title', 'symptoms', 'steps', 'open', 'hosts'],
  );
}

function warning(d: Diagnostic): Record<string, unknown> {
  return ordered({ ...d, place: d.place && ordered(d.place, ['file', 'line', 'endLine', 'offset', 'column']) }, [
    'severity',
    'code',
    'reason',
    'place',
    'snippet',
    'help',
    'count',
  ]);
}

/**
 * The JSON document of `--format json` and `findings.json` (the contract of the signatures
 * issue): `tool`, `options`, `findings[]`, `chains[]`, `routine[]`, `assumptions[]`, `warnings[]`,
 * `inputs[]`, each object with its keys in a fixed order and each list in a stable order
 * (findings by ref, chains by id, inputs by path, warnings by place), so the same analysis
 * gives the same bytes. Ends with a newline.
 */
export function findingsJson(result: AnalysisResult): string {
  const doc = ordered(
    {
      tool: ordered(result.tool, ['name', 'version']),
      options: ordered(result.options, ['tz', 'displayTz', 'year', 'routineWindow']),
      findings: [...result.findings].sort((a, b) => naturalCompare(a.ref, b.ref)).map(finding),
      chains: [...result.chains].sort((a, b) => naturalCompare(a.id, b.id)).map(chain),
      routine: result.routine.map((t) =>
        ordered({ ...t, host: t.host ?? null, evidence: evidence(t.evidence) }, ['id', 'title', 'host', 'findings', 'events', 'first', 'last', 'objectKind', 'objects', 'examples', 'evidence']),
      ),
      assumptions: [...result.assumptions]
        .sort((a, b) => cmp(a.kind, b.kind) || cmp(a.text, b.text))
        .map((a) => ordered({ ...a, files: [...a.files].sort(cmp) }, ['kind', 'text', 'files', 'events'])),
      warnings: [...result.warnings]
        .sort((a, b) => cmp(a.place?.file ?? '', b.place?.file ?? '') || (a.place?.line ?? 0) - (b.place?.line ?? 0) || cmp(a.code, b.code) || cmp(a.reason, b.reason))
        .map(warning),
      inputs: [...result.inputs]
        .sort((a, b) => cmp(a.path, b.path))
        .map((i) =>
          ordered(i, ['path', 'format', 'host', 'hostSource', 'gzip', 'bytes', 'uncompressedBytes', 'lines', 'unparsedLines', 'sha256', 'first', 'last', 'skipped']),
        ),
    },
    ['tool', 'options', 'findings', 'chains', 'routine', 'assumptions', 'warnings', 'inputs'],
  );
  return `${JSON.stringify(doc, null, 2)}\n`;
}
