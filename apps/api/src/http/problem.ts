import type { StorageFault } from '@portfolio/event-store';

/** One field-level complaint of a 400 or 422: where (`milestones[2].dueOn`) and what. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Where the storage failed and how (disk full, read-only ...): the path or the server, never credentials. */
export interface StorageFaultMembers {
  readonly cause: StorageFault;
  readonly where: string;
}

/**
 * An RFC 9457 problem details body, with a stable machine `code` and, for validation, the fields at fault; for
 * storage that cannot be written, its fault.
 */
export interface ProblemDocument extends Partial<StorageFaultMembers> {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: { instance?: string; errors?: readonly FieldError[]; storage?: StorageFaultMembers } = {},
): ProblemDocument {
  return {
    type: `urn:portfolio-ledger:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    code,
    ...(extra.errors === undefined ? {} : { errors: extra.errors }),
    ...extra.storage,
  };
}
