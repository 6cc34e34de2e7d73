import { X509Certificate } from 'node:crypto';
import { Certificate, ExtKeyUsage, id_ExtKeyUsage } from 'pkijs';
import { decodeDer } from './der';
import { TimestampError } from './timestamp-error';

// The certificate a time-stamp token is checked against: one whose key RFC 3161 lets sign tokens.

const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

export interface TsaCertificate {
  readonly certificate: Certificate;
  /** The subject's distinguished name, to name the TSA in messages. */
  readonly subject: string;
}

function pemToDer(pem: string): { der: Buffer; subject: string } {
  try {
    const parsed = new X509Certificate(pem);
    return { der: parsed.raw, subject: parsed.subject.replace(/\n/g, ', ') };
  } catch {
    throw new TimestampError('malformed', 'the TSA certificate is not an X.509 certificate in PEM');
  }
}

/**
 * Parses a TSA certificate, refusing one RFC 3161 §2.3 forbids a TSA to sign with: its extended key usage must be
 * present, critical, and id-kp-timeStamping alone (the check OpenSSL applies too).
 */
export function parseTsaCertificate(pem: string): TsaCertificate {
  const { der, subject } = pemToDer(pem);
  const certificate = decodeDer(der, 'the TSA certificate', (schema) => new Certificate({ schema }));
  const notTsa = (why: string) => new TimestampError('bad_certificate', `${subject} is not a TSA certificate: ${why}`);
  const usage = certificate.extensions?.find((extension) => extension.extnID === id_ExtKeyUsage);
  if (usage === undefined) throw notTsa('it has no extended key usage');
  if (!usage.critical) throw notTsa('its extended key usage is not critical');
  const purposes = usage.parsedValue instanceof ExtKeyUsage ? usage.parsedValue.keyPurposes : [];
  if (purposes.length !== 1 || purposes[0] !== ID_KP_TIME_STAMPING) {
    throw notTsa(`its extended key usage is ${purposes.join(', ') || 'unreadable'}, not timeStamping alone`);
  }
  return { certificate, subject };
}
