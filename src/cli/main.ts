import { Command, CommanderError } from 'commander';
import { VERSION } from '../pipeline/index.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCheck } from './commands/check.js';
import { registerCorrelate, registerScan } from './commands/split.js';
import { registerPatterns } from './commands/patterns.js';
import { registerTimeline } from './commands/timeline.js';
import { EXIT, exitCodeFor, takeExitCode } from './exit.js';

/**
 * A command module: adds one sub-command to the program. Every file in commands/ exports one
 * `register` and is listed in COMMANDS below, in the order `--help` shows them.
 */
export type RegisterCommand = (program: Command) => void;

const COMMANDS: RegisterCommand[] = [registerAnalyze, registerTimeline, registerCheck, registerScan, registerCorrelate, registerPatterns];

const HELP = `
Exit codes: 0 success, 1 a check or pattern test failed, 2 usage error / invalid patterns /
nothing readable, 3 internal error.

Start with:  hows analyze <evidence-folder> --tz <zone-of-the-stamps> -o out/
Docs: README.md (usage, formats, signature catalogue), docs/patterns.md, docs/check.md`;

/** Builds the command line with every registered command. */
export function buildProgram(): Command {
  const program = new Command('hows');
  program
    .description('Offline forensic log analyzer for Kubernetes and Linux incidents: one clock, known failure signatures, causal chains, and an infinite-how\'s PIR draft.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError()
    .addHelpText('after', HELP);
  for (const register of COMMANDS) register(program);
  return program;
}

/**
 * A reader that stops early (`hows timeline ... | head`) closes the pipe: stop quietly with
 * status 0, as cat does, instead of an unhandled EPIPE stack trace or an 'internal error'.
 */
function stopOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && stream === process.stdout) process.stderr.write(`hows: cannot write to stdout: ${e.message}\n`);
      process.exit(e.code === 'EPIPE' ? EXIT.ok : EXIT.internal);
    });
  }
}

/** Runs the command line; resolves to the process exit status. */
export async function main(argv: string[]): Promise<number> {
  stopOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      takeExitCode();
      return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code) ? EXIT.ok : EXIT.usage;
    }
    takeExitCode();
    return exitCodeFor(err);
  }
  return takeExitCode();
}
