import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '@portfolio/event-store';
import { isHashHex } from '../hash-hex';
import type { SealFields } from './seal';
import { sign, verifySignature } from './signing';

const SEAL_KIND = 'portfolio-ledger/seal/v1';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// No leading zeros: "07" and "7" would be two statements for one position.
const DECIMAL = /^(0|[1-9]\d*)$/;

/** Why these fields could not be signed, or undefined when they could. */
export function sealFieldsProblem(fields: SealFields): string | undefined {
  const { cycleId, heldOn, sealedPosition, eventCount, merkleRoot } = fields;
  if (typeof cycleId !== 'string' || cycleId.length === 0) return 'cycleId must be a non-empty string';
  if (typeof heldOn !== 'string' || !ISO_DATE.test(heldOn)) return 'heldOn must be a YYYY-MM-DD date';
  if (typeof sealedPosition !== 'string' || !DECIMAL.test(sealedPosition)) {
    return 'sealedPosition must be a decimal string without leading zeros';
  }
  if (!Number.isSafeInteger(eventCount) || eventCount < 0) return 'eventCount must be a non-negative integer';
  if (!isHashHex(merkleRoot)) return 'merkleRoot must be 64 lowercase hex digits';
  return undefined;
}

/**
 * The exact bytes a seal signature covers: RFC 8785 canonical JSON, UTF-8.
 *
 * Every field is signed, not the root alone. A signature over a bare root could be lifted onto another cycle, or onto
 * a claim that the same root covers a different position or a different number of events (a root only means
 * something for a stated tree size). `kind` keeps a seal from being read as anything else this key may ever sign,
 * and versions the layout.
 */
export function sealStatement(fields: SealFields): Buffer {
  const problem = sealFieldsProblem(fields);
  if (problem !== undefined) throw new TypeError(`cannot seal: ${problem}`);
  const { cycleId, heldOn, sealedPosition, eventCount, merkleRoot } = fields;
  // Picked field by field: extra properties of the caller's object (a title, an old signature) are never signed.
  return Buffer.from(
    canonicalJson({ kind: SEAL_KIND, cycleId, heldOn, sealedPosition, eventCount, merkleRoot }),
    'utf8',
  );
}

export function signSeal(key: KeyObject, fields: SealFields): string {
  return sign(key, sealStatement(fields));
}

/** False, not an error, for malformed fields: they come from an export under audit. */
export function verifySeal(publicKeyPem: string, fields: SealFields, signature: string): boolean {
  if (sealFieldsProblem(fields) !== undefined) return false;
  return verifySignature(publicKeyPem, sealStatement(fields), signature);
}
