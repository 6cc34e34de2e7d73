// The KurrentDB client's errors as the store reads them: a server out of reach for a moment, a lost race, a missing stream.
import { ErrorType, isCommandError } from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from '../errors';

const UNAVAILABLE: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.NOT_LEADER,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
]);

/** The client's error type (`ErrorType`), or undefined for any other error. */
function commandErrorType(error: unknown): string | undefined {
  return error instanceof Error && isCommandError(error) ? error.type : undefined;
}

export function isUnavailable(error: unknown): boolean {
  return UNAVAILABLE.has(commandErrorType(error) ?? '');
}

export function isWrongExpectedVersion(error: unknown): boolean {
  return commandErrorType(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isStreamNotFound(error: unknown): boolean {
  return commandErrorType(error) === ErrorType.STREAM_NOT_FOUND;
}

/** The server(s) of a connection string, without credentials nor options: what an error message may name. */
export function describeKurrentDb(connectionString: string): string {
  return `KurrentDB at ${connectionString.replace(/\/\/[^?]*@/, '//').split('?')[0]}`;
}

/** `error` as StoreUnavailableError naming the server when it is out of reach, else as it is. */
export function translate(error: unknown, server: string): unknown {
  return isUnavailable(error) ? new StoreUnavailableError('unreachable', server, error) : error;
}
