import { isBlank } from '../text/chars.js';
import { isJournalMarker, isStrongJournalMarker } from './journal/markers.js';

/**
 * Helpers for the formats' `sniff(lines)`: a score is the share of lines a format's own layout
 * reads, scaled by how distinctive a match is, with evidence for a neighbour format lowering it.
 */

/** Verdict on one line: true = in the format, false = not, null = says nothing (blank, marker). */
export type LineVerdict = boolean | null;

/** Share of lines judged `true` among those judged at all (0 when none). */
export function share(lines: readonly string[], judge: (line: string) => LineVerdict): number {
  let yes = 0;
  let judged = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const v = judge(line);
    if (v === null) continue;
    judged++;
    if (v) yes++;
  }
  return judged === 0 ? 0 : yes / judged;
}

/**
 * True when the lines show something only journalctl text output prints: marker lines
 * (`-- Boot`, `-- Logs begin at`, ...) or space-indented continuation lines.
 */
export function journalTextEvidence(lines: readonly string[]): boolean {
  return lines.some((l) => isStrongJournalMarker(l) || (l.charCodeAt(0) === 32 && !isBlank(l)));
}

/** Neutral verdict for the lines a journal file may hold besides entries. */
export function journalNeutral(line: string): boolean {
  return isJournalMarker(line) || line.charCodeAt(0) === 32;
}

const PRINTK_IN_KERNEL_LINE = / kernel: \[ *\d+\.\d+\] /;

/**
 * True when the lines show something only rsyslog files hold: kernel lines keeping printk's
 * `[ 1234.567890]` (imklog; the journal stores kernel messages without it) or rsyslogd's own
 * lines.
 */
export function syslogFileEvidence(lines: readonly string[]): boolean {
  return lines.some((l) => PRINTK_IN_KERNEL_LINE.test(l) || l.includes(' rsyslogd: ') || l.includes(' rsyslogd['));
}
