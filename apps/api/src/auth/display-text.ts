// What an identity provider's text claims must look like before they enter a principal, and from there every event's
// `metadata.actor`: the log is hashed as I-JSON (RFC 8785), which has no lone surrogates, and names are shown in
// histories and terminals, where control characters and bidirectional overrides would disguise what is written.

/**
 * C0 and C1 controls, line and paragraph separators, lone surrogates (in a u-mode pattern a valid pair is one code
 * point, so \p{Surrogate} only meets the lone ones) and the bidirectional formatting characters (marks, embeddings,
 * overrides, isolates).
 */
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\p{Surrogate}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Whether `text` holds none of the characters above. */
export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

/** `text` trimmed and cut to `limit` code points, so that the cut never splits a surrogate pair. */
export function truncated(text: string, limit: number): string {
  const trimmed = text.trim();
  const codePoints = Array.from(trimmed);
  return codePoints.length <= limit ? trimmed : codePoints.slice(0, limit).join('').trimEnd();
}
