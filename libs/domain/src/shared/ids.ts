/** Lowercase slug naming a project, milestone, indicator or review cycle: 2 to 64 of a-z, 0-9 and '-', not starting with '-'. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** Uppercase code naming a mission, e.g. IDNUM: 2 to 32 of A-Z, 0-9, '_' and '-', starting with a letter. */
export const MISSION_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,31}$/;

/** Code naming a Tech.gouv mission, e.g. `IDNUM`, `DATA`, `INFRA`. */
export type MissionCode = string;

/** Slug naming a project for its whole life, e.g. `franceconnect`. */
export type ProjectId = string;

/** Slug naming a milestone within its project, e.g. `franceconnect-plus`. */
export type MilestoneId = string;

/** Slug naming an indicator within its project, e.g. `comptes-actifs`. */
export type IndicatorId = string;

/** Slug naming a CITP review cycle, e.g. `citp-2021-07`. */
export type ReviewCycleId = string;
