import { formatCheckpoint, type Checkpoint } from '../transparency/checkpoint';
import { obtainTimestamp } from '../transparency/timestamp-client';
import type { CheckpointTimestamp } from './checkpoint-store';

// A checkpoint's RFC 3161 time-stamp: a TSA's word that its note text existed then, whatever the log's clock said.

/** The time-stamping authority that time-stamps each signed checkpoint. */
export interface CheckpointTsa {
  readonly url: string;
  /** Its certificate, PEM: each token is checked against it before it is stored. */
  readonly certificate: string;
  /** How long to wait for its reply; 10 s by default. */
  readonly timeoutMs?: number;
}

const DEFAULT_TSA_TIMEOUT_MS = 10_000;

/**
 * Time-stamps the checkpoint's note text (without signature lines, as cosignatures sign it), or returns undefined and
 * logs why when the TSA does not answer or its token does not verify: a checkpoint is never held back by its TSA.
 */
export async function timestampCheckpoint(
  tsa: CheckpointTsa,
  checkpoint: Checkpoint,
  log: (message: string) => void,
): Promise<CheckpointTimestamp | undefined> {
  const text = Buffer.from(formatCheckpoint(checkpoint));
  try {
    const { token, genTime } = await obtainTimestamp(tsa.url, text, {
      tsaCertificate: tsa.certificate,
      timeoutMs: tsa.timeoutMs ?? DEFAULT_TSA_TIMEOUT_MS,
    });
    return { token, genTime: genTime.toISOString() };
  } catch (error) {
    log(`checkpoint of size ${checkpoint.size} stored without a time-stamp: ${(error as Error).message}`);
    return undefined;
  }
}
