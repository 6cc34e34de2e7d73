/** manifest.json of an export bundle: what an auditor needs to verify it offline, with only the public key. */
export interface ExportManifest {
  readonly format: 'portfolio-ledger/export/v1';
  readonly exportedAt: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly filtered: boolean;
  readonly eventCount: number;
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>;
  /** Per stream, the revision of its first exported event and the hash that event chains to. */
  readonly chainAnchors: Record<string, { readonly revision: string; readonly prevHash: string }>;
  readonly publicKey: { readonly algorithm: 'Ed25519'; readonly pem: string; readonly fingerprint: string };
  readonly seals: readonly {
    readonly cycleId: string;
    readonly heldOn: string;
    readonly sealedPosition: string;
    readonly eventCount: number;
    readonly merkleRoot: string;
    readonly signature: string;
    readonly position: string;
  }[];
  readonly consistencyProofs: readonly {
    readonly fromCycleId: string;
    readonly toCycleId: string;
    readonly fromSize: number;
    readonly toSize: number;
    readonly proof: readonly string[];
  }[];
  readonly inclusionProofs: readonly {
    readonly position: string;
    readonly leafIndex: number;
    readonly cycleId: string;
    readonly treeSize: number;
    readonly proof: readonly string[];
  }[];
}
