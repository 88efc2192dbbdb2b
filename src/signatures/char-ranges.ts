/** Character sets of the regex analysis: inclusive UTF-16 code unit ranges, sorted and merged. */
export type CharRanges = ReadonlyArray<readonly [number, number]>;

const MAX_UNIT = 0xffff;

export function normalizeRanges(ranges: Iterable<readonly [number, number]>): CharRanges {
  const sorted = [...ranges].map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export function complementRanges(ranges: CharRanges): CharRanges {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

export function rangesOverlap(a: CharRanges, b: CharRanges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x[1] < y[0]) i++;
    else if (y[1] < x[0]) j++;
    else return true;
  }
  return false;
}

export function rangeSize(r: CharRanges): number {
  return r.reduce((n, [a, b]) => n + b - a + 1, 0);
}

/** `.` matches anything but line terminators. */
export const DOT: CharRanges = normalizeRanges([
  [0, 9],
  [11, 12],
  [14, 0x2027],
  [0x202a, MAX_UNIT],
]);
