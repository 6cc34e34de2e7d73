import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';

// The witness's memory: the last checkpoint it cosigned, so that it never cosigns a rewound or forked log.

export interface WitnessState {
  readonly size: number;
  /** 64 lowercase hex digits. */
  readonly root: string;
  /** The log's note as it was cosigned. */
  readonly note: string;
}

/** The state saved at `path`, or undefined before the first cosignature. */
export async function readWitnessState(path: string): Promise<WitnessState | undefined> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const state = JSON.parse(content) as WitnessState;
  if (!Number.isSafeInteger(state.size) || typeof state.root !== 'string' || typeof state.note !== 'string') {
    throw new Error(`the state file ${path} is not a witness state`);
  }
  return state;
}

/** Writes the state beside its place then renames it there: a crash leaves the old state or the new, never half. */
export async function writeWitnessState(path: string, state: WitnessState): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, path);
}
