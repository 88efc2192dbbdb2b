import type { Diagnostic, Provenance } from '../../model/index.js';
import { isoFromMicros } from '../../model/index.js';
import { type Identity } from './identities.js';

/**
 * List authority. A `kubectl get <kind> -o json` List (or a `get pods -A` table) holds every
 * object of its kind in its scope at its snapshot time, so an object of that kind and scope seen
 * only in older snapshots is gone by then: force-deleted pods no longer belong to the state that
 * later objects are joined with. Scope per kind, from the items: cluster-scoped items cover the
 * whole kind; items of one namespace cover that namespace (`-n media`); items of several
 * namespaces cover all of them (`-A`). A single-object document never says anything about other
 * objects, and neither does a List without items of a kind (an empty `get pods` says nothing).
 *
 * A List filtered with `-l` or `--field-selector` looks like a full one and would mark objects it
 * left out as gone: every object found gone is named in a `state/gone` diagnostic.
 */

interface ListFacts {
  id: string;
  t: number;
  at: Provenance;
  /** Per kind: the namespaces of its items ('' = cluster-scoped). */
  kinds: Map<string, Set<string>>;
}

function covers(scope: Set<string>, namespace: string | undefined): boolean {
  if (scope.has('')) return namespace === undefined; // cluster-scoped items: the whole kind
  if (scope.size > 1) return true; // -A
  return namespace !== undefined && scope.has(namespace);
}

function listsOf(ids: readonly Identity[]): ListFacts[] {
  const lists = new Map<string, ListFacts>();
  for (const id of ids) {
    for (const v of id.versions) {
      const list = v.obj.list;
      if (!list || v.t === -Infinity) continue;
      let facts = lists.get(list);
      if (!facts) lists.set(list, (facts = { id: list, t: v.t, at: v.obj.at, kinds: new Map() }));
      if (v.obj.at.line < facts.at.line) facts.at = v.obj.at;
      const set = facts.kinds.get(v.obj.kind) ?? facts.kinds.set(v.obj.kind, new Set()).get(v.obj.kind)!;
      set.add(v.obj.namespace ?? '');
    }
  }
  return [...lists.values()];
}

/** Sets `gone` on every identity a later List of its kind and scope leaves out. */
export function markGone(ids: readonly Identity[], diags: Diagnostic[]): void {
  const lists = listsOf(ids).sort((a, b) => a.t - b.t);
  if (lists.length === 0) return;
  const dropped = new Map<ListFacts, Identity[]>();
  for (const id of ids) {
    if (id.lastSeen === -Infinity) continue;
    const by = lists.find((l) => {
      const scope = l.kinds.get(id.kind);
      return scope !== undefined && l.t > id.lastSeen && covers(scope, id.namespace);
    });
    if (!by) continue;
    id.gone = { t: by.t, list: { file: by.at.file, line: by.at.line, offset: by.at.offset } };
    (dropped.get(by) ?? dropped.set(by, []).get(by)!).push(id);
  }
  for (const [list, gone] of dropped) {
    const names = gone.map((g) => `${g.kind} ${g.namespace ? `${g.namespace}/` : ''}${g.name}`);
    diags.push({
      severity: 'info',
      code: 'state/gone',
      reason: `${gone.length} object(s) of older snapshots are not in the List at ${list.at.file}:${list.at.line} (taken ${isoFromMicros(list.t, 's')}): gone by then, kept as of their own snapshot: ${names.slice(0, 10).join(', ')}${names.length > 10 ? `, +${names.length - 10} more` : ''}`,
      place: list.at,
      count: gone.length,
      help: 'A List filtered with -l or --field-selector looks like a complete one; if this one was filtered, these objects may still exist.',
    });
  }
}
