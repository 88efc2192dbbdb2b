import type { K8sObject } from '../../model/index.js';

/**
 * The input line of a field of an object, for citing it: `K8sObject.lines` keys use brackets
 * (`status.containerStatuses[0].state.waiting.reason`), signatures write indexes as dotted
 * segments (`status.containerStatuses.0.state.waiting.reason`); both are accepted, and a leading
 * `metadata.` is optional for name/labels (`labels.nodeID`). When the field itself was not
 * recorded, the first recorded line inside it (an object-valued field); undefined when neither
 * is known (the caller cites the object's first line, `obj.at`).
 */
export function fieldLine(obj: Pick<K8sObject, 'lines'>, path: string): number | undefined {
  const key = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  const candidates = [key, ...(key.startsWith('labels.') || key === 'name' ? [`metadata.${key}`] : [])];
  for (const k of candidates) {
    const exact = obj.lines[k];
    if (exact !== undefined) return exact;
  }
  let first: number | undefined;
  for (const k of candidates) {
    for (const [p, line] of Object.entries(obj.lines)) {
      if ((p.startsWith(`${k}.`) || p.startsWith(`${k}[`)) && (first === undefined || line < first)) first = line;
    }
  }
  return first;
}
