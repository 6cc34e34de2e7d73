// What an identity provider's text claims must look like before they enter a principal, and from there every event's
// `metadata.actor`: the log is hashed as I-JSON (RFC 8785), which has no lone surrogates, and names are shown in
// histories and terminals, where control characters and bidirectional overrides would disguise what is written.
import { forbiddenCharacterIn, SHORT_TEXT } from '@portfolio/domain';

/**
 * Beyond what any one-line text of the log may not hold (the domain's rule: controls, bidirectional embeddings,
 * overrides and isolates, lone surrogates, noncharacters), a name shown in histories may not hold line or paragraph
 * separators nor bidirectional marks either: nobody types them in a name, and they disguise it.
 */
const UNSAFE_IN_A_NAME = /[\p{Zl}\p{Zp}\u061c\u200e\u200f]/u;

/** Whether `text` holds none of the characters above. */
export function isSafeText(text: string): boolean {
  return forbiddenCharacterIn(text, SHORT_TEXT) === undefined && !UNSAFE_IN_A_NAME.test(text);
}

/** `text` trimmed and cut to `limit` code points, so that the cut never splits a surrogate pair. */
export function truncated(text: string, limit: number): string {
  const trimmed = text.trim();
  const codePoints = Array.from(trimmed);
  return codePoints.length <= limit ? trimmed : codePoints.slice(0, limit).join('').trimEnd();
}
