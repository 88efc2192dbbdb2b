import type { FileContext, Format, Provenance } from '../../../model/index.js';
import { snippetOf } from '../../../model/index.js';
import { isBlank } from '../../text/chars.js';
import { BufferedParser, provenance, textRecord } from '../base.js';
import { share } from '../sniff-util.js';
import { journalEntry } from './entry.js';
import { isJournalMarker } from './markers.js';

/**
 * journalctl JSON modes (FORMATS.md 3.3): `json` (one object a line), `json-seq` (RS before each
 * object), `json-sse` (`data: ` before each, blank lines between), and `json-pretty` (objects
 * spread over lines, not gateable). Stray marker lines pasted in are tolerated.
 */

const RS = '\x1e';
const DOCS = 'FORMATS.md#33-json-modes';

/** The JSON text of a line: RS / `data: ` removed. */
function objectText(text: string): string {
  if (text.startsWith(RS)) return text.slice(1);
  if (text.startsWith('data: ')) return text.slice(6);
  return text;
}

function looksJournalObject(text: string): boolean {
  return (
    text.startsWith('{') &&
    (text.includes('"__REALTIME_TIMESTAMP"') || text.includes('"__CURSOR"') || text.includes('"MESSAGE"'))
  );
}

class JsonLineParser extends BufferedParser {
  constructor(ctx: FileContext, formatId: string) {
    super(ctx, formatId, 'a journal entry as one JSON object');
  }

  line(text: string, at: Provenance): boolean {
    if (isBlank(text) || isJournalMarker(text)) return false;
    const json = objectText(text);
    let obj: unknown;
    try {
      obj = json.charCodeAt(0) === 123 ? JSON.parse(json) : undefined;
    } catch {
      obj = undefined;
    }
    const rec = obj === undefined ? null : journalEntry(obj, text, at, this.formatId, this.ctx.host);
    if (rec) this.ctx.emit(rec);
    else this.unparsedLine(text, at);
    return false;
  }
}

/** json-pretty: gathers `{` ... `}` (both at column 0) and parses the object at its end. */
class JsonPrettyParser extends BufferedParser {
  private lines: string[] = [];
  private first: Provenance | null = null;

  constructor(ctx: FileContext) {
    super(ctx, 'journal-json-pretty', 'a journal entry as a multi-line JSON object');
  }

  line(text: string, at: Provenance): boolean {
    if (this.first === null) {
      if (isBlank(text) || isJournalMarker(text)) return false;
      if (text !== '{') {
        this.unparsedLine(text, at);
        return false;
      }
      this.first = provenance(at);
    }
    this.lines.push(text);
    if (text !== '}') return true;
    this.close(at);
    return false;
  }

  override end(): void {
    if (this.first) this.close(undefined);
    super.end();
  }

  private close(last: Provenance | undefined): void {
    const first = this.first!;
    const raw = this.lines.join('\n');
    const count = this.lines.length;
    this.lines = [];
    this.first = null;
    let obj: unknown;
    try {
      obj = last ? JSON.parse(raw) : undefined;
    } catch {
      obj = undefined;
    }
    const rec = obj === undefined ? null : journalEntry(obj, raw, first, this.formatId, this.ctx.host);
    const endLine = first.line + count - 1;
    if (rec) {
      if (endLine !== first.line) rec.at.endLine = endLine;
      this.ctx.emit(rec);
      return;
    }
    this.unparsedCount += count;
    const kept = textRecord(raw, first, 'text', this.formatId, { unparsed: 'true' }, this.ctx.host);
    kept.at.endLine = endLine;
    this.ctx.emit(kept);
    this.ctx.diag({
      severity: 'warning',
      code: 'parse/unparsed-line',
      reason: last ? 'Unexpected JSON text, expected one journal entry object' : 'Unexpected end of input inside a JSON object',
      place: { ...first, endLine },
      snippet: snippetOf(raw.replace(/\n\s*/g, ' ')),
      help: `The ${count} lines are kept as text.`,
    });
  }
}

export const journalJson: Format = {
  meta: {
    id: 'journal-json',
    title: 'journalctl -o json (one JSON object per line; json-sse tolerated)',
    source: 'journal',
    docs: DOCS,
    samples: [
      '{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1779963664123456","__MONOTONIC_TIMESTAMP":"3161118431","_BOOT_ID":"5dffeb08a27344d5ae9e2fc244bbcbc5","_HOSTNAME":"k8s03","PRIORITY":"6","SYSLOG_IDENTIFIER":"microk8s.daemon-kubelite","_PID":"2122770","MESSAGE":"I0528 20:21:04.123456 2122770 taint_eviction.go:111] \\"Deleting pod\\" pod=\\"openebs/pvc-1-jiva-ctrl-2\\""}',
      '{"__REALTIME_TIMESTAMP":"1779963669000001","_TRANSPORT":"kernel","_SOURCE_MONOTONIC_TIMESTAMP":"1234567890","_HOSTNAME":"k8s02","PRIORITY":"3","SYSLOG_IDENTIFIER":"kernel","MESSAGE":[69,88,84,52,45,102,115]}',
    ],
  },
  sniff: (lines) => 0.95 * share(lines, (l) => (isJournalMarker(l) ? null : looksJournalObject(objectText(l)))),
  gateable: true,
  open: (ctx) => new JsonLineParser(ctx, 'journal-json'),
};

export const journalJsonSeq: Format = {
  meta: {
    id: 'journal-json-seq',
    title: 'journalctl -o json-seq (RS + JSON object per line, RFC 7464)',
    source: 'journal',
    docs: DOCS,
    samples: [
      `${RS}{"__REALTIME_TIMESTAMP":"1779963664123456","_HOSTNAME":"k8s02","SYSLOG_IDENTIFIER":"iscsid","_PID":"912","PRIORITY":"3","MESSAGE":"connection1:0: detected conn error (1020)"}`,
    ],
  },
  sniff: (lines) => 0.97 * share(lines, (l) => l.startsWith(RS) && looksJournalObject(l.slice(1))),
  gateable: true,
  open: (ctx) => new JsonLineParser(ctx, 'journal-json-seq'),
};

export const journalJsonPretty: Format = {
  meta: {
    id: 'journal-json-pretty',
    title: 'journalctl -o json-pretty (multi-line JSON objects)',
    source: 'journal',
    docs: DOCS,
    samples: [
      '{',
      '\t"__REALTIME_TIMESTAMP" : "1779963664123456",',
      '\t"_HOSTNAME" : "k8s02",',
      '\t"SYSLOG_IDENTIFIER" : "kernel",',
      '\t"MESSAGE" : "EXT4-fs (sdb): Remounting filesystem read-only"',
      '}',
    ],
  },
  sniff(lines) {
    const first = lines.find((l) => !isBlank(l));
    if (first !== '{') return 0;
    return lines.some((l) => /^\s+"(__CURSOR|__REALTIME_TIMESTAMP|MESSAGE)" : /.test(l)) ? 0.95 : 0;
  },
  gateable: false,
  open: (ctx) => new JsonPrettyParser(ctx),
};

export const JOURNAL_JSON_FORMATS: readonly Format[] = [journalJson, journalJsonSeq, journalJsonPretty];
