import { fileErrorInWords, verifyExport, type ExportVerification } from '@portfolio/audit';
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { startProgress } from '../progress';
import { describeAnchors } from '../verify/describe-anchors';
import { readTrustOptions, type TrustOptionFlags } from '../verify/trust-option-files';

type Verdict = ExportVerification['verdict'];

/** The exit status of each verdict: a script can tell a changed export from one it could not read or not vouch for. */
const EXIT_CODES: Record<Verdict, number> = { intact: 0, tampered: 1, unusable: 2, unverified: 3 };

const EXIT_CODES_HELP = `
Exit codes:
  0  INTACT      every check passed, the seals verified with the key you gave (--public-key)
  1  TAMPERED    the export was changed: the first problem is printed, with its position
  2  UNUSABLE    the input cannot be checked: missing or unreadable file, not a zip, malformed manifest, not an export
  3  UNVERIFIED  no problem found, but no key of the instance was given: the key inside a bundle proves only
                 that the bundle is self-consistent, not that the instance signed it; or an anchor you gave
                 (--checkpoint, --min-size, --witness-key, --tsa-certificate) cannot be proven from this export

Anchors (each optional; each one given must hold, or the verdict is at best UNVERIFIED):
  --checkpoint FILE      a signed checkpoint you hold (GET /api/v1/audit/checkpoint): the export must show that
                         log, or a later state of it; needs --public-key
  --min-size N           the export's checkpoint must cover at least N events
  --witness-key VKEY     a witness's verifier key, or a file of them (repeatable): it must have cosigned a
                         checkpoint the export's own is proven to extend
  --tsa-certificate PEM  the TSA's certificate: the export's checkpoint must carry a time-stamp token it signed`;

function unverifiedReason(result: ExportVerification): string {
  if (result.keySource === 'none') {
    return 'no key of the instance was given (--public-key): the seal signatures were not checked';
  }
  if (result.keySource === 'manifest') {
    return 'no key of the instance was given (--public-key): the key in the bundle proves only that the bundle is self-consistent';
  }
  return result.limitations[0] ?? 'an anchor you gave is not proven by this export (see "not proven" above)';
}

function counts(result: ExportVerification): string[] {
  return [
    `  events checked:  ${result.eventsChecked} in ${result.streamsChecked} streams${result.filtered ? ' (filtered export)' : ''}`,
    `  seals checked:   ${result.sealsChecked}`,
    `  proofs checked:  ${result.proofsChecked}`,
    `  public key:      ${result.keySource}`,
    ...(result.trailer === undefined
      ? []
      : [`  checkpoint:      size ${result.trailer.checkpoint.size} of ${result.trailer.checkpoint.origin}`]),
  ];
}

function describe(result: ExportVerification, file: string): string {
  // What was counted before an unusable input was found is noise: that input is no export to count in.
  const lines = [`${result.verdict.toUpperCase()}: ${file}`];
  if (result.verdict !== 'unusable') lines.push(...counts(result), ...describeAnchors(result.anchors));
  if (result.unsealedEvents > 0) lines.push(`  not yet sealed:  ${result.unsealedEvents} events after the last seal`);
  if (result.verdict === 'unverified') lines.push(`  why unverified:  ${unverifiedReason(result)}`);
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

/** The auditor's key file, or why it cannot be one: a bad key says nothing about the export, so it is unusable input. */
async function readKey(path: string | undefined): Promise<string | undefined> {
  try {
    return path === undefined ? undefined : await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`the public key file ${path} cannot be read: ${fileErrorInWords(error)}`);
  }
}

interface VerifyFlags extends TrustOptionFlags {
  readonly publicKey?: string;
  readonly workers?: string;
}

/** `--workers`: a count of threads, or why it is none (an unusable option, as a bad key is). */
function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(0|[1-9]\d{0,2})$/.test(value))
    throw new Error(`--workers takes a number of threads (0 to 999), not ${value}`);
  return Number(value);
}

async function verify(file: string, flags: VerifyFlags): Promise<ExportVerification> {
  const publicKeyPem = await readKey(flags.publicKey);
  const anchors = await readTrustOptions(flags, publicKeyPem);
  const workers = workerCount(flags.workers);
  const kind = file.endsWith('.zip') ? 'bundle' : file.endsWith('.csv') ? 'csv' : 'ndjson';
  const progress = startProgress('verify', 'events');
  const options = {
    publicKeyPem,
    anchors,
    onProgress: (events: number) => progress.update(events),
    ...(workers === undefined ? {} : { workers }),
  };
  return verifyExport({ kind, path: file }, options).finally(() => progress.stop());
}

const collect = (value: string, previous: readonly string[] = []) => [...previous, value];

/** `portfolio verify`: the offline check of an export, its verdict as the exit status (see EXIT_CODES). */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('verify an audit export offline: hash chains, seals, signatures, proofs and file digests')
    .argument('<file>', 'an export bundle (.zip), an events.ndjson or an events.csv file (.csv)')
    .option(
      '--public-key <pem-file>',
      'your own copy of the seal public key (trusted instead of the one in the bundle); without it the verdict is at best UNVERIFIED',
    )
    .option(
      '--checkpoint <note-file>',
      'a signed checkpoint of the instance you hold: the export must show that log or a later state of it',
    )
    .option('--min-size <events>', "the export's checkpoint must cover at least this many events")
    .option('--witness-key <vkey-or-file>', "a witness's verifier key, or a file of them (repeatable)", collect)
    .option('--tsa-certificate <pem-file>', "the TSA's certificate, to check the checkpoint's time-stamp token with")
    .option(
      '--workers <n>',
      'threads that read and hash the events beside the main one (default: 1 when a core is spare, else 0)',
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string, options: VerifyFlags) => {
      let result: ExportVerification;
      try {
        result = await verify(file, options);
      } catch (error) {
        // What is wrong with the export comes back as a problem found; what throws is the key or an anchor (a file
        // missing, a key or certificate unfit) or an input no check foresaw: words and exit 2, never a stack trace.
        process.stdout.write(`UNUSABLE: ${file}\n  ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = EXIT_CODES.unusable;
        return;
      }
      process.stdout.write(`${describe(result, file)}\n`);
      process.exitCode = EXIT_CODES[result.verdict];
    });
}
