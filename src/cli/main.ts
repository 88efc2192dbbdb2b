import { Command } from 'commander';

/** Builds the command line; commands are added by the command modules. */
export function buildProgram(): Command {
  const program = new Command('hows');
  program.description('Offline forensic log analyzer for Kubernetes and Linux incidents.');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  await program.parseAsync(argv);
  return 0;
}
