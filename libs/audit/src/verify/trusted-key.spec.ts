import type { ExportPublicKey } from '../export/export-format';
import { generateSigningKey, publicKeyFingerprint, publicKeyPem, signingKeyToPem } from '../seal/signing';
import { ExportProblemFound } from './export-problem';
import { trustedKey } from './trusted-key';

const instance = generateSigningKey();
const exported: ExportPublicKey = {
  algorithm: 'Ed25519',
  pem: publicKeyPem(instance),
  fingerprint: publicKeyFingerprint(instance),
};

function problemOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof ExportProblemFound) return error.problem;
    throw error;
  }
  return undefined;
}

describe('trustedKey', () => {
  it('trusts the auditor’s copy of the key over the export’s, whatever PEM it comes in', () => {
    expect(trustedKey(exported, signingKeyToPem(instance))).toEqual({
      pem: exported.pem,
      fingerprint: exported.fingerprint,
      source: 'auditor',
    });
  });

  it('falls back to the export’s key, and to none without either', () => {
    expect(trustedKey(exported, undefined)).toMatchObject({ pem: exported.pem, source: 'manifest' });
    expect(trustedKey(undefined, undefined)).toEqual({ source: 'none' });
  });

  it('reports an export that names another key than the auditor’s', () => {
    expect(problemOf(() => trustedKey(exported, publicKeyPem(generateSigningKey())))).toMatchObject({
      code: 'wrong_key',
    });
  });

  it('reports a manifest whose fingerprint is not its key’s, or whose key is not Ed25519', () => {
    const other = { ...exported, fingerprint: publicKeyFingerprint(generateSigningKey()) };
    expect(problemOf(() => trustedKey(other, undefined))).toMatchObject({ code: 'bad_manifest' });
    expect(problemOf(() => trustedKey({ ...exported, pem: 'nope' }, undefined))).toMatchObject({
      code: 'bad_manifest',
    });
  });

  it('throws on an auditor key that is not an Ed25519 key: a configuration error, not a finding', () => {
    expect(() => trustedKey(exported, 'nope')).toThrow(TypeError);
  });
});
