import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LineBatch } from './line-batches';
import type { PreparedLines, PreparePlan } from './prepared-line';

// Worker threads that prepare batches of lines in parallel: each answers its batches in the order it got them.

// What a worker prepares dies young: a small young generation is collected often and cheaply, and keeps each
// worker's share of the verifier's memory (bounded at 256 MB for exports of millions of events) small.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

interface Pending {
  readonly resolve: (prepared: PreparedLines) => void;
  readonly reject: (error: Error) => void;
}

class LineWorker {
  private readonly worker: Worker;
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;

  constructor(plan: PreparePlan) {
    // Compiled, the worker is JavaScript; run from the sources (tests, tsx), it is TypeScript, which tsx loads.
    const file = join(__dirname, `line-worker${extname(__filename)}`);
    const options = { workerData: plan, resourceLimits: WORKER_LIMITS };
    this.worker = file.endsWith('.ts')
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { ...options, eval: true })
      : new Worker(file, options);
    this.worker.on('message', (prepared: PreparedLines) => this.pending.shift()?.resolve(received(prepared)));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a verifier worker stopped (exit code ${code})`)));
  }

  /** Batches given and not yet answered. */
  get queued(): number {
    return this.pending.length;
  }

  prepare(batch: LineBatch): Promise<PreparedLines> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    // A copy of its own, handed over rather than copied again: the batch may share memory with the file's chunks.
    const bytes = new Uint8Array(batch.bytes);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage({ bytes, cut: batch.cut }, [bytes.buffer]);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.splice(0)) pending.reject(error);
  }
}

/** A worker's answer as prepared: its buffers arrive as plain Uint8Arrays, made Buffers again (no copy). */
function received({ lines, csvRows, leafHashes }: PreparedLines): PreparedLines {
  return {
    lines,
    ...(csvRows === undefined ? {} : { csvRows: asBuffer(csvRows) }),
    ...(leafHashes === undefined ? {} : { leafHashes: asBuffer(leafHashes) }),
  };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** `size` workers, each answering its batches in the order it got them. */
export class LinePool {
  private readonly workers: LineWorker[];

  constructor(size: number, plan: PreparePlan) {
    this.workers = Array.from({ length: size }, () => new LineWorker(plan));
  }

  /** Whether every worker already has `depth` batches waiting: another would only wait in line. */
  busy(depth: number): boolean {
    return this.workers.every((worker) => worker.queued >= depth);
  }

  /** Gives the batch to the worker with the fewest waiting. */
  prepare(batch: LineBatch): Promise<PreparedLines> {
    const idlest = this.workers.reduce((a, b) => (b.queued < a.queued ? b : a));
    return idlest.prepare(batch);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
