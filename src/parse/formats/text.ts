import type { FileContext, FileParser, Format, Provenance } from '../../model/index.js';
import { isBlank } from '../text/chars.js';
import { textRecord } from './base.js';

/**
 * The fallback for files no format claims: every non-blank line is one record with no time
 * (`stamp: none`), placed on the timeline by its neighbours. Nothing is unparsed: the whole file
 * was read as text, and the sniffer says so once.
 */
class TextParser implements FileParser {
  readonly unparsed = 0;

  constructor(private readonly ctx: FileContext) {}

  line(text: string, at: Provenance): boolean {
    if (!isBlank(text)) this.ctx.emit(textRecord(text, at, 'text', 'text', {}, this.ctx.host));
    return false;
  }

  end(): void {}
}

export const textFormat: Format = {
  meta: {
    id: 'text',
    title: 'plain text (fallback: one untimed record per line)',
    source: 'text',
    docs: 'FORMATS.md#0-rules-for-every-parser',
    samples: ['Notes taken during the outage on k8s02', 'seerr pod stuck, restarted jiva-ctrl by hand'],
  },
  // Always a candidate, never ahead of a format that reads the lines.
  sniff: (lines) => (lines.some((l) => !isBlank(l)) ? 0.05 : 0),
  gateable: true,
  open: (ctx) => new TextParser(ctx),
};
