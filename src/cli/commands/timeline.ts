import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { buildReportModel, checkTemplates, eventsCsv, eventsJsonl, renderMarkdown } from '../../report/index.js';
import { addEvidenceOptions, addRedactOptions, toAnalyzeOptions, type EvidenceFlags, type RedactFlags } from '../options.js';
import { analyzeAndSummarise } from './analyze.js';

interface TimelineFlags extends EvidenceFlags, RedactFlags {
  format: 'md' | 'jsonl' | 'csv';
  out?: string;
  templates?: string;
  notable?: boolean;
}

const EXAMPLES = `
Examples:
  # every event of every input on one clock, as JSON lines (one normalized event a line)
  hows timeline samples/2026-05-28-power-outage --tz Australia/Brisbane --format jsonl

  # for Timesketch: message, datetime, timestamp_desc, host, source, file, line
  hows timeline evidence/ --format csv -o timesketch/

  # only what the analysis found notable, as Markdown
  hows timeline evidence/ --notable --display-tz Australia/Brisbane`;

/** Writes lines to a stream, waiting when it is full (so a huge timeline streams in bounded memory). */
async function writeAll(out: NodeJS.WritableStream, lines: Iterable<string>): Promise<void> {
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
}

export function registerTimeline(program: Command): void {
  addRedactOptions(addEvidenceOptions(
    program
      .command('timeline')
      .description('every parsed event of every input, merged in time order on one clock')
      .argument('<paths...>', 'log files, folders (read recursively) or - for stdin'),
  ))
    .addOption(new Option('--format <format>', 'md, jsonl (one normalized event a line) or csv (Timesketch columns)').choices(['md', 'jsonl', 'csv']).default('md'))
    .option('-o, --out <dir>', 'write timeline.<format> into this folder instead of stdout')
    .option('--templates <dir>', 'Handlebars templates replacing the built-in ones (md only)')
    .option('--notable', 'only notable events (signature evidence and its context, state changes, goroutine buckets)')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], flags: TimelineFlags) => {
      // JSONL and CSV are data for other tools: every notable event stays a row of its own.
      const opts = { ...toAnalyzeOptions(flags, !flags.notable), ...(flags.format !== 'md' ? { routineWindow: 0 } : {}) };
      if (flags.templates) checkTemplates(flags.templates);
      const analysis = await analyzeAndSummarise(paths, opts, flags);
      if (!analysis) return;
      let out: NodeJS.WritableStream = process.stdout;
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        out = createWriteStream(path.join(flags.out, `timeline.${flags.format}`));
      }
      if (flags.format === 'jsonl') await writeAll(out, eventsJsonl(analysis.timeline));
      else if (flags.format === 'csv') await writeAll(out, eventsCsv(analysis.timeline));
      else {
        const model = buildReportModel({ result: analysis.result, timeline: analysis.timeline, signatures: analysis.signatures, displayTz: opts.displayTz, all: opts.all });
        await writeAll(out, [renderMarkdown(model, 'timeline', flags.templates ? { templatesDir: flags.templates } : {})]);
      }
      if (out !== process.stdout) {
        (out as NodeJS.WritableStream & { end(): void }).end();
        await once(out, 'finish');
      }
    });
}
