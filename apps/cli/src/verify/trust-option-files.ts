import { fileErrorInWords, readTrustAnchors, type TrustAnchors } from '@portfolio/audit';
import { readFile } from 'node:fs/promises';

// The anchors of `portfolio verify` as given on the command line: files read, witness keys taken as they are or
// from files. A file that cannot be read is the auditor's to fix, so it throws (UNUSABLE), never counts against
// the export.

export interface TrustOptionFlags {
  readonly checkpoint?: string;
  readonly minSize?: string;
  readonly witnessKey?: readonly string[];
  readonly tsaCertificate?: string;
}

/** `<name>+<8 hex digits>+<key>`: a verifier key given on the command line rather than a file holding it. */
const VKEY_SHAPE = /^[^\s+]+\+[0-9a-f]{8}\+\S+$/;

async function readOptionFile(option: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`the ${option} file ${path} cannot be read: ${fileErrorInWords(error)}`);
  }
}

async function readOptional(option: string, path: string | undefined): Promise<string | undefined> {
  return path === undefined ? undefined : readOptionFile(option, path);
}

/** A vkey, or a file of vkeys one per line (blank lines ignored). */
async function witnessKeys(values: readonly string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const value of values) {
    if (VKEY_SHAPE.test(value)) {
      keys.push(value);
      continue;
    }
    const lines = (await readOptionFile('--witness-key', value)).split('\n').map((line) => line.trim());
    const found = lines.filter((line) => line !== '');
    if (found.length === 0) throw new Error(`the --witness-key file ${value} holds no verifier key`);
    keys.push(...found);
  }
  return keys;
}

/** The anchors to hold the export against, or an Error saying which option cannot be used and why. */
export async function readTrustOptions(
  flags: TrustOptionFlags,
  publicKeyPem: string | undefined,
): Promise<TrustAnchors> {
  return readTrustAnchors({
    checkpointNote: await readOptional('--checkpoint', flags.checkpoint),
    minSize: flags.minSize,
    witnessKeys: await witnessKeys(flags.witnessKey ?? []),
    tsaCertificatePem: await readOptional('--tsa-certificate', flags.tsaCertificate),
    publicKeyPem,
  });
}
