import { createPublicKey } from 'node:crypto';
import type { ExportPublicKey } from '../export/export-format';
import { publicKeyFingerprint } from '../seal/signing';
import { fail } from './export-problem';

/** Whose key the seal signatures were checked with: the auditor's own copy, the export's, or none at all. */
export type KeySource = 'auditor' | 'manifest' | 'none';

export interface TrustedKey {
  /** SPKI PEM to verify seals with; absent when no key is known (a bare NDJSON file without --public-key). */
  readonly pem?: string;
  readonly fingerprint?: string;
  readonly source: KeySource;
}

function ed25519Pem(pem: string): string | undefined {
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    // Re-exported in the one SPKI form, whatever wrapping it came in (a private key yields its public half).
    return key.asymmetricKeyType === 'ed25519' ? key.export({ type: 'spki', format: 'pem' }).toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key seals are checked against. An auditor's own copy wins: a key shipped inside the export proves only that
 * whoever made the export also signed it. So when the auditor has a key, an export naming another one is rejected
 * before anything is checked against it. An auditor's key that is not an Ed25519 key is a configuration error and
 * throws, as it says nothing about the export.
 */
export function trustedKey(manifestKey: ExportPublicKey | undefined, auditorPem: string | undefined): TrustedKey {
  let auditor: TrustedKey | undefined;
  if (auditorPem !== undefined) {
    const pem = ed25519Pem(auditorPem);
    if (pem === undefined) throw new TypeError('the public key given to verify with is not an Ed25519 key in PEM');
    auditor = { pem, fingerprint: publicKeyFingerprint(pem), source: 'auditor' };
  }
  if (manifestKey === undefined) return auditor ?? { source: 'none' };

  const pem = ed25519Pem(manifestKey.pem);
  if (pem === undefined) {
    fail({ code: 'bad_manifest', file: 'manifest.json', message: 'publicKey.pem is not an Ed25519 public key in PEM' });
  }
  const fingerprint = publicKeyFingerprint(pem);
  if (fingerprint !== manifestKey.fingerprint) {
    fail({
      code: 'bad_manifest',
      file: 'manifest.json',
      message: `publicKey.fingerprint ${manifestKey.fingerprint} is not the fingerprint of publicKey.pem (${fingerprint})`,
    });
  }
  if (auditor !== undefined && auditor.fingerprint !== fingerprint) {
    fail({
      code: 'wrong_key',
      file: 'manifest.json',
      message: `the export names key ${fingerprint}, not the trusted key ${auditor.fingerprint}: its seals were not signed by the key you trust`,
    });
  }
  return auditor ?? { pem, fingerprint, source: 'manifest' };
}
