import type { DecisionContext } from '../shared/decision-context';
import { ConflictError, InvalidInputError } from '../shared/domain-error';
import type { ReviewCycleId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { SHORT_TEXT } from '../shared/text-characters';
import { quoted, requireFactDate, requirePattern, requireSlug, requireText } from '../shared/validation';
import type { LogSeal, ReviewCycleHeld } from './review-cycle-events';
import type { ReviewCycleState } from './review-cycle-state';

/** Programme office: hold a CITP review, which seals the history known when it is held. */
export interface HoldReviewCycle {
  readonly type: 'HoldReviewCycle';
  readonly cycleId: ReviewCycleId;
  readonly title: string;
  readonly heldOn: IsoDate;
}

/** A review cycle is decided on the day and on the seal of the log, both facts from outside the domain. */
export interface SealedDecisionContext extends DecisionContext {
  readonly seal: LogSeal;
}

// A store position is an unsigned 64-bit integer written in decimal (at most 20 digits).
const POSITION_PATTERN = /^(0|[1-9][0-9]{0,19})$/;
const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4}){1,256}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decideHoldReviewCycle(
  state: ReviewCycleState,
  command: HoldReviewCycle,
  context: SealedDecisionContext,
): readonly ReviewCycleHeld[] {
  const { seal } = context;
  const cycleId = requireSlug(command.cycleId, 'cycleId');
  const title = requireText(command.title, 'title', SHORT_TEXT);
  const heldOn = requireFactDate(command.heldOn, 'heldOn', context.today);
  // The sealer is ours, but a malformed seal would make the record unverifiable: it is refused like any bad input.
  const sealedPosition = requirePattern(seal.sealedPosition, POSITION_PATTERN, 'sealedPosition', 'a decimal position');
  const merkleRoot = requirePattern(seal.merkleRoot, SHA256_HEX_PATTERN, 'merkleRoot', 'a lowercase hex SHA-256');
  const eventCount = requireCount(seal.eventCount, 'eventCount');
  const signature = requirePattern(seal.signature, BASE64_PATTERN, 'signature', 'a base64 signature');
  if (state.status === 'held') {
    throw new ConflictError(
      'review_cycle_already_held',
      `review cycle "${cycleId}" was already held on ${state.heldOn}`,
      undefined,
      { id: cycleId, on: state.heldOn },
    );
  }
  return [
    { type: 'ReviewCycleHeld', data: { cycleId, title, heldOn, sealedPosition, merkleRoot, eventCount, signature } },
  ];
}

function requireCount(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidInputError(
    'invalid_number',
    `${path} ${quoted(value)} is not a count (a whole number, 0 or more)`,
    path,
    { value: quoted(value) },
  );
}
