import { createHash, randomBytes } from 'node:crypto';

/** Text-like random bytes: every byte value present, a newline every `every` bytes from `from`. */
export function textBytes(size: number, every: number, from = 0): Buffer {
  const data = randomBytes(size);
  for (let i = from; i < size; i += every) data[i] = 10;
  return data;
}

export const sha256Of = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
