import { Command } from 'commander';
import { registerPatterns } from './commands/patterns.js';

/**
 * A command module: adds one sub-command to the program. Every file in commands/ exports one
 * `register` and is listed in COMMANDS below, in the order `--help` shows them.
 */
export type RegisterCommand = (program: Command) => void;

const COMMANDS: RegisterCommand[] = [registerPatterns];

/** Builds the command line with every registered command. */
export function buildProgram(): Command {
  const program = new Command('hows');
  program.description('Offline forensic log analyzer for Kubernetes and Linux incidents.');
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  await program.parseAsync(argv);
  return 0;
}
