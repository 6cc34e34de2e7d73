import { ConsoleLogger } from '@nestjs/common';
import { ConfigError } from '@portfolio/application';
import { EventStoreError, PostgresUnreachableError } from '@portfolio/event-store';

/**
 * Errors that say what the operator must fix (a variable, a store that cannot be opened: a read-only data directory,
 * a full disk, a file that is not a database, a server out of reach; a file of the data directory that cannot be
 * written): a line naming it, not a stack.
 */
export function isOperatorError(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof EventStoreError ||
    error instanceof PostgresUnreachableError ||
    isFileSystemError(error)
  );
}

/** Node's message of a failed file-system call names the cause, the call and the path: `EROFS: ..., open '/data/x'`. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  return error instanceof Error && typeof syscall === 'string' && typeof path === 'string';
}

/**
 * Nest's console logger, except that it leaves the operator's errors that stop the start (which Nest logs with their
 * stack before rethrowing them) to main.ts, which prints them in one line.
 */
export class ServiceLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (isOperatorError(message)) return;
    super.error(message, ...rest);
  }
}
