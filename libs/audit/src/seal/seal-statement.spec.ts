import type { SealFields } from './seal';
import { sealStatement, signSeal, verifySeal } from './seal-statement';
import { generateSigningKey, publicKeyPem } from './signing';

const fields: SealFields = {
  cycleId: 'citp-2025-s1',
  heldOn: '2025-06-30',
  sealedPosition: '18446744073709551615',
  eventCount: 4210,
  merkleRoot: 'd01437ad52b18e6584ce03f2d29d7597f8d31803f2160fb31c670a64af325417',
};

describe('seal statement', () => {
  it('is the canonical JSON of every sealed field under a versioned kind', () => {
    expect(sealStatement(fields).toString('utf8')).toBe(
      '{"cycleId":"citp-2025-s1","eventCount":4210,"heldOn":"2025-06-30","kind":"portfolio-ledger/seal/v1",' +
        '"merkleRoot":"d01437ad52b18e6584ce03f2d29d7597f8d31803f2160fb31c670a64af325417",' +
        '"sealedPosition":"18446744073709551615"}',
    );
  });

  it('covers only the sealed fields, whatever else the object carries', () => {
    const withExtras = { ...fields, title: 'CITP', signature: 'x' } as SealFields;
    expect(sealStatement(withExtras)).toEqual(sealStatement(fields));
  });

  it.each<[string, Partial<Record<keyof SealFields, unknown>>]>([
    ['an empty cycleId', { cycleId: '' }],
    ['a heldOn that is not YYYY-MM-DD', { heldOn: '2025-6-30' }],
    ['a sealedPosition with a leading zero', { sealedPosition: '042' }],
    ['a numeric sealedPosition', { sealedPosition: 42 }],
    ['a negative eventCount', { eventCount: -1 }],
    ['a fractional eventCount', { eventCount: 1.5 }],
    ['an upper-case merkleRoot', { merkleRoot: fields.merkleRoot.toUpperCase() }],
  ])('refuses %s', (_, change) => {
    expect(() => sealStatement({ ...fields, ...change } as SealFields)).toThrow(TypeError);
  });
});

describe('seal signature', () => {
  const key = generateSigningKey();
  const signature = signSeal(key, fields);

  it('verifies with the public key', () => {
    expect(verifySeal(publicKeyPem(key), fields, signature)).toBe(true);
  });

  it.each<[keyof SealFields, string | number]>([
    ['cycleId', 'citp-2025-s2'],
    ['heldOn', '2025-07-01'],
    ['sealedPosition', '18446744073709551614'],
    ['eventCount', 4211],
    ['merkleRoot', '0'.repeat(64)],
  ])('cannot be carried over to another %s', (field, value) => {
    expect(verifySeal(publicKeyPem(key), { ...fields, [field]: value }, signature)).toBe(false);
  });

  it('fails under another key or with a damaged signature', () => {
    expect(verifySeal(publicKeyPem(generateSigningKey()), fields, signature)).toBe(false);
    expect(verifySeal(publicKeyPem(key), fields, signature.slice(1))).toBe(false);
  });

  it('answers false, without throwing, for malformed fields under audit', () => {
    expect(verifySeal(publicKeyPem(key), { ...fields, eventCount: '4210' } as unknown as SealFields, signature)).toBe(
      false,
    );
  });
});
