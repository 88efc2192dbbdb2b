import type { Format } from '../model/index.js';
import { CONTAINER_FORMATS } from './formats/container.js';
import { dmesgFormat } from './formats/dmesg/index.js';
import { JOURNAL_JSON_FORMATS } from './formats/journal/json.js';
import { JOURNAL_TEXT_FORMATS } from './formats/journal/text.js';
import { KLOG_FORMATS } from './formats/klog/index.js';
import { k8sFormats } from './formats/kubectl-index.js';
import { SYSLOG_FORMATS } from './formats/syslog/index.js';
import { textFormat } from './formats/text.js';

/**
 * Every format hows reads, in sniffing order (ties go to the earlier one). Other modules add
 * theirs with `registerFormat` (goroutine dumps, kubectl JSON and tables); `text` stays the
 * fallback whatever is added, because it only ever scores 0.05.
 */
export const FORMATS: Format[] = [
  ...SYSLOG_FORMATS,
  ...JOURNAL_TEXT_FORMATS,
  ...JOURNAL_JSON_FORMATS,
  dmesgFormat,
  ...KLOG_FORMATS,
  ...CONTAINER_FORMATS,
  ...k8sFormats,
  textFormat,
];

/** Adds a format (before the text fallback). A second format with the same id is a programmer error. */
export function registerFormat(format: Format): void {
  if (FORMATS.some((f) => f.meta.id === format.meta.id)) throw new Error(`format ${format.meta.id} is already registered`);
  FORMATS.splice(FORMATS.indexOf(textFormat), 0, format);
}

/** The format with this id (for --as), or undefined. */
export function getFormat(id: string): Format | undefined {
  return FORMATS.find((f) => f.meta.id === id);
}

/** Every format id, in registry order (for --help and error messages). */
export function formatIds(): string[] {
  return FORMATS.map((f) => f.meta.id);
}
