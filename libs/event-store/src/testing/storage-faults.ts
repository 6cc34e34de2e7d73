// Test support: real storage faults from the operating system, not mocks. A file system that fills up (a tmpfs of a
// few megabytes) and a directory that cannot be written (a read-only bind mount, or without root its mode 0500).
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TinyFileSystem {
  /** The mount point, empty at first. */
  readonly dir: string;
  /** Fills what space is left with a file, until the file system refuses a single block (ENOSPC). */
  fill(): void;
  /** Removes that file: the space is free again. */
  free(): void;
  /** Unmounts the file system and removes its mount point. */
  remove(): void;
}

const FILLER = '.filler';

function mountOrReason(args: readonly string[]): string | undefined {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `mount ${args.join(' ')} failed (it needs root): ${stderr || (error as Error).message}`;
  }
}

/** A tmpfs of `megabytes` mounted on a fresh directory, or the reason it cannot be (mounting needs root). */
export function mountTinyFileSystem(megabytes: number): TinyFileSystem | string {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-tiny-fs-'));
  const refused = mountOrReason(['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir]);
  if (refused !== undefined) {
    rmdirSync(dir);
    return refused;
  }
  const filler = join(dir, FILLER);
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      try {
        // Large writes first, then single blocks: the file system ends with no block free.
        for (const size of [1 << 20, 4096, 512]) {
          const chunk = Buffer.alloc(size, 1);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    remove: () => {
      execFileSync('umount', ['-l', dir]);
      rmdirSync(dir);
    },
  };
}

/**
 * Makes `dir` impossible to write in, and returns what undoes it. As root, whom modes do not stop, by mounting it
 * read-only on itself (EROFS); otherwise by its mode, 0500 (EACCES).
 */
export function makeReadOnly(dir: string): () => void {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) {
    chmodSync(dir, 0o500);
    return () => chmodSync(dir, 0o700);
  }
  for (const args of [
    ['--bind', dir, dir],
    ['-o', 'remount,bind,ro', dir],
  ]) {
    const refused = mountOrReason(args);
    if (refused !== undefined) throw new Error(refused);
  }
  return () => execFileSync('umount', [dir]);
}
