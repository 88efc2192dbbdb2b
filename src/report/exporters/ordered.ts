/**
 * Objects with a fixed key order for byte-stable JSON: the listed keys first (in order), then
 * any other key in code-unit order; `undefined` values are left out. Built on null-prototype
 * objects so that a captured name such as `__proto__` is an ordinary key.
 */
export function ordered(obj: object, keys: readonly string[]): Record<string, unknown> {
  const src = obj as Record<string, unknown>;
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of keys) if (Object.hasOwn(src, k) && src[k] !== undefined) out[k] = src[k];
  const rest = Object.keys(src)
    .filter((k) => !keys.includes(k))
    .sort();
  for (const k of rest) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

/** A string map with its keys in code-unit order. */
export function sortedMap<T>(map: Readonly<Record<string, T>> | undefined): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (!map) return out;
  for (const k of Object.keys(map).sort()) out[k] = map[k]!;
  return out;
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
