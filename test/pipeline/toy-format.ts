import type { FileContext, FileParser, Format, ParsedRecord } from '../../src/model/index.js';

/**
 * A minimal line format for scanner tests: `T<secs> <host> <message>`, continuation lines start
 * with two spaces, a line `DUMP-START` claims lines until `DUMP-END`.
 */
const HEAD = /^T([0-9]+) (\S+) (.*)$/;

export const toyFormat: Format = {
  meta: { id: 'toy', title: 'Toy', source: 'syslog', docs: '', samples: ['T1 h1 hello'] },
  gateable: true,
  sniff: (lines) => lines.filter((l) => HEAD.test(l)).length / Math.max(lines.length, 1),
  isContinuation: (t) => t.startsWith('  '),
  shapeOk: (b, s) => b.charCodeAt(s) === 84 /* T */,
  open(ctx: FileContext): FileParser {
    let pending: ParsedRecord | undefined;
    let unparsed = 0;
    let inDump = false;
    const flush = (): void => {
      if (pending) ctx.emit(pending);
      pending = undefined;
    };
    return {
      get unparsed() {
        return unparsed;
      },
      line(text, at) {
        if (text === 'DUMP-START') inDump = true;
        if (inDump) {
          if (text === 'DUMP-END') inDump = false;
          return inDump;
        }
        const m = HEAD.exec(text);
        if (m) {
          flush();
          pending = { stamp: { kind: 'absolute', utcMicros: Number(m[1]) * 1e6, precision: 's', text: `T${m[1]}` }, host: m[2]!, source: 'syslog', format: 'toy', message: m[3]!, fields: {}, raw: text, at };
          return false;
        }
        if (text.startsWith('  ') && pending) {
          pending.message += `\n${text.trim()}`;
          pending.raw += `\n${text}`;
          pending.at = { ...pending.at, endLine: at.line };
          return false;
        }
        flush();
        unparsed += 1;
        ctx.diag({ severity: 'warning', code: 'parse/unparsed-line', reason: 'Unexpected line', place: { file: at.file, line: at.line } });
        ctx.emit({ stamp: { kind: 'none' }, source: 'text', format: 'toy', message: text, fields: { unparsed: 'true' }, raw: text, at });
        return false;
      },
      end: flush,
    };
  },
};

export const plainText: Format = {
  meta: { id: 'text', title: 'Text', source: 'text', docs: '', samples: [] },
  gateable: true,
  sniff: () => 0,
  open(ctx) {
    return {
      unparsed: 0,
      line(text, at) {
        ctx.emit({ stamp: { kind: 'none' }, source: 'text', format: 'text', message: text, fields: {}, raw: text, at });
        return false;
      },
      end() {},
    };
  },
};
