import type { KeyObject } from 'node:crypto';
import { publicKeyFingerprint, publicKeyPem } from './signing';

/** What an auditor needs to check seals: the SPKI PEM and its fingerprint (GET /audit/public-key). */
export interface PublicKeyDocument {
  readonly algorithm: 'Ed25519';
  readonly publicKeyPem: string;
  readonly fingerprint: string;
}

/** The public half of the seal key, as auditors fetch it; accepts the private key. */
export function publicKeyDocument(key: KeyObject): PublicKeyDocument {
  return { algorithm: 'Ed25519', publicKeyPem: publicKeyPem(key), fingerprint: publicKeyFingerprint(key) };
}
