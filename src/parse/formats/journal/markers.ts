import type { Provenance } from '../../../model/index.js';
import { textRecord } from '../base.js';
import type { Marker } from '../envelope-parser.js';

/**
 * journalctl marker lines (FORMATS.md 3.2): not entries, never counted as unparsed. A boot
 * marker sets the boot id of the entries after it and is kept as a context record (a reboot is
 * worth seeing on the timeline); the others (`-- No entries --`, `-- Logs begin at ...`,
 * `-- cursor: ...`, `-x` catalog text, `Hint:`/`Notice:` lines) are recognised and skipped.
 */

const STRONG = ['-- Boot ', '-- Reboot --', '-- Logs begin at ', '-- Journal begins at ', '-- No entries --', '-- cursor: '];

/** True for a line only journalctl prints (used as evidence when sniffing). */
export function isStrongJournalMarker(line: string): boolean {
  return STRONG.some((m) => line.startsWith(m));
}

/** True for any marker or catalog line a journal text file may hold between entries. */
export function isJournalMarker(line: string): boolean {
  return (
    line.startsWith('-- ') ||
    line === '--' ||
    line.startsWith('\u2591\u2591') ||
    line.startsWith('Hint: ') ||
    line.startsWith('Notice: ')
  );
}

const BOOT_ID = /^-- Boot ([0-9a-f]{32}) --$/;

/** A marker reader for one file (it numbers `-- Reboot --` markers, which carry no id). */
export function journalMarkers(formatId: string): (text: string, at: Provenance, host: string | undefined) => Marker | null {
  let reboots = 0;
  return (text, at, host) => {
    if (!isJournalMarker(text)) return null;
    const boot = BOOT_ID.exec(text);
    if (boot || text === '-- Reboot --') {
      const bootId = boot ? boot[1]! : `${at.file}#reboot-${++reboots}`;
      const record = textRecord(text, at, 'journal', formatId, { 'journal.marker': 'boot', 'journal.boot': bootId }, host);
      record.context = true;
      record.bootId = bootId;
      return { bootId, record };
    }
    return {};
  };
}
