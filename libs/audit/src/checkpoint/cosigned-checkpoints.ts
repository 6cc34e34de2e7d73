import { formatNote, MAX_NOTE_SIGNATURES, parseNote, parseSignatureLine } from '../transparency/signed-note';
import type { CheckpointStore, StoredCheckpoint } from './checkpoint-store';
import type { CosignatureStore, StoredCosignature } from './cosignature-store';

// The checkpoints as served: each signed note with the witnesses' cosignature lines stored for it.

/** A stored checkpoint with the cosignature lines of its witnesses; its `note` stays the one the log signed. */
export interface CosignedCheckpoint extends StoredCheckpoint {
  readonly cosignatures: readonly string[];
}

/** The latest checkpoint witnesses cosigned, as one note carrying the log's signature and theirs. */
export interface LatestCosigned {
  latestCosigned(): Promise<{ readonly treeSize: number; readonly note: string } | undefined>;
}

/** How many cosignatures a checkpoint note may still carry beside the log's own signatures. */
export function cosignatureRoom(note: string): number {
  return MAX_NOTE_SIGNATURES - parseNote(note).signatures.length;
}

/** The log's note with the cosignature lines after its own signatures (as many as fit): still a valid signed note. */
export function withCosignatures(note: string, lines: readonly string[]): string {
  if (lines.length === 0) return note;
  const { text, signatures } = parseNote(note);
  // Intake keeps within the bound, but two witnesses handed in at once may both have seen room for one more.
  const room = MAX_NOTE_SIGNATURES - signatures.length;
  return formatNote({ text, signatures: [...signatures, ...lines.slice(0, room).map(parseSignatureLine)] });
}

export class CosignedCheckpoints implements LatestCosigned {
  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly cosignatures: CosignatureStore,
  ) {}

  /** The latest checkpoint's note with its cosignatures, or undefined before the first checkpoint. */
  async latestNote(): Promise<string | undefined> {
    const latest = await this.checkpoints.latest();
    if (latest === undefined) return undefined;
    return withCosignatures(latest.note, await this.linesOf(latest.treeSize));
  }

  /** Checkpoints of size above `after`, smallest first, each with its cosignature lines. */
  async list(after: number | undefined, limit: number): Promise<CosignedCheckpoint[]> {
    const page = await this.checkpoints.list(after, limit);
    const cosignatures = await this.cosignatures.of(page.map((checkpoint) => checkpoint.treeSize));
    return page.map((checkpoint) => ({
      ...checkpoint,
      cosignatures: linesAt(cosignatures, checkpoint.treeSize),
    }));
  }

  async latestCosigned(): Promise<{ treeSize: number; note: string } | undefined> {
    const treeSize = await this.cosignatures.latestCosignedSize();
    if (treeSize === undefined) return undefined;
    const checkpoint = await this.checkpoints.at(treeSize);
    // Cosignatures are stored only for checkpoints stored before them, and neither table loses rows.
    if (checkpoint === undefined) throw new Error(`cosignatures of size ${treeSize} have no checkpoint`);
    return { treeSize, note: withCosignatures(checkpoint.note, await this.linesOf(treeSize)) };
  }

  private async linesOf(treeSize: number): Promise<string[]> {
    return linesAt(await this.cosignatures.of([treeSize]), treeSize);
  }
}

function linesAt(cosignatures: readonly StoredCosignature[], treeSize: number): string[] {
  return cosignatures.filter((cosignature) => cosignature.treeSize === treeSize).map(({ line }) => line);
}
