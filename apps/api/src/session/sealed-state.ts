// What the service hands the browser to keep for it, sealed: the sign-in state and the session alike.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

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
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  /** The value sealed in `text` if it is intact and was sealed with this key; otherwise undefined. */
  open(text: string | undefined): unknown {
    const bytes = Buffer.from(text ?? '', 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
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
