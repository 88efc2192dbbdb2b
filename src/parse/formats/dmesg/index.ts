import type { FileContext, Format, ParsedRecord, Provenance, Stamp } from '../../../model/index.js';
import { isBlank, SPACE, TAB } from '../../text/chars.js';
import { BufferedParser, provenance } from '../base.js';
import { parseHostTag } from '../envelope.js';
import { share } from '../sniff-util.js';
import { readDmesgPrefix } from './prefix.js';
import { dmesgShape } from './shape.js';

/**
 * dmesg output in every util-linux time format (FORMATS.md 2.1). A record's stamp is the most
 * absolute clock on the line (iso > ctime > raw uptime); the uptime is always kept. Lines with
 * no time prefix that are indented continue the previous record.
 */

const LOCALISED_CTIME = /^\[\S+ +\S+ +\d+ \d\d:\d\d:\d\d \d{4}\]/;

function isIndented(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === SPACE || c === TAB;
}

class DmesgParser extends BufferedParser {
  private messageColumn = 0;

  constructor(ctx: FileContext) {
    super(ctx, 'dmesg', 'a dmesg line (`[ 1234.567890] msg`, `-T`, `--time-format iso`, `-r`, `-x`)');
  }

  line(text: string, at: Provenance): boolean {
    if (isBlank(text)) return false;
    if (isIndented(text)) {
      let n = 0;
      while (text.charCodeAt(n) === SPACE || text.charCodeAt(n) === TAB) n++;
      const part = text.slice(Math.min(n, this.messageColumn || n));
      if (this.adjacent(at)) this.append(text, at, part);
      else this.orphan(text, at, 'kernel', part);
      return false;
    }
    const p = readDmesgPrefix(text);
    if (!p) {
      const help = LOCALISED_CTIME.test(text)
        ? 'dmesg -T prints day and month names of the capturing locale; only English names are read. Capture with LC_TIME=C dmesg -T.'
        : undefined;
      this.unparsedLine(text, at, help);
      return false;
    }
    const stamp: Stamp = p.iso ?? p.ctime ?? { kind: 'uptime', seconds: p.uptime!, text: text.slice(0, p.msgStart).trim() };
    const rec: ParsedRecord = {
      stamp,
      source: 'kernel',
      format: 'dmesg',
      program: 'kernel',
      message: text.slice(p.msgStart),
      fields: {},
      raw: text,
      at: provenance(at),
    };
    if (p.uptime !== undefined) rec.uptime = p.uptime;
    if (p.severity) rec.severity = p.severity;
    if (p.facility !== undefined) rec.fields['kernel.facility'] = p.facility;
    if (p.caller !== undefined) rec.fields['kernel.caller'] = p.caller;
    if (this.ctx.host !== undefined) rec.host = this.ctx.host;
    this.hold(rec);
    this.messageColumn = p.msgStart;
    return false;
  }
}

/** A line that journalctl -o short-monotonic would print: `[ u] [host] ident[pid]: msg`. */
export function journalMonotonicLike(line: string): boolean {
  const p = readDmesgPrefix(line);
  if (!p || p.uptime === undefined || p.ctime || p.iso) return false;
  const ht = parseHostTag(line, p.msgStart);
  return ht.program !== undefined && (ht.pid !== undefined || ht.program === 'kernel');
}

export const dmesgFormat: Format = {
  meta: {
    id: 'dmesg',
    title: 'dmesg (raw, -T, --time-format iso, -r, -x, caller ids)',
    source: 'kernel',
    docs: 'FORMATS.md#21-dmesg-util-linux-time-formats',
    samples: [
      '[17159596.699613] device vethab20cf5 entered promiscuous mode',
      '[Fri Jun 15 09:33:12 2018] vethc2db2d5: renamed from eth0',
      '2023-12-22T12:26:24,559615-08:00 device vethab20cf5 entered promiscuous mode',
      '<6>[    0.000000] x86/fpu: Legacy x87 FPU detected.',
      'kern  :err   : [ 4721.118431] EXT4-fs error (device sdc): ext4_journal_check_start:61: Detected aborted journal',
      '[ 4721.118431] [  T1234] EXT4-fs (sdc): Remounting filesystem read-only',
    ],
  },
  sniff(lines) {
    const s = share(lines, (l) => (isIndented(l) ? null : readDmesgPrefix(l) !== null));
    if (s === 0) return 0;
    const journalish = share(lines, (l) => (isIndented(l) ? null : journalMonotonicLike(l)));
    return 0.93 * s * (journalish >= 0.5 ? 0.5 : 1);
  },
  gateable: true,
  isContinuation: isIndented,
  shapeOk: dmesgShape,
  open: (ctx) => new DmesgParser(ctx),
};
