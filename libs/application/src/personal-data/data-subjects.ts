import { Inject, Injectable } from '@nestjs/common';
import { isPlainObject, type EventStore } from '@portfolio/event-store';
import { toPosition, type ReadContext } from '@portfolio/read-models';
import { CLOCK, todayInParis, type Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { ApplicationError } from '../ledger/application-errors';
import { READ_CONTEXT } from '../read-models/read-models.module';
import { PERSONAL_DATA, type PersonalData } from './personal-data';
import { ErasureLog, type ErasureActor, type RecordedErasure } from './erasure-log';

/** What the service holds about a data subject (GDPR access request, art. 15), and whether it was erased. */
export interface DataSubjectReport {
  readonly subjectId: string;
  /** The events the subject recorded, by type, as far as the projections got. */
  readonly events: { readonly total: number; readonly byType: Readonly<Record<string, number>> };
  /** Those recorded before personal data was encrypted: their name is in clear in the hashed log and cannot be erased. */
  readonly legacyClearEvents: number;
  /** The months the subject still has keys for: their data can be read, and erased. */
  readonly keyPeriods: readonly string[];
  readonly erased: boolean;
  /** The erasures the log records of this subject, oldest first. */
  readonly erasures: readonly RecordedErasure[];
}

/** The answer to an erasure: the erasure recorded now, or the earlier one when nothing was left to erase. */
export interface ErasureOutcome {
  readonly subjectId: string;
  readonly alreadyErased: boolean;
  readonly erasure: RecordedErasure;
}

/** No event, key or erasure names this subject (HTTP 404). */
export class DataSubjectNotFoundError extends ApplicationError {
  readonly code = 'data_subject_not_found';
  constructor(readonly subjectId: string) {
    super(`no data is held about ${subjectId}: no event, key or erasure names it`);
    this.name = 'DataSubjectNotFoundError';
  }
}

/** Positions read per page while counting the legacy events: constant memory whatever the subject recorded. */
const PAGE = 1000;

/** Access to and erasure of a data subject's personal data (GDPR art. 15 and 17) by crypto-shredding. */
@Injectable()
export class DataSubjects {
  private readonly log: ErasureLog;

  constructor(
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
    @Inject(READ_CONTEXT) private readonly reads: ReadContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.log = new ErasureLog(store, personal);
  }

  async report(subjectId: string): Promise<DataSubjectReport> {
    const [byType, keyPeriods, recorded] = await Promise.all([
      this.eventCounts(subjectId),
      this.personal.keys.periodsOf(subjectId),
      this.log.read(),
    ]);
    const erasures = recorded.erasures.filter((erasure) => erasure.subjectId === subjectId);
    const total = Object.values(byType).reduce((sum, count) => sum + count, 0);
    if (total === 0 && keyPeriods.length === 0 && erasures.length === 0) throw new DataSubjectNotFoundError(subjectId);
    return {
      subjectId,
      events: { total, byType },
      legacyClearEvents: total === 0 ? 0 : await this.legacyClearEvents(subjectId),
      keyPeriods,
      erased: erasures.length > 0 && keyPeriods.length === 0,
      erasures,
    };
  }

  /**
   * Records the erasure in the log (who, when, why; no personal data), then deletes every key of the subject.
   * Recorded even when no key was left, the first time (a subject whose keys a retention run took is erased all the
   * same). Idempotent: asked again with nothing left to erase, it answers the earlier erasure and records nothing; an
   * earlier erasure interrupted before its keys were deleted is completed first.
   */
  async erase(subjectId: string, reason: string, by: ErasureActor): Promise<ErasureOutcome> {
    await this.report(subjectId);
    const erasedOn = todayInParis(this.clock);
    const { earlier, appended } = await this.log.erase(async (erasures) => {
      const keys = await this.personal.keys.keysOf(subjectId);
      if (keys.length === 0 && erasures.some((erasure) => erasure.subjectId === subjectId)) return [];
      const periods = keys.map((key) => key.period);
      const keyIds = keys.map((key) => key.id);
      return [{ subjectId, scope: 'subject', reason, erasedOn, periods, keyIds }];
    }, by);
    if (appended.length > 0) return { subjectId, alreadyErased: false, erasure: appended[0] };
    const own = earlier.filter((erasure) => erasure.subjectId === subjectId);
    return { subjectId, alreadyErased: true, erasure: own[own.length - 1] };
  }

  private async eventCounts(subjectId: string): Promise<Record<string, number>> {
    const rows = await this.reads.db
      .selectFrom('rm_event_index')
      .select((eb) => ['type', eb.fn.countAll<number | string>().as('count')])
      .where('generation', '=', this.reads.projections.activeGenerationNumber)
      .where('actor_id', '=', subjectId)
      .groupBy('type')
      .orderBy('type')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.type, Number(row.count)]));
  }

  /** The subject's events whose actor name is text in the log, not an envelope. */
  private async legacyClearEvents(subjectId: string): Promise<number> {
    let count = 0;
    let after = '';
    for (;;) {
      let query = this.reads.db
        .selectFrom('rm_event_index')
        .select('position')
        .where('generation', '=', this.reads.projections.activeGenerationNumber)
        .where('actor_id', '=', subjectId)
        .orderBy('position')
        .limit(PAGE);
      if (after !== '') query = query.where('position', '>', after);
      const positions = (await query.execute()).map((row) => toPosition(row.position));
      const events = await this.store.readPositions(positions);
      count += events.filter((event) => {
        const actor = event.metadata.actor;
        return isPlainObject(actor) && typeof actor.name === 'string';
      }).length;
      if (positions.length < PAGE) return count;
      after = positions[positions.length - 1].toString();
    }
  }
}
