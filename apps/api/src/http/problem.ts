import type { StorageFault } from '@portfolio/event-store';
import type { Language, Localised } from '@portfolio/read-models';
import { problemTitle } from './problem-titles';

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
 * storage that cannot be written, its fault. Its title and detail are in the language negotiated for the response.
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

export function problem(
  status: number,
  code: string,
  detail: Localised,
  language: Language,
  extra: { instance?: string; errors?: readonly FieldError[]; storage?: StorageFaultMembers } = {},
): ProblemDocument {
  return {
    type: `urn:portfolio-ledger:problem:${code}`,
    title: problemTitle(status, language),
    status,
    detail: detail[language],
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    code,
    ...(extra.errors === undefined ? {} : { errors: extra.errors }),
    ...extra.storage,
  };
}
