import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { LogTreeBuilder, type LogTree } from '../merkle/log-tree';
import { verifyConsistency } from '../merkle/merkle-proofs';
import { hashInSlices } from '../merkle/hash-in-slices';
import { EMPTY_ROOT } from '../merkle/tree-hash';
import { signCheckpoint } from '../transparency/checkpoint-note';
import { ed25519NoteSigner } from '../transparency/ed25519-note-key';
import { SignatureType } from '../transparency/note-key';
import type { NoteSigner } from '../transparency/sign-note';
import { formatVerifierKey } from '../transparency/verifier-key';
import { CheckpointRefusedError, type CheckpointRefusal } from './checkpoint-refused-error';
import type { CheckpointStore, StoredCheckpoint } from './checkpoint-store';
import { timestampCheckpoint, type CheckpointTsa } from './checkpoint-timestamp';

export interface CheckpointerOptions {
  /** The checkpoints' origin line, and the name of the key that signs them. */
  readonly origin: string;
  /** The instance's Ed25519 key. */
  readonly key: KeyObject;
  readonly now: () => Date;
  readonly log?: (message: string) => void;
  /** When given, each checkpoint signed is time-stamped by this TSA before it is stored. */
  readonly tsa?: CheckpointTsa;
}

/**
 * Signs checkpoints of the whole log (C2SP tlog-checkpoint in a signed note), each only once proved consistent with
 * the latest stored one. It keeps the tree of the log read so far and reads only what came after; once the log no
 * longer extends a signed checkpoint it signs nothing more, and keeps the reason as its `problem`.
 */
