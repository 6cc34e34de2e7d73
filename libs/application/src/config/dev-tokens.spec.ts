import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES } from '../auth/principal';
import { tokenDigest } from './auth-config';
import { ensureDevTokens, resolveAuth } from './dev-tokens';

const posix = process.platform !== 'win32';

describe('development tokens', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portfolio-dev-tokens-'));
    file = join(dir, 'data', 'dev-tokens.json');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates one distinct 32-byte base64url token per role into a 0600 file, leaving no temporary file', () => {
    const generated = ensureDevTokens(file);
    expect(generated.created).toBe(true);
    expect(Object.keys(generated.tokens).sort()).toEqual([...ROLES].sort());
    for (const token of Object.values(generated.tokens)) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(Object.values(generated.tokens)).size).toBe(ROLES.length);
    expect(JSON.parse(readFileSync(file, 'utf8')).tokens).toEqual(generated.tokens);
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'data'))).toEqual(['dev-tokens.json']);
  });

  it('reuses a valid file', () => {
    const first = ensureDevTokens(file);
    const second = ensureDevTokens(file);
    expect(second).toEqual({ ...first, created: false });
  });

  it('tightens the permissions of a reused file', () => {
    if (!posix) return;
    ensureDevTokens(file);
    chmodSync(file, 0o644);
    ensureDevTokens(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not JSON', '{'],
    ['missing a role', JSON.stringify({ tokens: { admin: 'a'.repeat(43) } })],
    [
      'holding a short token',
      JSON.stringify({
        tokens: {
          admin: 'short',
          reviewer: 'b'.repeat(43),
          auditor: 'c'.repeat(43),
          'programme-office': 'd'.repeat(43),
        },
      }),
    ],
  ])('replaces a file %s', (_case, content) => {
    ensureDevTokens(file);
    writeFileSync(file, content);
    const replaced = ensureDevTokens(file);
    expect(replaced.created).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).tokens).toEqual(replaced.tokens);
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('resolves development tokens into digests, and configured credentials as they are', () => {
    const resolved = resolveAuth({ kind: 'dev-tokens', file });
    const tokens = ensureDevTokens(file).tokens;
    expect(resolved).toEqual({
      credentials: {
        kind: 'credentials',
        apiTokens: ROLES.map((role) => ({ role, sha256: tokenDigest(tokens[role]) })),
      },
      devTokens: { file, created: true },
    });
    const configured = { kind: 'credentials', apiTokens: [] } as const;
    expect(resolveAuth(configured)).toEqual({ credentials: configured });
  });
});
