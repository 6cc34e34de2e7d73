import { CLOCK, todayInParis, type Clock } from '@portfolio/application';
import type { TerritoryLevel } from '@portfolio/domain';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context';
import { describeImportSummary, importBarometre, type ImportSummary } from '../import-barometre';
import { interruptSignal } from '../interrupt-signal';
import { ledgerPort } from '../ledger-port';
import { startProgress } from '../progress';

interface ImportOptions {
  detail: string;
  synthese?: string;
  secteurs?: string;
  level?: TerritoryLevel;
  renames?: string;
  allowRejects?: boolean;
}

/** The exit status of an import: a script can tell an import that left rows out from one that could not run. */
const IMPORT_EXIT_CODES = { imported: 0, rowsRejected: 1, notRun: 2, interrupted: 130 } as const;

const EXIT_CODES_HELP = `
Exit codes:
  0    every row of the files was imported (or rows were rejected and --allow-rejects was given)
  1    rows were rejected (each listed as file:line with its reason); what was well-formed was imported
  2    nothing was imported: a file is unreadable, not UTF-8, of no published layout or lacks a column, the
       renames file is malformed, or an option is wrong
  130  interrupted (Ctrl-C): what was recorded stays, and running the import again goes on from there
`;

/** The exit status the summary calls for (an import that threw exits 2, see bin/portfolio.js). */
function importExitCode(summary: ImportSummary, allowRejects: boolean): number {
  if (summary.aborted) return IMPORT_EXIT_CODES.interrupted;
  return summary.rowsRejected > 0 && !allowRejects ? IMPORT_EXIT_CODES.rowsRejected : IMPORT_EXIT_CODES.imported;
}

/** `portfolio import barometre`: the Baromètre's public CSV files onto the portfolio, through the domain's rules. */
export function registerImport(program: Command): void {
  const imports = program.command('import').description('import published data into the portfolio');
  imports
    .command('barometre')
    .description("import a release of the Baromètre des résultats de l'action publique (Etalab open data)")
    .requiredOption('--detail <file>', 'a detail CSV (releases/<date>-detail-national.csv or departements/...)')
    .option(
      '--synthese <file>',
      "a synthesis CSV of the same release, national (defines baselines and targets) or regional/départemental (each territory's current value, against its own VI and VC, for indicators already defined): its columns tell which",
    )
    .option('--secteurs <file>', 'secteurs.csv: the sector (mission) of each indicator')
    .option(
      '--level <level>',
      "the detail file's level, national | region | departement; default: the level of its layout, which must match when given",
    )
    .option(
      '--renames <file>',
      'a JSON file of renamed mesures ({"mesures": [{"from": old title, "to": new title}]}), followed over the shipped ones',
    )
    .option('--allow-rejects', 'exit 0 even when rows were rejected (they are still listed)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options: ImportOptions) => {
      if (options.level !== undefined && !['national', 'region', 'departement'].includes(options.level)) {
        throw new Error('--level must be national, region or departement');
      }
      await withCliContext(async (context) => {
        const interrupt = interruptSignal();
        const progress = startProgress('import', 'rows');
        try {
          const summary = await importBarometre(
            { ...options, today: todayInParis(context.get<Clock>(CLOCK)) },
            ledgerPort(context),
            { signal: interrupt.signal, onProgress: (done, total) => progress.update(done, total) },
          );
          progress.stop();
          process.stdout.write(`${describeImportSummary(summary)}\n`);
          process.exitCode = importExitCode(summary, options.allowRejects === true);
        } finally {
          interrupt.dispose();
        }
      });
    });
}
