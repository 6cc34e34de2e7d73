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
