export { MerkleAccumulator } from './merkle/merkle-accumulator';
export { verifyConsistency, verifyInclusion } from './merkle/merkle-proofs';
export { MerkleTree, MerkleTreeBuilder, consistencyProof, inclusionProof, merkleRoot } from './merkle/merkle-tree';
export { SEAL_EVENT_TYPE, type RecordedSeal, type Seal, type SealFields } from './seal/seal';
export { sealStatement, signSeal, verifySeal } from './seal/seal-statement';
export { recordedSealOf } from './seal/recorded-seal';
export { HistorySealer } from './seal/history-sealer';
export * from './seal/signing';
export {
  SIGNING_KEY_FILE,
  loadOrCreateSigningKey,
  openSigningKey,
  type LoadedSigningKey,
  type SigningKeyLocation,
} from './seal/signing-key-file';
export { publicKeyDocument, type PublicKeyDocument } from './seal/public-key-document';
export * from './export/event-csv';
export * from './csv/csv-reader';
export * from './export/table-schema';
export * from './export/export-format';
export { AuditExporter } from './export/audit-exporter';
export { EXPORT_PAGE_SIZE } from './export/export-plan';
export type { EventSelection, EventSelector, ExportPlan } from './export/export-plan';
export type { CheckpointStore, CheckpointTimestamp, StoredCheckpoint } from './checkpoint/checkpoint-store';
export type { CheckpointTsa } from './checkpoint/checkpoint-timestamp';
export { parseTsaCertificate } from './transparency/tsa-certificate';
export { SqlCheckpointStore, type CheckpointDialect } from './checkpoint/sql-checkpoint-store';
export { refusePostgresChanges, refuseSqliteChanges, withPostgresTableLock } from './checkpoint/append-only-table';
export { Checkpointer, type CheckpointerOptions } from './checkpoint/checkpointer';
export { CheckpointRefusedError, type CheckpointRefusal } from './checkpoint/checkpoint-refused-error';
export type { CosignatureStore, StoredCosignature } from './checkpoint/cosignature-store';
export { SqlCosignatureStore } from './checkpoint/sql-cosignature-store';
export { CosignedCheckpoints, type CosignedCheckpoint, type LatestCosigned } from './checkpoint/cosigned-checkpoints';
export { WitnessCosignatures, type AcceptedCosignatures } from './checkpoint/witness-cosignatures';
export { CosignatureRefusedError, type CosignatureRefusal } from './checkpoint/cosignature-refused-error';
export { CheckpointSchedule, type CheckpointScheduleOptions } from './checkpoint/checkpoint-schedule';
export { defaultLogOrigin, isLogOrigin } from './checkpoint/log-origin';
export {
  ProofRequestError,
  consistencyProofOf,
  inclusionProofOf,
  type ConsistencyProof,
  type InclusionProof,
} from './checkpoint/log-proofs';
export { AuditVerifier } from './live/audit-verifier';
export type { AuditProblem, AuditReport } from './live/audit-report';
export {
  verifyExport,
  type ExportVerification,
  type VerifyExportInput,
  type VerifyExportOptions,
} from './verify/verify-export';
export { readTrustAnchors, type TrustAnchors, type TrustOptionsInput } from './verify/trust-options';
export type { TrustCheck, TrustFinding } from './verify/trust-finding';
export type { ExportProblem, ExportProblemCode } from './verify/export-problem';
export type { KeySource } from './verify/trusted-key';
export {
  cosignatureSigner,
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatSignatureLine,
  formatVerifierKey,
  MAX_NOTE_SIGNATURES,
  openCheckpoint,
  parseNote,
  parseVerifierKey,
  signCheckpoint,
  signText,
  SignatureType,
  type NoteVerifier,
  type NoteSigner,
} from './transparency';
export { fileErrorInWords, isSystemError } from './file-error';
