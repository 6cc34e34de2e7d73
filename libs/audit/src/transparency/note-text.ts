// What signed notes allow in their text and key names (C2SP signed-note, "Format"), shared by every format built on them.

// Lone surrogates are the JavaScript strings that have no UTF-8 encoding; in a u-mode pattern a valid pair is one code
// point, so \p{Surrogate} only meets the lone ones.
const LONE_SURROGATE = /\p{Surrogate}/u;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f]/;
// Go's unicode.IsSpace, which the reference implementation uses, is exactly the White_Space property.
const SPACE_OR_PLUS = /[\p{White_Space}+]/u;

/** Whether `text` is valid UTF-8 once encoded and has no ASCII control character other than newline. */
export function isNoteText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !CONTROL_BUT_NEWLINE.test(text);
}

/** Key names are non-empty, without Unicode spaces or `+` (the verifier key format splits on `+`). */
export function isKeyName(name: string): boolean {
  return name.length > 0 && isNoteText(name) && !SPACE_OR_PLUS.test(name);
}
