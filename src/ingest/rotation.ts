/**
 * Orders log rotation families oldest first: `syslog.3.gz`, `syslog.2.gz`, `syslog.1`, `syslog`
 * (Debian logrotate), and `messages-20260527`, `messages-20260528`, `messages` (RHEL dateext).
 * Names that are not rotations sort by name.
 */
interface RotationKey {
  base: string;
  /** Larger = newer; the live file is +Infinity. */
  age: number;
}

const NUMBERED = /^(.*?)\.([0-9]{1,4})(\.gz)?$/;
const DATED = /^(.*?)-([0-9]{8})(\.gz)?$/;
const GZ_ONLY = /^(.*)\.gz$/;

export function rotationKey(name: string): RotationKey {
  let m = NUMBERED.exec(name);
  if (m) return { base: m[1]!, age: -Number(m[2]) };
  m = DATED.exec(name);
  if (m) return { base: m[1]!, age: -1e9 + Number(m[2]) };
  m = GZ_ONLY.exec(name);
  if (m) return { base: m[1]!, age: -0.5 };
  return { base: name, age: Number.POSITIVE_INFINITY };
}

/** Sort comparator for directory entries: by family name, then oldest rotation first. */
export function compareRotations(a: string, b: string): number {
  const ka = rotationKey(a);
  const kb = rotationKey(b);
  if (ka.base !== kb.base) return ka.base < kb.base ? -1 : 1;
  if (ka.age !== kb.age) return ka.age < kb.age ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
