import { createHash } from 'node:crypto';
import { canonicalJson } from '@portfolio/event-store';

/** Who issued a command, as recorded in `metadata.actor` (ARCHITECTURE §4): always the authenticated principal. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly organisation?: string;
}

/** What every command carries besides its domain payload: who, which request, and under which precondition. */
export interface CommandEnvelope {
  readonly actor: Actor;
  /** The client's Idempotency-Key, or a generated UUID. */
  readonly commandId: string;
  /** Whether `commandId` came from the client: only then can the command be a retry. */
  readonly idempotencyKeyGiven: boolean;
  /** sha256 of the canonical command: a retry must carry the same one. */
  readonly requestFingerprint: string;
  readonly correlationId: string;
  /** From `If-Match`: the stream revision the client saw; a different current revision fails with 412. */
  readonly expectedRevision?: bigint;
}

/** sha256 hex of the RFC 8785 form of a command (its type, target and body): equal commands, equal fingerprints. */
export function fingerprintCommand(command: unknown): string {
  return createHash('sha256').update(canonicalJson(command), 'utf8').digest('hex');
}
