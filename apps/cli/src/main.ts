import { Command } from 'commander';
import { registerExport } from './commands/export.command';
import { registerImport } from './commands/import-barometre.command';
import { registerRebuild } from './commands/rebuild.command';
import { registerSeedDemo } from './commands/seed-demo.command';
import { registerReplay } from './commands/replay.command';
import { registerTokens } from './commands/tokens.command';
import { registerVerify } from './commands/verify.command';
import { registerWitness } from './commands/witness.command';

/** The `portfolio` command line: the same configuration and command handlers as the API. */
export function buildProgram(): Command {
  const program = new Command('portfolio')
    .description('portfolio-ledger: run the transformation portfolio from the command line')
    .showHelpAfterError();
  registerSeedDemo(program);
  registerImport(program);
  registerVerify(program);
  registerExport(program);
  registerReplay(program);
  registerRebuild(program);
  registerTokens(program);
  registerWitness(program);
  return program;
}
