/**
 * Adapters from the format contract (src/model/format.ts) to what the example runner needs: a
 * one-line parser (sniff the line, or use `as:`, feed it to the format's parser) and a state
 * loader (feed a kubectl JSON document or goroutine dump to its format, build cluster state).
 * The parse stage provides the formats; the pipeline and `hows patterns test` wire them in.
 */
import type { ParsedRecord } from '../model/event.js';
import type { FileContext, Format } from '../model/format.js';
import type { ClusterState, GoroutineBucket, K8sObject } from '../model/state.js';
import type { LineParser, StateLoader, TextParser } from './selftest.js';

export interface FormatSource {
  /** The format the lines read as (a text fallback is fine), or undefined. */
  sniff(lines: readonly string[]): Format | undefined;
  get(id: string): Format | undefined;
  /**
   * Wraps the context a format writes to (goroutine dumps embedded in journal/syslog lines, as
   * the scanner does); `end` is called after the format's parser ends.
   */
  decorate?(ctx: FileContext, format: Format): { ctx: FileContext; end(): void };
}

const EXAMPLE_FILE = '(example)';

function feed(formats: FormatSource, format: Format, lines: readonly string[]): { records: ParsedRecord[]; objects: K8sObject[]; buckets: GoroutineBucket[] } {
  const records: ParsedRecord[] = [];
  const objects: K8sObject[] = [];
  const buckets: GoroutineBucket[] = [];
  const ctx: FileContext = {
    file: EXAMPLE_FILE,
    options: {},
    emit: (r) => records.push(r),
    object: (o) => objects.push(o),
    bucket: (b) => buckets.push(b),
    diag: () => {},
  };
  const wrapped = formats.decorate?.(ctx, format);
  const parser = format.open(wrapped?.ctx ?? ctx);
  let offset = 0;
  lines.forEach((text, i) => {
    parser.line(text, { file: EXAMPLE_FILE, line: i + 1, offset });
    offset += Buffer.byteLength(text) + 1;
  });
  parser.end();
  wrapped?.end();
  return { records, objects, buckets };
}

/** Parses one example line the way an input file's first line would be parsed. */
export function formatLineParser(formats: FormatSource): LineParser {
  return (line, as) => {
    const format = as ? formats.get(as) : formats.sniff([line]);
    if (!format) return undefined;
    return feed(formats, format, [line]).records[0];
  };
}

/**
 * Parses a whole example text (several lines: a journal entry with continuation lines, a
 * goroutine dump) through one format, sniffed from its lines or given by `as`: every record.
 */
export function formatTextParser(formats: FormatSource): TextParser {
  return (text, as) => {
    const lines = text.split('\n');
    const format = as ? formats.get(as) : formats.sniff(lines.filter((l) => l.trim() !== '').slice(0, 32));
    return format ? feed(formats, format, lines).records : [];
  };
}

/** Loads a multi-line example (kubectl JSON, a goroutine dump) as cluster state. */
export function formatStateLoader(
  formats: FormatSource,
  build: (objects: K8sObject[], buckets: GoroutineBucket[]) => ClusterState,
): StateLoader {
  return (text, as) => {
    const lines = text.split('\n');
    const format = as ? formats.get(as) : formats.sniff(lines.filter((l) => l.trim() !== '').slice(0, 32));
    if (!format) return undefined;
    const { objects, buckets } = feed(formats, format, lines);
    return objects.length || buckets.length ? build(objects, buckets) : undefined;
  };
}
