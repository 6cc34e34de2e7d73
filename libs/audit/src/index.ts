export {
  MerkleAccumulator,
  MerkleTree,
  MerkleTreeBuilder,
  consistencyProof,
  inclusionProof,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
export { sealStatement, signSeal, verifySeal, type SealFields } from './seal';
export {
  SIGNING_KEY_FILE,
  generateSigningKey,
  loadOrCreateSigningKey,
  publicKeyFingerprint,
  publicKeyPem,
  sign,
  signingKeyFromPem,
  signingKeyToPem,
  verifySignature,
  type LoadedSigningKey,
} from './signing';
export * from './export/event-csv';
export * from './export/table-schema';
export * from './export-format';
export {
  verifyExport,
  type ExportVerification,
  type VerifyExportInput,
  type VerifyExportOptions,
} from './verify/verify-export';
export type { ExportProblem, ExportProblemCode } from './verify/export-problem';
export type { KeySource } from './verify/trusted-key';
