import { decodeBase64 } from '../transparency/strict-base64';
import { TimestampError } from '../transparency/timestamp-error';
import { verifyTimestampToken } from '../transparency/timestamp-token';
import { parseTsaCertificate, type TsaCertificate } from '../transparency/tsa-certificate';
import { refuted, unproven, type TrustFinding } from './trust-finding';
import { TrustOptionError } from './trust-option-error';

// The trailer's RFC 3161 token, checked against the TSA certificate the auditor holds (--tsa-certificate): a third
// party's word that the export's checkpoint existed by then, whatever the instance's clock said.

export interface TrustedTsa {
  readonly pem: string;
  readonly subject: string;
}

/** --tsa-certificate: a certificate a TSA may sign tokens with (RFC 3161 §2.3), PEM. */
export function trustedTsa(pem: string): TrustedTsa {
  let certificate: TsaCertificate;
  try {
    certificate = parseTsaCertificate(pem);
  } catch (error) {
    if (!(error instanceof TimestampError)) throw error;
    throw new TrustOptionError(`the TSA certificate cannot be used: ${error.message}`);
  }
  return { pem, subject: certificate.subject };
}

/** Checks the token over the checkpoint's note text (without signature lines, as the instance time-stamps it). */
export async function checkTimestamp(token: unknown, checkpointText: string, tsa: TrustedTsa): Promise<TrustFinding> {
  if (token === undefined) {
    return unproven('timestamp', `the export carries no time-stamp token to check with ${tsa.subject}`);
  }
  const bytes = typeof token === 'string' ? decodeBase64(token) : undefined;
  if (bytes === undefined) {
    return refuted('timestamp', { code: 'bad_timestamp', message: "the trailer's time-stamp token is not base64" });
  }
  try {
    const verified = await verifyTimestampToken(bytes, {
      bytes: Buffer.from(checkpointText, 'utf8'),
      tsaCertificate: tsa.pem,
    });
    const summary = `${verified.genTime.toISOString()} by ${tsa.subject}`;
    return { check: 'timestamp', outcome: 'proven', summary, genTime: verified.genTime };
  } catch (error) {
    if (!(error instanceof TimestampError)) throw error;
    return refuted('timestamp', { code: 'bad_timestamp', message: `the checkpoint's time-stamp: ${error.message}` });
  }
}
