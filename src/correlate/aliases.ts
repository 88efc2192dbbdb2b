/**
 * Entity aliases per host: union-find over `kind=value` nodes, joined by `binds` and derivations
 * (connection 1:0 ~ iqn...:pvc-746b2837 ~ pvc-746b2837 ~ portal 10.152.183.57 on k8s02).
 *
 * Identifiers get reused (after a logout, connection 1:0 may log in to another target). A bind
 * that would join a node to a component already holding a different value of a kind in the
 * group starts a new version of that node from that event on; an event resolves each of its
 * values to the version current at its position (or the first version, for events before any
 * bind: the login usually precedes the error, but the evidence may start after it).
 */

type Same = (kind: string, a: string, b: string) => boolean;

export class AliasIndex {
  private readonly parent: number[] = [];
  /** Values by kind of each component, kept on its root. */
  private readonly values = new Map<number, Map<string, Set<string>>>();
  /** Versions of each `host\0kind\0value` node: from which event seq each node id applies. */
  private readonly versions = new Map<string, Array<{ seq: number; id: number }>>();

  private key(host: string, kind: string, value: string): string {
    return `${host}\u0000${kind}\u0000${value}`;
  }

  private create(kind: string, value: string): number {
    const id = this.parent.length;
    this.parent.push(id);
    this.values.set(id, new Map([[kind, new Set([value])]]));
    return id;
  }

  find(id: number): number {
    let r = id;
    while (this.parent[r] !== r) r = this.parent[r]!;
    let cur = id;
    while (this.parent[cur] !== r) {
      const next = this.parent[cur]!;
      this.parent[cur] = r;
      cur = next;
    }
    return r;
  }

  private union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    const va = this.values.get(ra)!;
    const vb = this.values.get(rb)!;
    if (va.size < vb.size) [ra, rb] = [rb, ra];
    const into = this.values.get(ra)!;
    for (const [k, vs] of this.values.get(rb)!) {
      const s = into.get(k) ?? new Set<string>();
      for (const v of vs) s.add(v);
      into.set(k, s);
    }
    this.values.delete(rb);
    this.parent[rb] = ra;
  }

  /** True when the component of `id` holds a kind of `group` with none of the group's values. */
  private conflicts(id: number, group: Array<[string, string]>, same: Same): boolean {
    const vals = this.values.get(this.find(id))!;
    return group.some(([k, v]) => {
      const have = vals.get(k);
      return !!have && have.size > 0 && ![...have].some((h) => same(k, h, v));
    });
  }

  /** True when two components name different things of one kind (iqn A and iqn B). */
  private clash(a: number, b: number, same: Same): boolean {
    const va = this.values.get(this.find(a))!;
    const vb = this.values.get(this.find(b))!;
    for (const [k, xs] of va) {
      const ys = vb.get(k);
      if (ys && ![...xs].some((x) => [...ys].some((y) => same(k, x, y)))) return true;
    }
    return false;
  }

  private current(host: string, kind: string, value: string, seq: number): number {
    const key = this.key(host, kind, value);
    const vs = this.versions.get(key);
    if (vs) return vs[vs.length - 1]!.id;
    const id = this.create(kind, value);
    this.versions.set(key, [{ seq, id }]);
    return id;
  }

  private renew(host: string, kind: string, value: string, seq: number): number {
    const id = this.create(kind, value);
    this.versions.get(this.key(host, kind, value))!.push({ seq, id });
    return id;
  }

  /**
   * Joins the values of `group` (seen together at event `seq` on `host`); the first member is
   * the anchor (the thing the line names; derived values come after it). A member whose current
   * binding contradicts the group, or whose component would clash with the anchor's, starts a
   * new version from this event on.
   */
  bind(host: string, seq: number, group: Array<[string, string]>, same: Same): void {
    const ids = group.map(([kind, value], i) => {
      const cur = this.current(host, kind, value, seq);
      return this.conflicts(cur, group.filter((_, j) => j !== i), same) ? this.renew(host, kind, value, seq) : cur;
    });
    for (let i = 1; i < ids.length; i++) {
      let id = ids[i]!;
      if (this.find(id) !== this.find(ids[0]!) && this.clash(ids[0]!, id, same)) id = this.renew(host, group[i]![0], group[i]![1], seq);
      this.union(ids[0]!, id);
    }
  }

  /** Which version of `kind=value` on `host` applies at event `seq` (-1: never bound). */
  versionAt(host: string, seq: number, kind: string, value: string): number {
    const vs = this.versions.get(this.key(host, kind, value));
    if (!vs) return -1;
    let id = vs[0]!.id;
    for (const v of vs) if (v.seq <= seq) id = v.id;
    return id;
  }

  /** Every `[kind, value]` aliased to `kind=value` on `host` at event `seq` (itself included). */
  aliasesOf(host: string, seq: number, kind: string, value: string): Array<[string, string]> {
    const vs = this.versions.get(this.key(host, kind, value));
    if (!vs) return [[kind, value]];
    let id = vs[0]!.id;
    for (const v of vs) if (v.seq <= seq) id = v.id;
    const out: Array<[string, string]> = [];
    for (const [k, set] of this.values.get(this.find(id))!) for (const v of set) out.push([k, v]);
    return out;
  }
}
