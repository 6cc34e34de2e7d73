import { signingKeyFromPem } from '../seal/signing';
import { defaultLogOrigin, isLogOrigin } from './log-origin';

// RFC 8032's first test key, as PKCS#8: its SPKI fingerprint is fixed, so is the origin named after it.
const key = signingKeyFromPem(
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n',
);

describe('the log origin', () => {
  it('is named after the first 16 hex digits of the key fingerprint by default', () => {
    expect(defaultLogOrigin(key)).toBe('portfolio-ledger/06e3fd8fda29bb60');
    expect(isLogOrigin(defaultLogOrigin(key))).toBe(true);
  });

  it.each(['ledger.example.gouv.fr/portfolio', 'portfolio-ledger/0123456789abcdef'])('accepts %j', (origin) => {
    expect(isLogOrigin(origin)).toBe(true);
  });

  it.each(['', 'a b', 'a+b', 'https://ledger.example.gouv.fr', 'a\tb'])('refuses %j', (origin) => {
    expect(isLogOrigin(origin)).toBe(false);
  });
});
