import type { FileContext, Format, ParsedRecord, Provenance } from '../../../src/model/index.js';

/**
 * A stand-in for the journal/syslog parsers (they land from another branch): it emits one record
 * per line the way they do, message = text after `ident[pid]: `, stamp = the prefix as written.
 */
const SHORT = /^([A-Z][a-z]{2}) (\d\d) (\d\d):(\d\d):(\d\d) (\S+) ([^[:\s]+)(?:\[(\d+)\])?: ?(.*)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function fakeJournalLine(ctx: FileContext, text: string, at: Provenance): void {
  if (text.startsWith('{')) {
    const j = JSON.parse(text) as Record<string, string>;
    const us = Number(j.__REALTIME_TIMESTAMP);
    ctx.emit({
      stamp: { kind: 'absolute', utcMicros: us, precision: 'us', text: j.__REALTIME_TIMESTAMP! },
      host: j._HOSTNAME!,
      source: 'journal',
      format: 'journal-json',
      program: j.SYSLOG_IDENTIFIER!,
      pid: Number(j._PID),
      message: j.MESSAGE!,
      fields: {},
      raw: text,
      at,
    });
    return;
  }
  const m = SHORT.exec(text);
  if (!m) throw new Error(`fake journal parser cannot read: ${text}`);
  const rec: ParsedRecord = {
    stamp: {
      kind: 'wall',
      month: MONTHS.indexOf(m[1]!) + 1,
      day: Number(m[2]),
      hour: Number(m[3]),
      minute: Number(m[4]),
      second: Number(m[5]),
      micros: 0,
      precision: 's',
      text: text.slice(0, 15),
    },
    host: m[6]!,
    source: 'journal',
    format: 'journal-short',
    program: m[7]!,
    message: m[9]!,
    fields: {},
    raw: text,
    at,
  };
  if (m[8]) rec.pid = Number(m[8]);
  ctx.emit(rec);
}


/** The stand-in as a gateable journal Format, for scanner-level tests. */
export const fakeJournalFormat: Format = {
  meta: { id: 'fake-journal-short', title: 'stand-in journal short', source: 'journal', docs: '', samples: [] },
  sniff: (lines) => (lines.every((l) => SHORT.test(l) || l.startsWith('{')) ? 0.9 : 0),
  open: (ctx) => ({
    line(text, at) {
      fakeJournalLine(ctx, text, at);
      return false;
    },
    end() {},
    unparsed: 0,
  }),
  gateable: true,
};
