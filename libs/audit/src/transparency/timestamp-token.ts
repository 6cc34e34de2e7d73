import type * as asn1js from 'asn1js';
import { createHash } from 'node:crypto';
import {
  ContentInfo,
  id_ContentType_SignedData,
  id_eContentType_TSTInfo,
  id_sha256,
  SignedData,
  SignedDataVerifyError,
  TSTInfo,
} from 'pkijs';
import { decodeDer } from './der';
import { TimestampError } from './timestamp-error';
import { parseTsaCertificate, type TsaCertificate } from './tsa-certificate';

// Checking an RFC 3161 time-stamp token offline: what it time-stamps, when, and that the TSA certificate signed it.

export interface TimestampExpectation {
  /** The bytes time-stamped (their SHA-256 is what the token must carry). */
  readonly bytes: Uint8Array;
  /** The TSA's certificate, PEM: the only key the token is checked against, whatever certificates it carries. */
  readonly tsaCertificate: string;
  /** The request's nonce, when the token is checked as the reply to a request of ours. */
  readonly nonce?: bigint;
}

export interface VerifiedTimestamp {
  /** When the TSA says it saw the bytes. */
  readonly genTime: Date;
  /** The TimeStampToken (a CMS ContentInfo), DER: what to keep to prove the time later. */
  readonly token: Buffer;
  /** The token's serial number at its TSA, lowercase hex. */
  readonly serialNumber: string;
  readonly policy: string;
}

function readToken(token: Uint8Array): { signedData: SignedData; tstInfo: TSTInfo } {
  const contentInfo = decodeDer(token, 'the time-stamp token', (schema) => new ContentInfo({ schema }));
  if (contentInfo.contentType !== id_ContentType_SignedData) {
    throw new TimestampError('malformed', 'the time-stamp token is not CMS SignedData');
  }
  const signedData = decodeDer(
    // The content as it was received: re-encoding it could alter what was signed.
    (contentInfo.content as asn1js.AsnType).valueBeforeDecodeView,
    "the token's SignedData",
    (schema) => new SignedData({ schema }),
  );
  const content = signedData.encapContentInfo;
  if (content.eContentType !== id_eContentType_TSTInfo || content.eContent === undefined) {
    throw new TimestampError('malformed', 'the time-stamp token does not carry a TSTInfo');
  }
  // RFC 3161 §2.4.2: the TSA's is the only signature a token may carry.
  if (signedData.signerInfos.length !== 1) {
    throw new TimestampError(
      'malformed',
      `the time-stamp token has ${signedData.signerInfos.length} signatures, not one`,
    );
  }
  const tstInfo = decodeDer(
    new Uint8Array(content.eContent.getValue()),
    "the token's TSTInfo",
    (schema) => new TSTInfo({ schema }),
  );
  return { signedData, tstInfo };
}

function checkImprint(tstInfo: TSTInfo, bytes: Uint8Array): void {
  const { hashAlgorithm, hashedMessage } = tstInfo.messageImprint;
  if (hashAlgorithm.algorithmId !== id_sha256) {
    throw new TimestampError(
      'wrong_imprint',
      `the token time-stamps a digest by ${hashAlgorithm.algorithmId}, not SHA-256`,
    );
  }
  const expected = createHash('sha256').update(bytes).digest();
  if (!expected.equals(Buffer.from(hashedMessage.getValue()))) {
    throw new TimestampError(
      'wrong_imprint',
      'the token time-stamps other bytes: its message imprint is not their SHA-256',
    );
  }
}

function checkNonce(tstInfo: TSTInfo, nonce: bigint | undefined): void {
  if (nonce === undefined) return;
  const answered = tstInfo.nonce?.toBigInt();
  if (answered !== nonce) {
    throw new TimestampError(
      'wrong_nonce',
      `the token answers nonce ${answered ?? 'none'}, not the request's ${nonce}`,
    );
  }
}

async function checkSignature(signedData: SignedData, tsa: TsaCertificate, bytes: Uint8Array): Promise<void> {
  // Only the given certificate is offered to the check, so that a certificate the token carries cannot vouch for it.
  signedData.certificates = [tsa.certificate];
  const notSigned = (why: string) =>
    new TimestampError('bad_signature', `the token's signature does not verify with ${tsa.subject}: ${why}`);
  try {
    const result = await signedData.verify({ signer: 0, data: new Uint8Array(bytes).buffer, extendedMode: true });
    if (result.signatureVerified !== true) throw notSigned('the signature does not match the token and key');
  } catch (error) {
    if (!(error instanceof SignedDataVerifyError)) throw error;
    throw notSigned(error.code === 3 ? 'the token names another signer' : error.message);
  }
}

function checkValidity(tsa: TsaCertificate, genTime: Date): void {
  const { notBefore, notAfter } = tsa.certificate;
  if (genTime < notBefore.value || genTime > notAfter.value) {
    throw new TimestampError(
      'bad_certificate',
      `${tsa.subject} was not valid at ${genTime.toISOString()}, when the token was made`,
    );
  }
}

/** Checks a TimeStampToken offline against the bytes and the TSA certificate given, and says when it was made. */
export async function verifyTimestampToken(
  token: Uint8Array,
  expected: TimestampExpectation,
): Promise<VerifiedTimestamp> {
  const { signedData, tstInfo } = readToken(token);
  checkImprint(tstInfo, expected.bytes);
  checkNonce(tstInfo, expected.nonce);
  const tsa = parseTsaCertificate(expected.tsaCertificate);
  await checkSignature(signedData, tsa, expected.bytes);
  checkValidity(tsa, tstInfo.genTime);
  return {
    genTime: tstInfo.genTime,
    token: Buffer.from(token),
    serialNumber: tstInfo.serialNumber.toBigInt().toString(16),
    policy: tstInfo.policy,
  };
}
