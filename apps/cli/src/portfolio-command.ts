import { Command, type ParseOptionsResult } from 'commander';

/**
 * commander's Command, except that an option it does not know is reported as unknown even when a required option is
 * missing too: commander checks required options first, so `import barometre --detial x.csv` read as a missing
 * --detail, which sent people looking for what they had typed.
 */
export class PortfolioCommand extends Command {
  override createCommand(name?: string): Command {
    return new PortfolioCommand(name);
  }

  override parseOptions(argv: string[]): ParseOptionsResult {
    const parsed = super.parseOptions(argv);
    // A command with subcommands passes what follows the subcommand's name on as unknown: the subcommand judges it.
    // --help, which commander answers after this, is no option of the command's own.
    const unknown = parsed.unknown[0];
    const isHelp = (arg: string) =>
      this.createHelp()
        .visibleOptions(this)
        .some((option) => arg === option.long || arg === option.short);
    if (
      this.commands.length === 0 &&
      unknown !== undefined &&
      unknown.length > 1 &&
      unknown.startsWith('-') &&
      !parsed.unknown.some(isHelp)
    ) {
      this.error(`error: unknown option '${unknown}'`, { code: 'commander.unknownOption' });
    }
    return parsed;
  }
}