export class Checkpointer {
  private readonly leaves = new LogTreeBuilder();
  private tree: LogTree = new LogTreeBuilder().build();
  private treePosition = 0n;
  private refusal: CheckpointRefusedError | undefined;
  private readonly signer: NoteSigner;
  // One tree, extended in place: one reader at a time.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    readonly checkpoints: CheckpointStore,
    private readonly options: CheckpointerOptions,
  ) {
    this.signer = ed25519NoteSigner(options.origin, options.key);
  }

  get origin(): string {
    return this.options.origin;
  }

  /** The C2SP verifier key of its checkpoints, named after the origin. */
  get verifierKey(): string {
    return formatVerifierKey(this.options.origin, SignatureType.ed25519, this.options.key);
  }

  /** Why it refuses to sign, once it does. */
  get problem(): CheckpointRefusedError | undefined {
    return this.refusal;
  }

  /** The tree of the log as last read: the leaves it signed, even if the stored log has changed since. */
  get signedTree(): LogTree {
    return this.tree;
  }

  /**
   * Reads the log and checks that it extends the latest stored checkpoint, before anything is signed. An abort stops
   * the read between two turns of the event loop (a shutdown need not wait for a long log); the next read goes on.
   */
  start(signal?: AbortSignal): Promise<void> {
    return this.serially(async () => {
      const latest = await this.checkpoints.latest();
      await this.catchUp(signal);
      await this.checkExtends(latest);
    });
  }

  /** The tree of the log up to its head now. */
  currentTree(): Promise<LogTree> {
    return this.serially(() => this.catchUp());
  }

  /**
   * Signs and stores a checkpoint of the log up to its head, or returns undefined when the latest stored checkpoint
   * already covers it (or the log is empty). Throws CheckpointRefusedError when the log no longer extends the latest checkpoint.
   */
  checkpoint(): Promise<StoredCheckpoint | undefined> {
    return this.serially(async () => {
      if (this.refusal !== undefined) throw this.refusal;
      // The latest checkpoint first, the head after: another process (a CLI export) may sign one in between, and a
      // checkpoint stored before the head was read cannot be ahead of an honest log.
      const latest = await this.checkpoints.latest();
      const tree = await this.catchUp();
      await this.checkExtends(latest);
      // Nothing new to vouch for: the latest checkpoint covers the log, or the log is empty.
      if (tree.tree.size === (latest?.treeSize ?? 0)) return undefined;
      const root = tree.tree.root();
      const checkpoint = { origin: this.options.origin, size: tree.tree.size, root };
      const note = signCheckpoint(checkpoint, [this.signer]);
      const signedAt = this.options.now().toISOString();
      const { tsa, log = () => undefined } = this.options;
      const timestamp = tsa === undefined ? undefined : await timestampCheckpoint(tsa, checkpoint, log);
      return this.checkpoints.append({
        treeSize: tree.tree.size,
        position: this.treePosition,
        root,
        note,
        signedAt,
        ...(timestamp === undefined ? {} : { timestamp }),
      });
    });
  }

  /**
   * The signed checkpoint of the whole log up to its head now, with a tree holding at least its leaves: the one just
   * signed, or the latest stored when it already covers the head. An empty log gets a checkpoint of size 0, signed
   * but not stored (it vouches for nothing another could contradict). Throws CheckpointRefusedError as `checkpoint`.
   */
  async checkpointHead(): Promise<{ readonly checkpoint: StoredCheckpoint; readonly tree: LogTree }> {
    const checkpoint = (await this.checkpoint()) ?? (await this.checkpoints.latest()) ?? this.emptyCheckpoint();
    // Another process may have stored a later checkpoint since: read the log up to it.
    const tree = checkpoint.treeSize <= this.tree.tree.size ? this.tree : await this.currentTree();
    if (checkpoint.treeSize > tree.tree.size) {
      throw this.refuse(
        'log_truncated',
        `the log holds ${tree.tree.size} events, fewer than its latest checkpoint's ${checkpoint.treeSize}`,
      );
    }
    return { checkpoint, tree };
  }

  private emptyCheckpoint(): StoredCheckpoint {
    const checkpoint = { origin: this.options.origin, size: 0, root: EMPTY_ROOT };
    const signedAt = this.options.now().toISOString();
    return { treeSize: 0, position: 0n, root: EMPTY_ROOT, note: signCheckpoint(checkpoint, [this.signer]), signedAt };
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const running = this.queue.then(work);
    this.queue = running.catch(() => undefined);
    return running;
  }

  private async catchUp(signal?: AbortSignal): Promise<LogTree> {
    const head = await this.store.head();
    if (head < this.treePosition) {
      throw this.refuse(
        'log_truncated',
        `the log's head is at position ${head}, before position ${this.treePosition} already read and signed`,
      );
    }
    if (head === this.treePosition) return this.tree;
    // At start this reads and hashes the whole log, its positions and hashes only (the tree needs no payload): the
    // store's read and the hashing hand the event loop back, so the service answers meanwhile (checkpoints wait,
    // requests do not).
    const readBefore = this.tree.tree.size;
    try {
      for await (const event of this.store.readHashes({ after: this.treePosition, to: head })) {
        this.leaves.append(event);
        this.treePosition = event.position;
        signal?.throwIfAborted();
      }
    } finally {
      // The tree always holds exactly the leaves read up to treePosition, even when the read stops half way.
      this.tree = this.leaves.build();
    }
    await hashInSlices(this.tree.tree, readBefore);
    return this.tree;
  }

  /** Proves the log as read consistent with the stored checkpoint, with the proof a client would check. */
  private async checkExtends(latest: StoredCheckpoint | undefined): Promise<void> {
    if (latest === undefined) return;
    const { tree } = this.tree;
    if (latest.treeSize > tree.size) {
      throw this.refuse(
        'log_truncated',
        `the log holds ${tree.size} events, fewer than the ${latest.treeSize} of the checkpoint signed at ${latest.signedAt} (up to position ${latest.position})`,
      );
    }
    const proof = tree.consistencyProof(latest.treeSize, tree.size);
    if (!verifyConsistency(latest.treeSize, tree.size, latest.root, tree.root(), proof)) {
      throw this.refuse(
        'checkpoint_mismatch',
        `the log no longer extends the checkpoint of size ${latest.treeSize} signed at ${latest.signedAt}: its first ${latest.treeSize} events have root ${tree.root(latest.treeSize)}, not ${latest.root}`,
      );
    }
  }

  private refuse(code: CheckpointRefusal, message: string): CheckpointRefusedError {
    this.refusal ??= new CheckpointRefusedError(code, message);
    this.options.log?.(`signing no more checkpoints: ${message}`);
    return this.refusal;
  }
}
