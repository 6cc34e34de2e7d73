// The transparency-log formats (C2SP signed notes, checkpoints, cosignatures) and RFC 3161 time-stamps.

export { NoteError, type NoteErrorReason } from './note-error';
export { noteKeyId, SignatureType } from './note-key';
export { formatVerifierKey, parseVerifierKey, type VerifierKey } from './verifier-key';
export {
  MAX_NOTE_SIGNATURES,
  formatNote,
  formatSignatureLine,
  parseNote,
  parseSignatureLine,
  type NoteSignature,
  type SignedNote,
} from './signed-note';
export { signNote, signText, type NoteSigner } from './sign-note';
export { openNote, type NoteVerifier, type OpenedNote, type SignatureVerdict } from './open-note';
export { ed25519NoteSigner, ed25519NoteVerifier } from './ed25519-note-key';
export {
  formatCheckpoint,
  parseCheckpoint,
  rootFromBase64,
  rootToBase64,
  type Checkpoint,
  type ParsedCheckpoint,
} from './checkpoint';
export { openCheckpoint, signCheckpoint, type OpenedCheckpoint } from './checkpoint-note';
export { cosignatureSigner, cosignatureTime, cosignatureVerifier, type CosignatureClock } from './cosignature';
export { TimestampError, type TimestampErrorReason } from './timestamp-error';
export { createTimestampRequest, type TimestampRequest, type TimestampRequestOptions } from './timestamp-request';
export { parseTsaCertificate, type TsaCertificate } from './tsa-certificate';
export { verifyTimestampToken, type TimestampExpectation, type VerifiedTimestamp } from './timestamp-token';
export { verifyTimestampReply, type TimestampReplyExpectation } from './timestamp-reply';
export {
  obtainTimestamp,
  postTimestampQuery,
  type ObtainTimestampOptions,
  type TimestampClientOptions,
} from './timestamp-client';
