import * as asn1js from 'asn1js';
import { TimestampError } from './timestamp-error';

// Reading one DER structure through asn1js, all of the input and nothing but it.

/** The single ASN.1 value `bytes` hold (trailing bytes refused), built into `build`'s object; `what` names it in errors. */
export function decodeDer<T>(bytes: Uint8Array, what: string, build: (schema: asn1js.AsnType) => T): T {
  const decoded = asn1js.fromBER(bytes);
  if (decoded.offset === -1 || decoded.offset !== bytes.byteLength) {
    throw new TimestampError('malformed', `${what} is not well-formed DER`);
  }
  try {
    return build(decoded.result);
  } catch {
    throw new TimestampError('malformed', `${what} is DER, but not the ASN.1 structure it should be`);
  }
}
