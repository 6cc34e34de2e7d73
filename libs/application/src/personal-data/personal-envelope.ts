import { decrypt, encrypt } from '../crypto/aes-256-gcm';

// A personal value as the log stores it: AES-256-GCM under its data subject's key for one period (crypto-shredding).

/** What a personal value is replaced with in a stored event: hashed, sealed and exported as it is. */
export interface PersonalEnvelope {
  readonly $personal: {
    /** The data subject: the actor id the key belongs to. */
    readonly subject: string;
    /** The key's id in the key store. */
    readonly key: string;
    readonly iv: string;
    readonly ct: string;
    readonly tag: string;
  };
}

/** What a reader sees where the key of a personal value is gone (erased, or past its retention). */
export const ERASED_PLACEHOLDER = 'donnée effacée';

/** A key in use: its id, whose data it protects, and its 32 secret bytes. */
export interface PersonalKey {
  readonly id: string;
  readonly subject: string;
  readonly secret: Buffer;
}

/**
 * Binds the ciphertext to its subject, key and place in the event: an envelope copied into another field or under
 * another subject fails its tag instead of showing its text there.
 */
function associatedData(subject: string, keyId: string, field: string): Buffer {
  return Buffer.from(JSON.stringify([subject, keyId, field]), 'utf8');
}

/** Encrypts `text`, the value of `field` (e.g. `metadata.actor.name`), with a fresh IV. */
export function sealPersonalValue(key: PersonalKey, field: string, text: string): PersonalEnvelope {
  const { iv, ciphertext, tag } = encrypt(
    key.secret,
    Buffer.from(text, 'utf8'),
    associatedData(key.subject, key.id, field),
  );
  return {
    $personal: {
      subject: key.subject,
      key: key.id,
      iv: iv.toString('base64url'),
      ct: ciphertext.toString('base64url'),
      tag: tag.toString('base64url'),
    },
  };
}

/**
 * The text of an envelope found at `field`, or undefined when it cannot be opened there: a key that is not the
 * envelope's, or an envelope moved or altered (the tag fails).
 */
export function openPersonalValue(
  envelope: PersonalEnvelope,
  field: string,
  key: PersonalKey | undefined,
): string | undefined {
  const { subject, key: keyId, iv, ct, tag } = envelope.$personal;
  if (key === undefined || key.id !== keyId || key.subject !== subject) return undefined;
  const encrypted = {
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ct, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  return decrypt(key.secret, encrypted, associatedData(subject, keyId, field))?.toString('utf8');
}

export function isPersonalEnvelope(value: unknown): value is PersonalEnvelope {
  if (typeof value !== 'object' || value === null || !('$personal' in value)) return false;
  const inner = (value as { $personal: unknown }).$personal;
  if (typeof inner !== 'object' || inner === null) return false;
  const fields = inner as Record<string, unknown>;
  return ['subject', 'key', 'iv', 'ct', 'tag'].every((name) => typeof fields[name] === 'string');
}
