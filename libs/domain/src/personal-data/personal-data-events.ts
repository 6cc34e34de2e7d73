import type { IsoDate } from '../shared/iso-date';

/** Why keys were deleted: an administrator erased one subject, or the retention schedule erased their old months. */
export type ErasureScope = 'subject' | 'retention';

/**
 * A data subject's personal data was erased by deleting their keys (crypto-shredding). It names the subject by the
 * pseudonymous actor id every event already carries in clear, never by name: the hashed log proves the erasure
 * happened without holding what was erased.
 */
export interface PersonalDataErased {
  readonly type: 'PersonalDataErased';
  readonly data: {
    readonly subjectId: string;
    readonly scope: ErasureScope;
    /** Retention: the months before this one (YYYY-MM) were erased. Absent when the subject asked. */
    readonly before?: string;
    readonly reason: string;
    readonly erasedOn: IsoDate;
    /** The months (YYYY-MM) whose keys were deleted, oldest first. */
    readonly periods: readonly string[];
    /** The deleted keys' ids, as the log's envelopes name them: what a retry deletes if the first try stopped short. */
    readonly keyIds: readonly string[];
  };
}

/** Every event of the `personal-data` stream. */
export type PersonalDataEvent = PersonalDataErased;
