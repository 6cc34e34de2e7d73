// Why a file someone named cannot be used, in words: "no such file", not "ENOENT: no such file or directory, open 'x'".
import { types } from 'node:util';

const IN_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file or folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied (see its mode and owner, and those of its folders)',
  EPERM: 'permission denied (see its mode and owner, and those of its folders)',
  EEXIST: 'it already exists',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'its name is too long',
  ELOOP: 'its path loops through symbolic links',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
};

/** The cause of a failed file operation in words; any other error's own message. */
export function fileErrorInWords(error: unknown): string {
  if (!isError(error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && Object.hasOwn(IN_WORDS, code)) return IN_WORDS[code];
  // Node's own form of the others: `CODE: what, syscall 'path'`, of which only "what" is for people.
  return error.message.replace(/^[A-Z][A-Z0-9_]+: /, '').replace(/, [a-z]+ '[^']*'( -> '[^']*')?$/, '');
}

/** A failed system call: a file opened, read or written (its `path` is given, unless it was a read of an open file). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { syscall, code } = (error ?? {}) as NodeJS.ErrnoException;
  return isError(error) && typeof syscall === 'string' && typeof code === 'string';
}

/** An Error of any realm: Node's own file errors are not instances of the Error of a test's sandbox. */
function isError(error: unknown): error is Error {
  return error instanceof Error || types.isNativeError(error);
}
