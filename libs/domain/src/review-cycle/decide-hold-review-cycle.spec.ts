import { given } from '../testing/given';
import { citpJuly2021Held, onToday } from '../testing/tech-gouv';
import type { HoldReviewCycle, SealedDecisionContext } from './decide-hold-review-cycle';

const { cycleId, title, heldOn, ...seal } = citpJuly2021Held.data;
const holdCitp: HoldReviewCycle = { type: 'HoldReviewCycle', cycleId, title, heldOn };
/** Today, and the seal the sealer computed for the cycle. */
const sealed: SealedDecisionContext = { ...onToday, seal };
const sealedWith = (changes: Partial<SealedDecisionContext['seal']>): SealedDecisionContext => ({
  ...onToday,
  seal: { ...seal, ...changes },
});

describe('HoldReviewCycle', () => {
  it('holds a review and records its seal', () => {
    given().when(holdCitp, sealed).then(citpJuly2021Held);
  });

  it('seals an empty history', () => {
    const empty = { sealedPosition: '0', eventCount: 0 };
    given()
      .when(holdCitp, sealedWith(empty))
      .then({ type: 'ReviewCycleHeld', data: { ...citpJuly2021Held.data, ...empty } });
  });

  it('holds a review cycle once', () => {
    given(citpJuly2021Held)
      .when(holdCitp, sealed)
      .thenThrows({ code: 'review_cycle_already_held', kind: 'conflict', message: /citp-2021-07/ });
  });

  it('is not held after today', () => {
    given()
      .when({ ...holdCitp, heldOn: '2021-07-01' }, sealed)
      .thenThrows({ code: 'date_in_future', kind: 'rule', path: 'heldOn' });
  });

  it('refuses a held date that does not exist', () => {
    given()
      .when({ ...holdCitp, heldOn: '2021-06-31' }, sealed)
      .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'heldOn' });
  });

  it('refuses a malformed cycle id and requires a title', () => {
    given()
      .when({ ...holdCitp, cycleId: 'CITP juillet' }, sealed)
      .thenThrows({ code: 'invalid_id', kind: 'invalid', path: 'cycleId' });
    given()
      .when({ ...holdCitp, title: ' ' }, sealed)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'title' });
  });

  it.each(['', '01', '-1', '1.5', '1e3', '184467440737095516150'])(
    'refuses the sealed position %p',
    (sealedPosition) => {
      given()
        .when(holdCitp, sealedWith({ sealedPosition }))
        .thenThrows({ code: 'invalid_format', kind: 'invalid', path: 'sealedPosition' });
    },
  );

  it.each(['5F'.repeat(32), '5f'.repeat(31), `${'5f'.repeat(31)}zz`])('refuses the Merkle root %p', (merkleRoot) => {
    given()
      .when(holdCitp, sealedWith({ merkleRoot }))
      .thenThrows({ code: 'invalid_format', kind: 'invalid', path: 'merkleRoot' });
  });

  it.each([-1, 1.5, Number.NaN, '12' as unknown as number])('refuses the event count %p', (eventCount) => {
    given()
      .when(holdCitp, sealedWith({ eventCount }))
      .thenThrows({ code: 'invalid_number', kind: 'invalid', path: 'eventCount' });
  });

  it.each(['', 'not base64!', 'abc', 'QUJD=='])('refuses the signature %p', (signature) => {
    given()
      .when(holdCitp, sealedWith({ signature }))
      .thenThrows({ code: 'invalid_format', kind: 'invalid', path: 'signature' });
  });
});
