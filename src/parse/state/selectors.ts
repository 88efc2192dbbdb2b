/**
 * Kubernetes label selectors: `metav1.LabelSelector` ({matchLabels, matchExpressions} with In,
 * NotIn, Exists, DoesNotExist; all terms ANDed; `{}` selects everything) and the plain map of a
 * Service selector (empty or absent selects nothing).
 */

type Labels = Readonly<Record<string, string>>;

interface Requirement {
  key: string;
  operator: string;
  values?: unknown[];
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A LabelSelector as a predicate; undefined when absent or malformed (selects nothing). */
export function labelSelector(sel: unknown): ((labels: Labels) => boolean) | undefined {
  if (!isObj(sel)) return undefined;
  const match = isObj(sel.matchLabels) ? Object.entries(sel.matchLabels) : [];
  const exprs = Array.isArray(sel.matchExpressions) ? (sel.matchExpressions.filter(isObj) as unknown as Requirement[]) : [];
  return (labels) => {
    for (const [k, v] of match) if (labels[k] !== v) return false;
    for (const r of exprs) {
      const has = Object.hasOwn(labels, r.key);
      const values = Array.isArray(r.values) ? r.values : [];
      switch (r.operator) {
        case 'In':
          if (!has || !values.includes(labels[r.key])) return false;
          break;
        case 'NotIn':
          if (has && values.includes(labels[r.key])) return false;
          break;
        case 'Exists':
          if (!has) return false;
          break;
        case 'DoesNotExist':
          if (has) return false;
          break;
        default:
          return false; // unknown operator: select nothing rather than everything
      }
    }
    return true;
  };
}

/** A Service's `spec.selector` map; an empty or absent map selects nothing. */
export function mapSelector(sel: unknown): ((labels: Labels) => boolean) | undefined {
  if (!isObj(sel)) return undefined;
  const entries = Object.entries(sel);
  if (entries.length === 0) return undefined;
  return (labels) => entries.every(([k, v]) => labels[k] === v);
}
