import type { KeyObject } from 'node:crypto';
import type { CheckpointRefusedError } from '../checkpoint/checkpoint-refused-error';
import type { CheckpointStore, StoredCheckpoint } from '../checkpoint/checkpoint-store';
import type { LogTree } from '../merkle/log-tree';
import { openCheckpoint } from '../transparency/checkpoint-note';
import { ed25519NoteVerifier } from '../transparency/ed25519-note-key';
import { NoteError } from '../transparency/note-error';
import { SignatureType } from '../transparency/note-key';
import { formatVerifierKey } from '../transparency/verifier-key';
import type { AuditProblem } from './audit-report';

// The log as stored now against every checkpoint signed of it: a checkpoint's root must be the root of the log's first
// `size` events. Each checkpoint matching the log also proves them consistent with one another.

const PAGE = 1000;

/** What the live verifier knows of the checkpoints signed so far: the Checkpointer. */
export interface SignedCheckpoints {
  readonly checkpoints: CheckpointStore;
  /** The tree the running checkpointer signed from: it still holds the signed leaves when the stored log lost them. */
  readonly signedTree: LogTree;
  /** Why the checkpointer stopped signing, if it did. */
  readonly problem: CheckpointRefusedError | undefined;
}

interface Signed {
  readonly size: number;
  readonly root: string;
  readonly stored: StoredCheckpoint;
}

export async function checkCheckpoints(
  log: LogTree,
  signed: SignedCheckpoints,
  key: KeyObject,
): Promise<{ checkpointsChecked: number; problem?: AuditProblem }> {
  let checked = 0;
  let lastMatching: Signed | undefined;
  for (let page = await signed.checkpoints.list(undefined, PAGE); page.length > 0;) {
    for (const stored of page) {
      const opened = openSigned(stored, key);
      if ('problem' in opened) return { checkpointsChecked: checked, problem: opened.problem };
      const problem = compare(log, opened, lastMatching, signed.signedTree);
      if (problem !== undefined) return { checkpointsChecked: checked, problem };
      [lastMatching, checked] = [opened, checked + 1];
    }
    page = await signed.checkpoints.list(page[page.length - 1].treeSize, PAGE);
  }
  const refusal = signed.problem;
  if (refusal === undefined) return { checkpointsChecked: checked };
  const head = log.tree.size === 0 ? 0n : log.positionOf(log.tree.size - 1);
  const problem = {
    code: refusal.code,
    position: head.toString(),
    message: `the checkpointer refuses to sign: ${refusal.message}`,
  };
  return { checkpointsChecked: checked, problem };
}

/** The size and root the note signs (not the stored columns, which nobody signed), once its signature verifies. */
function openSigned(stored: StoredCheckpoint, key: KeyObject): Signed | { problem: AuditProblem } {
  const where = { position: stored.position.toString(), treeSize: stored.treeSize };
  try {
    // Named by the note's own origin: the instance's key signed it under the origin configured then.
    const origin = stored.note.slice(0, stored.note.indexOf('\n'));
    const { checkpoint } = openCheckpoint(
      stored.note,
      ed25519NoteVerifier(formatVerifierKey(origin, SignatureType.ed25519, key)),
    );
    if (checkpoint.size === stored.treeSize && checkpoint.root === stored.root) {
      return { size: checkpoint.size, root: checkpoint.root, stored };
    }
    const message = `the checkpoint stored as size ${stored.treeSize} signs size ${checkpoint.size} with root ${checkpoint.root}`;
    return { problem: { code: 'bad_signature', ...where, message } };
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
    const message = `the checkpoint of size ${stored.treeSize} signed at ${stored.signedAt} does not verify with this instance's key: ${error.message}`;
    return { problem: { code: 'bad_signature', ...where, message } };
  }
}

function compare(
  log: LogTree,
  signed: Signed,
  lastMatching: Signed | undefined,
  signedTree: LogTree,
): AuditProblem | undefined {
  const { size, root, stored } = signed;
  const of = `the checkpoint of size ${size} signed at ${stored.signedAt}`;
  const logSize = log.tree.size;
  const logEnd = logSize === 0 ? 0n : log.positionOf(logSize - 1);
  if (size > logSize) {
    const message = `the log holds ${logSize} events, up to position ${logEnd}, but ${of} covers ${size}, up to position ${stored.position}: leaves ${logSize} to ${size - 1} (positions after ${logEnd} up to ${stored.position}) are missing`;
    return { code: 'log_truncated', position: stored.position.toString(), treeSize: size, message };
  }
  if (log.tree.root(size) === root) return undefined;
  if (signedTree.tree.size >= size && signedTree.tree.root(size) === root) {
    const leaf = firstDifferentLeaf(log, signedTree, size);
    const position = signedTree.positionOf(leaf);
    const message = `the log differs from ${of} first at leaf ${leaf}, position ${position}: the event stored there is not the one signed`;
    return { code: 'checkpoint_mismatch', position: position.toString(), treeSize: size, message };
  }
  const from = lastMatching?.size ?? 0;
  const after = lastMatching?.stored.position ?? 0n;
  const message = `the log differs from ${of} somewhere in leaves ${from} to ${size - 1} (positions after ${after} up to ${stored.position}): its root there is ${log.tree.root(size)}, not ${root}`;
  return { code: 'checkpoint_mismatch', position: log.positionOf(from).toString(), treeSize: size, message };
}

/** The first leaf where two trees differ below `size`: the roots of their prefixes differ from there on. */
function firstDifferentLeaf(log: LogTree, signed: LogTree, size: number): number {
  let [low, high] = [0, size - 1];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (log.tree.root(middle + 1) === signed.tree.root(middle + 1)) low = middle + 1;
    else high = middle;
  }
  return low;
}
