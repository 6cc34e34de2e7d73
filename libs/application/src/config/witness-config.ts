import { MAX_NOTE_SIGNATURES, parseVerifierKey, SignatureType } from '@portfolio/audit';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { value, type Env } from './env';

// PORTFOLIO_WITNESS_KEYS and PORTFOLIO_WITNESS_KEYS_FILE: the witnesses whose cosignatures the instance accepts.

export interface WitnessConfig {
  /** C2SP verifier keys of signature type 0x04 (cosignature/v1). Absent: no cosignature is accepted. */
  readonly witnessKeys?: readonly string[];
}

/** One signature line of a checkpoint note is the log's own; the others may all be witnesses'. */
export const MAX_WITNESSES = MAX_NOTE_SIGNATURES - 1;

interface Listed {
  readonly vkey: string;
  readonly from: string;
}

/** Vkeys hold neither commas nor white space: either separates them. */
function fromVariable(raw: string | undefined): Listed[] {
  if (raw === undefined) return [];
  return raw
    .split(/[\s,]+/)
    .filter((vkey) => vkey !== '')
    .map((vkey) => ({ vkey, from: 'PORTFOLIO_WITNESS_KEYS' }));
}

/** One vkey a line; blank lines and lines starting with `#` are skipped. */
function fromFile(file: string | undefined, cwd: string, problems: string[]): Listed[] {
  if (file === undefined) return [];
  let content: string;
  try {
    content = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    problems.push(`PORTFOLIO_WITNESS_KEYS_FILE cannot be read: ${(error as Error).message}`);
    return [];
  }
  return content.split('\n').flatMap((line, index) => {
    const vkey = line.trim();
    if (vkey === '' || vkey.startsWith('#')) return [];
    return [{ vkey, from: `PORTFOLIO_WITNESS_KEYS_FILE (${file}, line ${index + 1})` }];
  });
}

/** The key ID of a witness key, or undefined with the problem said. */
function witnessKeyId({ vkey, from }: Listed, problems: string[]): number | undefined {
  try {
    const key = parseVerifierKey(vkey);
    if (key.type === SignatureType.cosignatureV1) return key.keyId;
    problems.push(
      `${from}: ${key.name} is a key of signature type 0x${key.type.toString(16).padStart(2, '0')}, not a witness key: a witness key has type ` +
        '0x04 (cosignature/v1), as `portfolio witness keygen` prints it',
    );
  } catch (error) {
    problems.push(`${from}: ${(error as Error).message}`);
  }
  return undefined;
}

/** Reads and checks every witness key now, so that a mistyped one stops the start rather than every witness. */
export function parseWitnessConfig(env: Env, cwd: string, problems: string[]): WitnessConfig {
  const listed = [
    ...fromVariable(value(env, 'PORTFOLIO_WITNESS_KEYS')),
    ...fromFile(value(env, 'PORTFOLIO_WITNESS_KEYS_FILE'), cwd, problems),
  ];
  const seen = new Map<number, Listed>();
  for (const witness of listed) {
    const keyId = witnessKeyId(witness, problems);
    if (keyId === undefined) continue;
    const earlier = seen.get(keyId);
    // Cosignatures are kept one per checkpoint and key ID: two keys sharing one would hide a witness.
    if (earlier !== undefined) {
      problems.push(
        `${witness.from}: the witness key ${witness.vkey} has the key ID of ${earlier.vkey}: list each witness once`,
      );
    }
    seen.set(keyId, witness);
  }
  if (listed.length > MAX_WITNESSES) {
    problems.push(
      `at most ${MAX_WITNESSES} witness keys (PORTFOLIO_WITNESS_KEYS and PORTFOLIO_WITNESS_KEYS_FILE), not ${listed.length}: ` +
        `a checkpoint note carries at most ${MAX_NOTE_SIGNATURES} signatures, one of them the log’s`,
    );
  }
  return listed.length === 0 ? {} : { witnessKeys: listed.map(({ vkey }) => vkey) };
}
