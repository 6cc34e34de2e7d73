import { PERSONAL_DATA_STREAM, EVENT_SCHEMA_VERSIONS, type PersonalDataErased } from '@portfolio/domain';
import {
  newEventId,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type StoredEvent,
} from '@portfolio/event-store';
import { ConcurrencyConflictError } from '../ledger/application-errors';
import type { PersonalData } from './personal-data';

// Erasures recorded in the hashed log, so that an auditor verifying an export offline sees each one. The event is
// appended first and the keys deleted after: a crash in between leaves an erasure whose keys outlived it, which the
// next erasure or retention run completes; never keys gone with no event saying so.

/** What an erasure event records. */
export type ErasureFacts = PersonalDataErased['data'];

/** Who an erasure is recorded as: an administrator (whose name is sealed like any actor's) or the service. */
export interface ErasureActor {
  readonly id: string;
  readonly role: string;
  /** Absent for the service itself: nothing personal to seal. */
  readonly name?: string;
}

/** An erasure as the log holds it: where, when, by whom (id and role only) and what it erased. */
export interface RecordedErasure extends ErasureFacts {
  readonly position: string;
  readonly recordedAt: string;
  readonly by: { readonly id: string; readonly role: string };
}

/** The erasures recorded before a call, and those it appended. */
export interface ErasureResult {
  readonly earlier: readonly RecordedErasure[];
  readonly appended: readonly RecordedErasure[];
}

/** Decides, from the erasures already recorded, which to record now (none: nothing left to erase). */
export type ErasurePlan = (earlier: readonly RecordedErasure[]) => Promise<ErasureFacts[]>;

/** Appends tried when other erasures keep landing first. */
const MAX_ATTEMPTS = 3;

function recordedErasure(event: StoredEvent): RecordedErasure {
  const actor = event.metadata.actor as { id: string; role: string };
  return {
    ...(event.data as unknown as ErasureFacts),
    position: event.position.toString(),
    recordedAt: event.recordedAt,
    by: { id: actor.id, role: actor.role },
  };
}

export class ErasureLog {
  constructor(
    private readonly store: EventStore,
    private readonly personal: PersonalData,
  ) {}

  /**
   * Every erasure recorded, oldest first; the last append's (the only one whose keys may be left: every append
   * follows the completion of the one before); and the stream's revision (undefined before the first erasure).
   */
  async read(): Promise<{ erasures: RecordedErasure[]; lastAppend: RecordedErasure[]; revision: bigint | undefined }> {
    const erasures: RecordedErasure[] = [];
    let lastAppend: RecordedErasure[] = [];
    let lastCommand: unknown;
    let revision: bigint | undefined;
    try {
      for await (const event of this.store.readStream(PERSONAL_DATA_STREAM)) {
        revision = event.revision;
        if (event.type !== 'PersonalDataErased') continue;
        const erasure = recordedErasure(event);
        erasures.push(erasure);
        if (event.metadata.commandId !== lastCommand) lastAppend = [];
        lastCommand = event.metadata.commandId;
        lastAppend.push(erasure);
      }
    } catch (error) {
      // No erasure yet: the stream is created by the first.
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { erasures, lastAppend, revision };
  }

  /**
   * Completes the last erasures recorded if their keys still exist, then records those `plan` asks for and deletes their
   * keys. An append that lost a race to another erasure is retried from a fresh read, hence never recorded twice.
   */
  async erase(plan: ErasurePlan, by: ErasureActor): Promise<ErasureResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { erasures, lastAppend, revision } = await this.read();
      await this.personal.keys.deleteKeys(lastAppend.flatMap((erasure) => erasure.keyIds));
      const facts = await plan(erasures);
      if (facts.length === 0) return { earlier: erasures, appended: [] };
      let appended: RecordedErasure[];
      try {
        appended = await this.append(facts, by, revision);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) continue;
        throw error;
      }
      await this.personal.keys.deleteKeys(facts.flatMap((erasure) => erasure.keyIds));
      return { earlier: erasures, appended };
    }
    throw new ConcurrencyConflictError(PERSONAL_DATA_STREAM, MAX_ATTEMPTS);
  }

  private async append(
    facts: readonly ErasureFacts[],
    by: ErasureActor,
    revision: bigint | undefined,
  ): Promise<RecordedErasure[]> {
    const commandId = newEventId();
    const metadata: JsonObject = { actor: { ...by }, commandId, correlationId: commandId, causationId: commandId };
    const events: NewEvent[] = facts.map((data) => ({
      eventId: newEventId(),
      type: 'PersonalDataErased',
      schemaVersion: EVENT_SCHEMA_VERSIONS.PersonalDataErased,
      data: data as unknown as JsonObject,
      metadata,
    }));
    const sealed = by.name === undefined ? events : await this.personal.conceal(events, by.id);
    await this.store.append(PERSONAL_DATA_STREAM, sealed, revision ?? 'no_stream');
    const written: RecordedErasure[] = [];
    const fromRevision = revision === undefined ? 0n : revision + 1n;
    for await (const event of this.store.readStream(PERSONAL_DATA_STREAM, { fromRevision })) {
      written.push(recordedErasure(event));
    }
    return written;
  }
}
