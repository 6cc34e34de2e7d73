import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { ROLES, type Role } from '../auth/principal';
import { apiTokenProblem, generateApiToken, tokenDigest } from './auth-config';
import type { AuthConfig, CredentialsConfig } from './portfolio-config';

/** One generated token per role, as stored in `<dataDir>/dev-tokens.json`. */
export interface DevTokens {
  readonly file: string;
  /** True when this call generated the file, false when it reused a valid one. */
  readonly created: boolean;
  readonly tokens: Readonly<Record<Role, string>>;
}

/** Credentials ready for the verifier; `devTokens` says where generated tokens are, for the start-up log line. */
export interface ResolvedAuth {
  readonly credentials: CredentialsConfig;
  readonly devTokens?: { readonly file: string; readonly created: boolean };
}

const OWNER_ONLY = 0o600;

/** The tokens of a valid file, or undefined when it is missing, unreadable or not what ensureDevTokens writes. */
function readDevTokens(file: string): Record<Role, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const tokens = (parsed as { tokens?: unknown } | null)?.tokens;
  if (typeof tokens !== 'object' || tokens === null) return undefined;
  const byRole = tokens as Record<string, unknown>;
  const values = ROLES.map((role) => byRole[role]);
  const valid = values.every((token) => typeof token === 'string' && apiTokenProblem(token) === undefined);
  if (!valid || new Set(values).size !== ROLES.length) return undefined;
  return Object.fromEntries(ROLES.map((role) => [role, byRole[role]])) as Record<Role, string>;
}

function reuse(file: string, tokens: Record<Role, string>): DevTokens {
  // Someone may have copied the file with looser permissions; these are credentials, so tighten them.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY);
  return { file, created: false, tokens };
}

function writeTemporary(file: string, content: string): string {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', OWNER_ONLY);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temporary, OWNER_ONLY); // the umask may only have removed bits; make it exact
  return temporary;
}

/**
 * Reads the development tokens file, or generates it: one random token per role (generateApiToken),
 * mode 0600, written atomically. Several processes starting together agree on one file: the first to link its
 * complete temporary file into place wins and the others read it. An invalid file is replaced.
 */
export function ensureDevTokens(file: string): DevTokens {
  const existing = readDevTokens(file);
  if (existing !== undefined) return reuse(file, existing);

  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tokens = Object.fromEntries(ROLES.map((role) => [role, generateApiToken()])) as Record<Role, string>;
  const content = `${JSON.stringify(
    {
      description:
        'Development API tokens of portfolio-ledger, generated because neither PORTFOLIO_API_TOKENS nor ' +
        'PORTFOLIO_OIDC_ISSUER is configured. Send one as "Authorization: Bearer <token>". Delete this file to renew them.',
      tokens,
    },
    null,
    2,
  )}\n`;
  const temporary = writeTemporary(file, content);
  try {
    try {
      linkSync(temporary, file); // fails if the file exists: never replaces a valid file another process wrote
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        const winner = readDevTokens(file);
        if (winner !== undefined) return reuse(file, winner);
      }
      // An invalid file, or a file system without hard links: replace atomically.
      renameSync(temporary, file);
    }
    return { file, created: true, tokens };
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * What the API (and any CLI command that authenticates) calls once at start: configured credentials as they are,
 * or the development tokens, generated on first use. loadConfig stays pure; this is where the file is written.
 */
export function resolveAuth(auth: AuthConfig): ResolvedAuth {
  if (auth.kind === 'credentials') return { credentials: auth };
  const dev = ensureDevTokens(auth.file);
  return {
    credentials: {
      kind: 'credentials',
      apiTokens: ROLES.map((role) => ({ role, sha256: tokenDigest(dev.tokens[role]) })),
    },
    devTokens: { file: dev.file, created: dev.created },
  };
}
