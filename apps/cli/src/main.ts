import { fileErrorInWords, isSystemError } from '@portfolio/audit';
import { theProduct } from '@portfolio/application';
import { CommanderError, type Command } from 'commander';
import { registerExport } from './commands/export.command';
import { registerImport } from './commands/import-barometre.command';
import { registerRebuild } from './commands/rebuild.command';
import { registerSeedDemo } from './commands/seed-demo.command';
import { registerReplay } from './commands/replay.command';
import { registerTokens } from './commands/tokens.command';
import { registerVerify } from './commands/verify.command';
import { registerWitness } from './commands/witness.command';
import { PortfolioCommand } from './portfolio-command';

/** The exit status of a command that could not do what it was asked: a usage error, or a failure said on stderr. */
export const NOT_DONE = 2;

const EXIT_CODES_HELP = `
Exit codes (each command's --help tells its own in detail):
  0    done
  1    done, with something to look at: rows rejected (import barometre), an export TAMPERED (verify), a step of
       the demo refused (seed demo), a checkpoint refused or a cosignature not stored (witness)
  2    not done: an unknown command or option, a required option missing, a file that cannot be read or
       written, an input that cannot be used, or a failure (said on stderr)
  3    verify only: UNVERIFIED (no key of the instance given, or an anchor the export cannot prove)
  130  interrupted (Ctrl-C)
`;

/** The `portfolio` command line: the same configuration and command handlers as the API. */
export function buildProgram(): Command {
  const program = new PortfolioCommand('portfolio')
    .description('portfolio-ledger: run the transformation portfolio from the command line')
    .version(theProduct().version, '-V, --version', 'print the version of portfolio-ledger')
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES_HELP)
    // Set before any subcommand exists, for each to inherit it: commander would exit 1 on a usage error.
    .exitOverride((error) => {
      throw error.exitCode === 0 ? error : new CommanderError(NOT_DONE, error.code, error.message);
    });
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

/** Why a command failed, in one line: a file's problem in words, never Node's error code. */
function describeFailure(error: unknown): string {
  if (isSystemError(error)) {
    return error.path === undefined ? fileErrorInWords(error) : `${error.path}: ${fileErrorInWords(error)}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the command line on `argv` as bin/portfolio.js does. Returns the exit status of a usage error or a failure
 * (commander has already said what was wrong with the usage; a failure is said here, on stderr), and undefined when
 * the command ran: it set its own exit status, if not 0.
 */
export async function runCommandLine(argv: readonly string[]): Promise<number | undefined> {
  try {
    await buildProgram().parseAsync(argv);
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`portfolio: ${describeFailure(error)}\n`);
    return NOT_DONE;
  }
}
