import { CLOCK, todayInParis, type Clock } from '@portfolio/application';
import type { TerritoryLevel } from '@portfolio/domain';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context';
import { describeImportSummary, importBarometre } from '../import-barometre';
import { interruptSignal } from '../interrupt-signal';
import { ledgerPort } from '../ledger-port';
import { startProgress } from '../progress';

interface ImportOptions {
  detail: string;
  synthese?: string;
  secteurs?: string;
  level: TerritoryLevel;
}

/** `portfolio import barometre`: the Baromètre's public CSV files onto the portfolio, through the domain's rules. */
export function registerImport(program: Command): void {
  const imports = program.command('import').description('import published data into the portfolio');
  imports
    .command('barometre')
    .description("import a release of the Baromètre des résultats de l'action publique (Etalab open data)")
    .requiredOption('--detail <file>', 'a detail CSV (releases/<date>-detail-national.csv or departements/...)')
    .option('--synthese <file>', 'the national synthesis CSV of the same release (baselines and targets)')
    .option('--secteurs <file>', 'secteurs.csv: the sector (mission) of each indicator')
    .option('--level <level>', 'national | region | departement', 'national')
    .action(async (options: ImportOptions) => {
      if (!['national', 'region', 'departement'].includes(options.level)) {
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
          if (summary.aborted) process.exitCode = 130;
        } finally {
          interrupt.dispose();
        }
      });
    });
}
