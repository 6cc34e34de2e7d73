import { safeReturnTo } from './oidc-sign-in';
import { SignInStateSeal, type SignInState } from './sealed-state';

const NOW = 1_800_000_000;
const STATE: SignInState = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/projets', expiresAt: NOW + 600 };
const SECRET = 'kX3v9Qm2Lr8Tz5Wb1Nc7Hd4Fg6Js0Pa-Ye_Ui2Oo8Ee';

describe('SignInStateSeal', () => {
  it('opens what any instance with the same secret sealed', () => {
    const sealed = new SignInStateSeal(SECRET).seal(STATE);
    expect(new SignInStateSeal(SECRET).open(sealed, NOW)).toEqual(STATE);
    expect(sealed).not.toContain('/projets');
  });

  it('opens nothing sealed with another key, altered, or expired', () => {
    const seal = new SignInStateSeal(SECRET);
    const sealed = seal.seal(STATE);
    expect(new SignInStateSeal(`${SECRET}x`).open(sealed, NOW)).toBeUndefined();
    expect(new SignInStateSeal(undefined).open(sealed, NOW)).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[20] ^= 1;
    expect(seal.open(bytes.toString('base64url'), NOW)).toBeUndefined();
    expect(seal.open(sealed, NOW + 600)).toBeUndefined();
    expect(seal.open(undefined, NOW)).toBeUndefined();
    expect(seal.open('short', NOW)).toBeUndefined();
  });
});

describe('safeReturnTo', () => {
  it.each(['/projets', '/projets/P-1?at=2024-01-01', '/'])('keeps the workspace path %j', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/a b',
    '',
    42,
    undefined,
  ])('returns home instead of %j', (path) => {
    expect(safeReturnTo(path)).toBe('/');
  });
});
