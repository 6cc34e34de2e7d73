import {
  cosignatureSigner,
  ed25519NoteVerifier,
  formatVerifierKey,
  generateSigningKey,
  signingKeyFromPem,
  signingKeyToPem,
  SignatureType,
} from '@portfolio/audit';
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { interruptSignal } from '../interrupt-signal';
import { httpLogSource, submitCosignature } from '../witness/http-log-source';
import { witnessRound } from '../witness/witness-round';
import { readWitnessState, writeWitnessState } from '../witness/witness-state';

interface WitnessOptions {
  readonly url: string;
  readonly token: string;
  readonly logKey: string;
  readonly key: string;
  readonly name: string;
  readonly state: string;
  readonly once?: boolean;
  readonly every: string;
  readonly printVkey?: boolean;
  /** False with --no-submit. */
  readonly submit: boolean;
}

/** What a witness needs for every round, read once. */
async function witnessOf(options: WitnessOptions) {
  const privateKey = signingKeyFromPem(await readFile(options.key, 'utf8'));
  return {
    log: httpLogSource(options.url, options.token),
    logKey: ed25519NoteVerifier(options.logKey),
    cosigner: cosignatureSigner(options.name, privateKey, () => new Date()),
    vkey: formatVerifierKey(options.name, SignatureType.cosignatureV1, privateKey),
    submit: options.submit
      ? (cosignedNote: string) => submitCosignature(options.url, options.token, cosignedNote)
      : async () => undefined,
  };
}

/**
 * One round: true when cosigned and handed back. A refusal, the witness's or the instance's, is said in words on
 * stderr; the state records what the witness cosigned, whether or not the instance then kept it.
 */
async function round(witness: Awaited<ReturnType<typeof witnessOf>>, statePath: string): Promise<boolean> {
  const result = await witnessRound(witness.log, witness.logKey, witness.cosigner, await readWitnessState(statePath));
  if (result.outcome === 'refused') {
    process.stderr.write(`REFUSED: ${result.reason}\n`);
    return false;
  }
  await writeWitnessState(statePath, result.state);
  process.stdout.write(`${result.line}\n`);
  const refusal = await witness.submit(result.cosignedNote);
  if (refusal === undefined) return true;
  process.stderr.write(`NOT STORED: the instance refused the cosignature: ${refusal}\n`);
  return false;
}

function secondsOf(every: string): number {
  const seconds = Number(every);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`--every must be a positive number of seconds, not ${every}`);
  return seconds;
}

async function run(options: WitnessOptions): Promise<void> {
  const witness = await witnessOf(options);
  if (options.printVkey) process.stdout.write(`${witness.vkey}\n`);
  if (options.once) {
    if (!(await round(witness, options.state))) process.exitCode = 1;
    return;
  }
  const every = secondsOf(options.every) * 1000;
  const { signal, dispose } = interruptSignal();
  try {
    // A refused checkpoint stops the witness: a rewound or forked log needs a person, not another round.
    while (!signal.aborted && (await round(witness, options.state))) {
      await sleep(every, undefined, { signal }).catch(() => undefined);
    }
    if (!signal.aborted) process.exitCode = 1;
  } finally {
    dispose();
  }
}

/**
 * `portfolio witness`: cosigns the log's checkpoints as long as each extends the last one it cosigned, and hands each
 * cosignature back to the instance, which serves it with the checkpoint.
 */
export function registerWitness(program: Command): void {
  const witness = program.command('witness').description('an independent cosigner of the log checkpoints');
  witness
    .command('run', { isDefault: true })
    .description(
      'cosign the latest checkpoint if it extends the last one cosigned and hand the cosignature back; refuse a rewound or forked log',
    )
    .requiredOption('--url <service>', 'the service, e.g. https://portfolio.example')
    .requiredOption('--token <token>', 'an auditor token of the service')
    .requiredOption('--log-key <vkey>', 'the verifier key of the instance (GET /api/v1/audit/public-key, field vkey)')
    .requiredOption('--key <pem-file>', 'the witness Ed25519 private key (portfolio witness keygen)')
    .requiredOption('--name <name>', 'the witness name on its cosignatures')
    .requiredOption('--state <file>', 'where the witness keeps the last checkpoint it cosigned')
    .option('--once', 'one round, then exit (non-zero when refused)')
    .option('--every <seconds>', 'seconds between rounds', '10')
    .option('--print-vkey', "print the witness's verifier key first")
    .option('--no-submit', 'only print the cosignature, without handing it back to the instance')
    .action(async (options: WitnessOptions) => {
      try {
        await run(options);
      } catch (error) {
        process.stderr.write(`witness: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      }
    });
  witness
    .command('keygen')
    .description('create a witness Ed25519 key (mode 0600) and print its verifier key')
    .requiredOption('--out <file>', 'the new private key file (never overwritten)')
    .requiredOption('--name <name>', 'the witness name')
    .action(async ({ out, name }: { out: string; name: string }) => {
      const key = generateSigningKey();
      const vkey = formatVerifierKey(name, SignatureType.cosignatureV1, key);
      await writeFile(out, signingKeyToPem(key), { mode: 0o600, flag: 'wx' });
      process.stdout.write(`${vkey}\n`);
    });
}
