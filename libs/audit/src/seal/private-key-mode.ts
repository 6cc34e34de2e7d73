import { chmod, stat } from 'node:fs/promises';

// A seal key that group or others can read lets them sign seals in the ledger's name: it is made owner-only, or refused.

const GROUP_OR_OTHERS = 0o077;
const OWNER_ONLY = 0o600;

/**
 * Makes a key file readable and writable by its owner only. Returns the looser mode it had, for the caller to log;
 * throws when it cannot be changed (a read-only mount, a file of another user) rather than use a key others can read.
 */
export async function makeKeyFilePrivate(path: string): Promise<number | undefined> {
  // Windows has no POSIX modes to check: its ACLs are the deployment's business.
  if (process.platform === 'win32') return undefined;
  const mode = (await stat(path)).mode & 0o777;
  if ((mode & GROUP_OR_OTHERS) === 0) return undefined;
  try {
    await chmod(path, OWNER_ONLY);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      `the seal signing key ${path} is open to group or others (mode 0${mode.toString(8)}) and cannot be made private ` +
        `(${reason}): make it owner-only where it is stored (chmod 600)`,
    );
  }
  return mode;
}
