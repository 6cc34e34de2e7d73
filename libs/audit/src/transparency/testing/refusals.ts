import type { NoteErrorReason } from '../note-error';
import type { TimestampErrorReason } from '../timestamp-error';

// Matchers for the errors this library throws: the reason a caller branches on, and words a person can act on.

export function noteError(reason: NoteErrorReason, message: RegExp) {
  return expect.objectContaining({ name: 'NoteError', reason, message: expect.stringMatching(message) });
}

export function timestampError(reason: TimestampErrorReason, message: RegExp) {
  return expect.objectContaining({ name: 'TimestampError', reason, message: expect.stringMatching(message) });
}
