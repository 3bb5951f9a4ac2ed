/** The `comity` command line: a thin adapter over the library. Exit 2 on bad input, never a stack trace. */
import { Command, CommanderError } from 'commander';
import { registerLawCommands } from './law-commands.js';
import { registerServeCommand } from './serve-command.js';
import { registerObserveCommands } from './observe-commands.js';
import { registerSimulateCommands } from './simulate-commands.js';
import { UsageError } from './usage-error.js';
import { safeText } from './safe-text.js';

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const program = new Command('comity')
    .description('Comity: what the law allows, what happens, and what would happen — ICE requests to local jails and police.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerLawCommands(program, out);
  registerServeCommand(program, out);
  registerObserveCommands(program);
  registerSimulateCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`comity: ${safeText(e.message)}\n`);
      return 2;
    }
    if ((e as Error | undefined)?.name === 'RegistryError') { // the law's registry has problems (src/law/index.ts)
      process.stderr.write(`comity: ${safeText((e as Error).message)}\n`);
      return 2;
    }
    process.stderr.write(`comity: internal error: ${safeText((e as Error).message)}\n`);
    return 1;
  }
}
