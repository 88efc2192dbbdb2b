import type { Provenance } from '../../model/index.js';

/** Types and scalar tokens of the streaming JSON reader (kubectl-json-reader.ts). */

export const LINES = Symbol('hows.lines');

/** The `wrapper` of the elements of a top-level array (not a List document). */
export const TOP_LEVEL_ARRAY: Readonly<Record<string, unknown>> = Object.freeze({});

export interface Unit {
  value: unknown;
  at: Provenance;
  /** Text and byte offset of the unit's lines, from `at.line` on. */
  texts: string[];
  offsets: number[];
}

export interface JsonFaultReport {
  reason: string;
  at: Provenance;
  column: number;
  snippet: string;
}

export interface JsonSink {
  /**
   * A streamed element; `wrapper` holds the members of its document read so far (one object per
   * document, the same for every item of it), or is TOP_LEVEL_ARRAY for the elements of a
   * top-level JSON array.
   */
  item(unit: Unit, wrapper: Record<string, unknown>): void;
  /** A document ended (complete = false at end of input). `unit` is absent for Lists. */
  document(value: unknown, unit: Unit | undefined, streamed: number, complete: boolean): void;
  text(line: string, at: Provenance): void;
  fault(f: JsonFaultReport): void;
  skipped(from: number, to: number, resumedAt: number | undefined): void;
}

/** What the reader expects next in the innermost container. */
export const Expect = { KeyOrEnd: 0, Key: 1, Colon: 2, Value: 3, ValueOrEnd: 4, CommaOrEnd: 5 } as const;
export type Expect = (typeof Expect)[keyof typeof Expect];

export const EXPECTED: Record<Expect, string> = {
  [Expect.KeyOrEnd]: `'"' or '}'`,
  [Expect.Key]: `'"'`,
  [Expect.Colon]: `':'`,
  [Expect.Value]: 'a value',
  [Expect.ValueOrEnd]: `a value or ']'`,
  [Expect.CommaOrEnd]: `',' or the end of the container`,
};

/** A syntax error at a 1-based column of the current line. */
export class JsonFault {
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {}
}

export const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Line where the value at `path` starts, from the LINES marks of the built value. */
export function lineOf(root: unknown, path: ReadonlyArray<string | number>): number | undefined {
  let v: unknown = root;
  let line: number | undefined;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    const lines = (v as { [LINES]?: Record<string | number, number> })[LINES];
    line = lines?.[seg as string];
    v = (v as Record<string | number, unknown>)[seg as string];
    if (v === undefined) return undefined;
  }
  return line;
}

/** Where the last token read by readString or readNumber ended (the index after it). */
export const tokenEnd = { at: 0 };

/**
 * Reads the JSON string starting at `t[i]` (a quote): its value; `tokenEnd.at` is the index
 * after the closing quote. No [value, next] pair per token and no match array per number:
 * on a 57 MB pods List those were 100 of the 911 MB its scan allocated.
 */
export function readString(t: string, i: number): string {
  let from = i + 1;
  for (;;) {
    const q = t.indexOf('"', from);
    if (q < 0) throw new JsonFault(i + 1, 'Unexpected end of line inside a string, expected \'"\'');
    let k = q - 1;
    while (k > i && t.charCodeAt(k) === 92) k--;
    if ((q - 1 - k) % 2 === 0) {
      const body = t.slice(i + 1, q);
      tokenEnd.at = q + 1;
      if (!body.includes('\\')) return body;
      try {
        return JSON.parse(t.slice(i, q + 1)) as string;
      } catch {
        throw new JsonFault(i + 1, 'Unexpected escape sequence in a string, expected a JSON escape');
      }
    }
    from = q + 1;
  }
}

/** Reads the JSON number starting at `t[i]`, or undefined when there is none; sets `tokenEnd.at`. */
export function readNumber(t: string, i: number): number | undefined {
  JSON_NUMBER.lastIndex = i;
  if (!JSON_NUMBER.test(t)) return undefined;
  tokenEnd.at = JSON_NUMBER.lastIndex;
  return Number(t.slice(i, tokenEnd.at));
}
