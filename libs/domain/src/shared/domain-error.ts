/** How a refusal reads from outside: bad input, unknown target, clash with recorded facts, or a broken business rule. */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'rule';

/** The command is malformed whatever the history (HTTP 400). */
export const INVALID_INPUT_CODES = [
  'invalid_type',
  'required',
  'too_long',
  'invalid_characters',
  'invalid_id',
  'invalid_mission_code',
  'invalid_date',
  'invalid_number',
  'invalid_choice',
  'invalid_format',
  'invalid_territory',
  'duplicate_id',
  'conflicting_changes',
  'batch_empty',
  'batch_too_large',
] as const;
export type InvalidInputCode = (typeof INVALID_INPUT_CODES)[number];

/** The command names something the history does not hold (HTTP 404). */
export const NOT_FOUND_CODES = [
  'mission_not_found',
  'project_not_found',
  'milestone_not_found',
  'indicator_not_found',
] as const;
export type NotFoundCode = (typeof NOT_FOUND_CODES)[number];

/** The command clashes with what has already happened (HTTP 409). */
export const CONFLICT_CODES = [
  'mission_already_defined',
  'already_launched',
  'milestone_already_reached',
  'project_closed',
  'review_cycle_already_held',
  'milestone_id_taken',
  'indicator_id_taken',
  'plan_mismatch',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/** The command is well-formed and its targets exist, but a business rule refuses it (HTTP 422). */
export const RULE_CODES = [
  'date_in_future',
  'period_too_far_ahead',
  'date_before_launch',
  'target_not_after_baseline',
  'target_without_baseline',
  'target_without_direction',
  'annual_target_without_target',
  'indicator_not_targeted',
  'target_against_direction',
  'indicator_retired',
  'nothing_to_change',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** Stable machine name of a refusal, for clients to branch on; the message is for people. */
export type DomainErrorCode = InvalidInputCode | NotFoundCode | ConflictCode | RuleCode;

/** Every code of every kind, for what must cover them all (the API's texts for people). */
export const DOMAIN_ERROR_CODES: Readonly<{ [Kind in DomainErrorKind]: readonly CodesOfKind[Kind][] }> = {
  invalid: INVALID_INPUT_CODES,
  not_found: NOT_FOUND_CODES,
  conflict: CONFLICT_CODES,
  rule: RULE_CODES,
};

/**
 * The values a refusal's message quotes (the refused value, a bound, a date, an id), by name, so that the refusal can
 * be told in another language than its message's.
 */
export type RefusalFacts = Readonly<Record<string, string | number>>;

/** A command refused by the domain: nothing is to be appended. */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly code: DomainErrorCode;

  /** @param path the offending field when there is one, e.g. `milestones[2].dueOn`. */
  protected constructor(
    message: string,
    readonly path?: string,
    readonly facts: RefusalFacts = {},
  ) {
    super(message);
  }
}

interface CodesOfKind {
  readonly invalid: InvalidInputCode;
  readonly not_found: NotFoundCode;
  readonly conflict: ConflictCode;
  readonly rule: RuleCode;
}

/** The class of one kind of refusal: its codes, and its own name for logs and stack traces. */
function refusal<Kind extends DomainErrorKind>(kind: Kind, name: string) {
  return class extends DomainError {
    override readonly name = name;
    readonly kind: Kind = kind;

    constructor(
      readonly code: CodesOfKind[Kind],
      message: string,
      path?: string,
      facts?: RefusalFacts,
    ) {
      super(message, path, facts);
    }
  };
}

/** Refusal of a malformed command (kind `invalid`). */
export const InvalidInputError = refusal('invalid', 'InvalidInputError');
export type InvalidInputError = InstanceType<typeof InvalidInputError>;

/** Refusal of a command naming what the history does not hold (kind `not_found`). */
export const NotFoundError = refusal('not_found', 'NotFoundError');
export type NotFoundError = InstanceType<typeof NotFoundError>;

/** Refusal of a command clashing with what has already happened (kind `conflict`). */
export const ConflictError = refusal('conflict', 'ConflictError');
export type ConflictError = InstanceType<typeof ConflictError>;

/** Refusal of a command by a business rule (kind `rule`). */
export const RuleViolationError = refusal('rule', 'RuleViolationError');
export type RuleViolationError = InstanceType<typeof RuleViolationError>;
