import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  opensslUnavailableReason,
  startLocalTsa,
  type LocalTsa,
} from '../../../audit/src/transparency/testing/local-tsa';
import { parseTsaConfig } from './tsa-config';

const unavailable = opensslUnavailableReason();

describe('parseTsaConfig', () => {
  let dir: string;
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseTsaConfig(env, dir, problems), problems };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsa-config-'));
    await writeFile(join(dir, 'not-a-certificate.pem'), 'hello\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('time-stamps nothing when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it.each([
    [{ PORTFOLIO_TSA_URL: 'http://tsa.example/' }, 'PORTFOLIO_TSA_CERTIFICATE_FILE is required with PORTFOLIO_TSA_URL'],
    [{ PORTFOLIO_TSA_CERTIFICATE_FILE: 'tsa.pem' }, 'PORTFOLIO_TSA_CERTIFICATE_FILE is set without PORTFOLIO_TSA_URL'],
    [
      { PORTFOLIO_TSA_URL: 'http://tsa.example/', PORTFOLIO_TSA_CERTIFICATE_FILE: 'missing.pem' },
      'PORTFOLIO_TSA_CERTIFICATE_FILE cannot be read: ENOENT',
    ],
    [
      { PORTFOLIO_TSA_URL: 'http://tsa.example/', PORTFOLIO_TSA_CERTIFICATE_FILE: 'not-a-certificate.pem' },
      'the TSA certificate is not an X.509 certificate in PEM',
    ],
  ])('refuses %j', (env, problem) => {
    expect(parse(env)).toEqual({ config: {}, problems: [expect.stringContaining(problem)] });
  });

  // These need Debian's openssl to make the certificates; where it is missing they are skipped, and the run says why.
  if (unavailable !== undefined) console.warn(`TSA configuration tests with real certificates skipped: ${unavailable}`);
  (unavailable === undefined ? describe : describe.skip)('with certificates made by OpenSSL', () => {
    let tsa: LocalTsa;

    beforeAll(async () => {
      tsa = await startLocalTsa();
      await writeFile(join(dir, 'tsa.pem'), tsa.certificates.tsa);
      await writeFile(join(dir, 'ca.pem'), tsa.certificates.ca);
    }, 60_000);
    afterAll(() => tsa?.close());

    it('reads the TSA URL and its certificate, relative to the working directory', () => {
      const env = { PORTFOLIO_TSA_URL: 'https://tsa.example/tsr', PORTFOLIO_TSA_CERTIFICATE_FILE: 'tsa.pem' };
      expect(parse(env)).toEqual({
        config: { tsa: { url: 'https://tsa.example/tsr', certificate: tsa.certificates.tsa } },
        problems: [],
      });
    });

    it('refuses a certificate a TSA may not sign with, and a URL that is not http', () => {
      const env = { PORTFOLIO_TSA_URL: 'ftp://tsa.example/', PORTFOLIO_TSA_CERTIFICATE_FILE: 'ca.pem' };
      expect(parse(env).problems).toEqual([
        'PORTFOLIO_TSA_URL must be an http or https URL (got "ftp://tsa.example/")',
        expect.stringMatching(/^PORTFOLIO_TSA_CERTIFICATE_FILE \(.*ca\.pem\): .* is not a TSA certificate/),
      ]);
    });
  });
});
