// Roles of the lines of a kubectl JSON list: items the sample marks as evidence are `context`
// (and `signal` on their key lines); every other item is noise.
export function itemSpans(text) {
  const lines = text.split('\n');
  const spans = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '        {') start = i;
    else if ((lines[i] === '        }' || lines[i] === '        },') && start >= 0) { spans.push([start, i]); start = -1; }
  }
  return spans;
}

/**
 * roles: per item index -> {role, keys: [RegExp]} (missing = noise). Returns roleOf(line, idx).
 * In an evidence item, the key lines are `signal` and its identity lines (metadata name and
 * namespace, at 12 spaces of indent) take `role`; its other lines are ordinary structure (noise).
 */
export function listRoles(text, roles) {
  const spans = itemSpans(text);
  const byLine = new Map();
  spans.forEach(([a, b], i) => { if (roles[i]) for (let k = a; k <= b; k++) byLine.set(k, roles[i]); });
  return (line, idx) => {
    const r = byLine.get(idx);
    if (!r) return 'noise';
    if (r.keys?.some((re) => re.test(line))) return 'signal';
    return /^ {16}"(name|namespace)": /.test(line) ? r.role : 'noise';
  };
}

/** Roles for a list whose items are objects `objs` in order: pick(obj) -> role spec or null. */
export function rolesFor(text, objs, pick) {
  return listRoles(text, objs.map(pick));
}
