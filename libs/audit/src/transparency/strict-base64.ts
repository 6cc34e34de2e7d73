// Standard base64 (RFC 4648 §4) with one spelling per value: a signed statement must not be re-encodable into another.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes `text` encodes, or undefined unless it is padded standard base64 in its canonical form. */
export function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // The alphabet check leaves one leniency: unused low bits of the last character, which re-encoding clears.
  return bytes.toString('base64') === text ? bytes : undefined;
}
