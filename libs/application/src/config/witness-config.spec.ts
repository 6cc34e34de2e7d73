import { formatVerifierKey, generateSigningKey, SignatureType } from '@portfolio/audit';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_WITNESSES, parseWitnessConfig } from './witness-config';

const witnessVkey = (name: string) => formatVerifierKey(name, SignatureType.cosignatureV1, generateSigningKey());
const [alpha, beta, gamma] = ['alpha.example/w', 'beta.example/w', 'gamma.example/w'].map(witnessVkey);
/** Alpha's vkey with the last hex digit of its key ID changed. */
const mistypedKeyId = alpha.replace(
  /\+([0-9a-f]{7})([0-9a-f])\+/,
  (_, head: string, last: string) => `+${head}${last === '0' ? '1' : '0'}+`,
);

describe('parseWitnessConfig', () => {
  let dir: string;
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseWitnessConfig(env, dir, problems), problems };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'witness-config-'));
    await writeFile(join(dir, 'witnesses.txt'), `# our witnesses\n${beta}\n\n  ${gamma}  \n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts no witness when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it('reads vkeys separated by commas or new lines, and a file of one a line beside them', () => {
    expect(parse({ PORTFOLIO_WITNESS_KEYS: `${alpha},\n${beta}` })).toEqual({
      config: { witnessKeys: [alpha, beta] },
      problems: [],
    });
    expect(parse({ PORTFOLIO_WITNESS_KEYS: alpha, PORTFOLIO_WITNESS_KEYS_FILE: 'witnesses.txt' })).toEqual({
      config: { witnessKeys: [alpha, beta, gamma] },
      problems: [],
    });
  });

  it('refuses the log’s own kind of key, naming where it was given', () => {
    const logKey = formatVerifierKey('ledger.example/log', SignatureType.ed25519, generateSigningKey());
    expect(parse({ PORTFOLIO_WITNESS_KEYS: `${alpha},${logKey}` }).problems).toEqual([
      'PORTFOLIO_WITNESS_KEYS: ledger.example/log is a key of signature type 0x01, not a witness key: a witness key has type 0x04 (cosignature/v1), as `portfolio witness keygen` prints it',
    ]);
  });

  it.each([
    ['a mistyped key ID', mistypedKeyId, /gives key ID/],
    ['a key without material', 'alpha.example/w+01234567', /<name>\+<8 hex digits>\+<base64>/],
  ])('refuses %s', (_case, vkey, message) => {
    expect(parse({ PORTFOLIO_WITNESS_KEYS: vkey }).problems).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a key listed twice, an unreadable file and more witnesses than a note has room for', () => {
    expect(parse({ PORTFOLIO_WITNESS_KEYS: beta, PORTFOLIO_WITNESS_KEYS_FILE: 'witnesses.txt' }).problems).toEqual([
      expect.stringMatching(
        /^PORTFOLIO_WITNESS_KEYS_FILE \(witnesses\.txt, line 2\): the witness key .* has the key ID of/,
      ),
    ]);
    expect(parse({ PORTFOLIO_WITNESS_KEYS_FILE: 'missing.txt' }).problems).toEqual([
      expect.stringContaining('PORTFOLIO_WITNESS_KEYS_FILE cannot be read: ENOENT'),
    ]);
    const many = Array.from({ length: MAX_WITNESSES + 1 }, (_, i) => witnessVkey(`w${i}.example`));
    expect(parse({ PORTFOLIO_WITNESS_KEYS: many.join(',') }).problems).toEqual([
      expect.stringContaining(`at most ${MAX_WITNESSES} witness keys`),
    ]);
  });
});
