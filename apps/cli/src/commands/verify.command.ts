import { verifyExport, type ExportVerification } from '@portfolio/audit';
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { startProgress } from '../progress';

function describe(result: ExportVerification, file: string): string {
  const lines = [
    `${result.ok ? 'INTACT' : 'PROBLEM'}: ${file}`,
    `  events checked:  ${result.eventsChecked} in ${result.streamsChecked} streams${result.filtered ? ' (filtered export)' : ''}`,
    `  seals checked:   ${result.sealsChecked}`,
    `  proofs checked:  ${result.proofsChecked}`,
    `  public key:      ${result.keySource}`,
  ];
  if (result.unsealedEvents > 0) lines.push(`  not yet sealed:  ${result.unsealedEvents} events after the last seal`);
  if (result.problem !== undefined) {
    const { code, position, file: inFile, line, message } = result.problem;
    const where = [position && `position ${position}`, inFile && `file ${inFile}`, line && `line ${line}`].filter(
      Boolean,
    );
    lines.push(
      `  first problem:   ${code}${where.length > 0 ? ` at ${where.join(', ')}` : ''}`,
      `                   ${message}`,
    );
  }
  return lines.join('\n');
}

/** `portfolio verify`: the offline check of an export, exit 0 when intact, 1 with the first problem otherwise. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('verify an audit export offline: hash chains, seals, signatures, proofs and file digests')
    .argument('<file>', 'an export bundle (.zip) or an events.ndjson file')
    .option(
      '--public-key <pem-file>',
      'your own copy of the seal public key (trusted instead of the one in the bundle)',
    )
    .action(async (file: string, options: { publicKey?: string }) => {
      const publicKeyPem = options.publicKey === undefined ? undefined : await readFile(options.publicKey, 'utf8');
      const kind = file.endsWith('.zip') ? 'bundle' : 'ndjson';
      const progress = startProgress('verify', 'events');
      const result = await verifyExport(
        { kind, path: file },
        { publicKeyPem, onProgress: (events) => progress.update(events) },
      ).finally(() => progress.stop());
      process.stdout.write(`${describe(result, file)}\n`);
      process.exitCode = result.ok ? 0 : 1;
    });
}
