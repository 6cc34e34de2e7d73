// The append-only store of the witnesses' cosignatures of the log's checkpoints, beside the checkpoints themselves.

/** One witness's cosignature of one stored checkpoint, as stored once verified. */
export interface StoredCosignature {
  /** The size of the checkpoint it cosigns. */
  readonly treeSize: number;
  /** The witness key's name, as on its signature line. */
  readonly witness: string;
  /** The witness key's ID (C2SP signed-note, signature type 0x04), a 32-bit unsigned integer. */
  readonly keyId: number;
  /** The signature line `— <name> <base64>` as the witness made it, without its newline. */
  readonly line: string;
  /** When the witness says it cosigned: the time inside the cosignature. */
  readonly cosignedAt: string;
  /** When this instance stored it. */
  readonly receivedAt: string;
}

export interface CosignatureStore {
  /** Stores the cosignature; one already stored for the same checkpoint and key ID is kept, and returned instead. */
  add(cosignature: StoredCosignature): Promise<StoredCosignature>;
  /** The cosignatures of the checkpoints of these sizes, by size, then by the time received, then by key ID. */
  of(treeSizes: readonly number[]): Promise<StoredCosignature[]>;
  /** The size of the largest checkpoint that has a cosignature. */
  latestCosignedSize(): Promise<number | undefined>;
}
