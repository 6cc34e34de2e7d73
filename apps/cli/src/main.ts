import { Command } from 'commander';
import { registerVerify } from './commands/verify.command';

/** The `portfolio` command line: the same configuration and command handlers as the API. */
export function buildProgram(): Command {
  const program = new Command('portfolio')
    .description('portfolio-ledger: run the transformation portfolio from the command line')
    .showHelpAfterError();
  registerVerify(program);
  return program;
}

