import type { Principal } from '@portfolio/application';
import { SignInStateSeal } from './sealed-state';
import { SessionSeal } from './session-seal';

const NOW = 1_800_000_000;
const SECRET = 'kX3v9Qm2Lr8Tz5Wb1Nc7Hd4Fg6Js0Pa-Ye_Ui2Oo8Ee';
const CAMILLE: Principal = {
  id: 'oidc:https://idp.example.gouv.fr#camille',
  name: 'Camille Durand',
  role: 'reviewer',
  organisation: 'DINUM',
};

describe('SessionSeal', () => {
  it('opens, on any instance with the same secret, a session until its end', () => {
    const sealed = new SessionSeal(SECRET, 3600).seal(CAMILLE, NOW);
    const other = new SessionSeal(SECRET, 3600);
    expect(other.open(sealed, NOW + 3599)).toEqual(CAMILLE);
    expect(other.open(sealed, NOW + 3600)).toBeUndefined();
    expect(sealed).not.toContain('Camille');
  });

  it('opens nothing sealed with another key, altered, or sealed as a sign-in state', () => {
    const seal = new SessionSeal(SECRET, 3600);
    const sealed = seal.seal(CAMILLE, NOW);
    expect(new SessionSeal(`${SECRET}x`, 3600).open(sealed, NOW)).toBeUndefined();
    expect(new SessionSeal(undefined, 3600).open(sealed, NOW)).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[20] ^= 1;
    expect(seal.open(bytes.toString('base64url'), NOW)).toBeUndefined();
    const state = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/', expiresAt: NOW + 600 };
    expect(seal.open(new SignInStateSeal(SECRET).seal(state), NOW)).toBeUndefined();
    expect(seal.open(undefined, NOW)).toBeUndefined();
  });
});
