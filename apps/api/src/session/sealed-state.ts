// What the service hands the browser to keep for it, sealed: the sign-in state and the session alike.
import { hkdfSync, randomBytes } from 'node:crypto';
import { decrypt, encrypt, IV_BYTES, TAG_BYTES } from '@portfolio/application';

/** The sign-in in progress: checked on the callback, never shown to the page (the cookie is HttpOnly). */
export interface SignInState {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** The workspace path to return to, checked same-origin before it was sealed. */
  readonly returnTo: string;
  /** Seconds since the epoch after which the sign-in is refused. */
  readonly expiresAt: number;
}

function isSignInState(value: unknown): value is SignInState {
  const state = value as Partial<SignInState> | null;
  return (
    typeof state === 'object' &&
    state !== null &&
    ['state', 'nonce', 'codeVerifier', 'returnTo'].every(
      (name) => typeof state[name as keyof SignInState] === 'string',
    ) &&
    typeof state.expiresAt === 'number'
  );
}

/**
 * Seals a JSON value with AES-256-GCM: the browser keeps it but can neither read nor alter it. The key is derived
 * from the configured secret and a purpose, so that every instance opens what any other sealed, and a value sealed
 * for one purpose never opens as another; or, without a secret, drawn at start (then only this instance opens it).
 */
export class Seal {
  private readonly key: Buffer;

  constructor(secret: string | undefined, purpose: string) {
    this.key =
      secret === undefined ? randomBytes(32) : Buffer.from(hkdfSync('sha256', secret, 'portfolio-ledger', purpose, 32));
  }

  seal(value: unknown): string {
    const { iv, ciphertext, tag } = encrypt(this.key, Buffer.from(JSON.stringify(value), 'utf8'));
    return Buffer.concat([iv, ciphertext, tag]).toString('base64url');
  }

  /** The value sealed in `text` if it is intact and was sealed with this key; otherwise undefined. */
  open(text: string | undefined): unknown {
    const bytes = Buffer.from(text ?? '', 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    const plain = decrypt(this.key, {
      iv: bytes.subarray(0, IV_BYTES),
      ciphertext: bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES),
      tag: bytes.subarray(bytes.length - TAG_BYTES),
    });
    // Authenticated, so written by a seal of this key: JSON.
    return plain === undefined ? undefined : (JSON.parse(plain.toString('utf8')) as unknown);
  }
}

/** The sign-in state's seal: its own key, derived from the secret for this purpose only. */
export class SignInStateSeal {
  private readonly box: Seal;

  constructor(secret: string | undefined) {
    this.box = new Seal(secret, 'oidc sign-in state');
  }

  seal(state: SignInState): string {
    return this.box.seal(state);
  }

  /** The state sealed in `text` if it is intact and not expired at `nowSeconds`; otherwise undefined. */
  open(text: string | undefined, nowSeconds: number): SignInState | undefined {
    const state = this.box.open(text);
    return isSignInState(state) && state.expiresAt > nowSeconds ? state : undefined;
  }
}
