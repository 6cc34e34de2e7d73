import { randomBytes } from 'node:crypto';
import { estimatedEntropyBits, MIN_TOKEN_ENTROPY_BITS } from './token-entropy';

describe('estimatedEntropyBits', () => {
  it.each([
    [
      '32 random bytes, base64url (what `portfolio tokens generate` prints)',
      () => randomBytes(32).toString('base64url'),
    ],
    ['24 random bytes, hex (`openssl rand -hex 24`)', () => randomBytes(24).toString('hex')],
    ['32 random bytes, base64 (`openssl rand -base64 32`)', () => randomBytes(32).toString('base64')],
  ])('rates %s above the minimum, every time', (_case, generate) => {
    for (let i = 0; i < 2000; i++)
      expect(estimatedEntropyBits(generate())).toBeGreaterThanOrEqual(MIN_TOKEN_ENTROPY_BITS);
  });

  it.each([
    ['a role name, a word and a counting run', 'programme-office-token-0123456789'],
    ['an old test token', 'bench-programme-office-token-0123456789'],
    ['hex-looking counting', '0123456789abcdef0123456789abcdef0123'],
    ['one character repeated', 'a'.repeat(200)],
    ['the alphabet', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'],
    ['a password repeated', 'Tr0ub4dor-3Tr0ub4dor-3Tr0ub4dor-3Tr0ub4dor-3'],
    ['a keyboard walk and a word', 'qwertyuiop-asdfghjkl-zxcvbnm-secret'],
    ['12 random bytes in hex', '3f9a0c7d51e2b84696c2d0ae'],
  ])('rates %s below the minimum', (_case, token) => {
    expect(estimatedEntropyBits(token)).toBeLessThan(MIN_TOKEN_ENTROPY_BITS);
  });

  it('counts hex digits as 4 bits each, not as letters of a 36-symbol alphabet', () => {
    expect(estimatedEntropyBits('3f9a0c7d51e2b846')).toBeCloseTo(64, 0);
  });

  it('ignores base64 padding', () => {
    const token = randomBytes(31).toString('base64');
    expect(estimatedEntropyBits(`${token.replace(/=+$/, '')}==`)).toBe(estimatedEntropyBits(token.replace(/=+$/, '')));
  });
});
