import type { StoredEvent } from '@portfolio/event-store';
import { franceconnectHistory } from '../../../domain/src/testing/tech-gouv';
import { givenCommitted, givenEvents } from '../testing/given-events';
import { openSubject, type ReadModelSubject } from '../testing/read-model-subject';
import { logOf, programmeOffice } from '../testing/stored-events';
import { erased } from '../testing/summary-examples';
import { AuditLogProjector } from './audit-log.projector';

const [defined, launched, milestone, measurement, postponed, closed, cycle] = logOf(...franceconnectHistory);

/** The index row of an event, under the project and mission given. */
const indexed = (stored: StoredEvent, where: { project?: string; mission?: string }, generation = 1) => ({
  generation,
  position: stored.position.toString(),
  stream_id: stored.streamId,
  type: stored.type,
  project_id: where.project ?? null,
  mission_code: where.mission ?? null,
  actor_id: programmeOffice.id,
  recorded_at: stored.recordedAt,
});

const franceconnect = { project: 'franceconnect', mission: 'IDNUM' };

describe.each(['sqlite', 'postgres'] as const)('the audit-log projector on %s', (kind) => {
  let subject: ReadModelSubject;
  let auditLog: () => AuditLogProjector;
  beforeEach(async () => {
    subject = await openSubject(kind);
    // A new projector knows nothing of earlier batches but what the database holds: a restarted process.
    auditLog = () => new AuditLogProjector(subject.database.db);
  });
  afterEach(async () => {
    await subject.dispose();
  });

  it('indexes a mission event under its mission, by whom and when it was recorded', async () => {
    await givenEvents(defined)
      .whenProjectedBy(auditLog())
      .thenRows({ rm_event_index: [indexed(defined, { mission: 'IDNUM' })] });
  });

  it('indexes every project event under its project and under the mission its launch names', async () => {
    await givenEvents(launched, milestone, measurement, postponed, closed)
      .whenProjectedBy(auditLog())
      .thenRows({
        rm_event_index: [launched, milestone, measurement, postponed, closed].map((e) => indexed(e, franceconnect)),
      });
  });

  it('indexes a review cycle under no project and no mission', async () => {
    await givenEvents(cycle)
      .whenProjectedBy(auditLog())
      .thenRows({ rm_event_index: [indexed(cycle, {})] });
  });

  it('indexes an erasure of personal data under no project and no mission, by who asked', async () => {
    const [erasure] = logOf(erased());
    expect(erasure.streamId).toBe('personal-data');
    await givenEvents(erasure)
      .whenProjectedBy(auditLog())
      .thenRows({ rm_event_index: [indexed(erasure, {})] });
  });

  it('leaves the actor empty when the metadata names none, and the project when the stream is not one of ours', async () => {
    const imported = { ...defined, metadata: { commandId: 'import-2019' } };
    const foreign = { ...cycle, streamId: 'legacy-citp-2021-07' };
    await givenEvents(imported, foreign)
      .whenProjectedBy(auditLog())
      .thenRows({
        rm_event_index: [
          { ...indexed(imported, { mission: 'IDNUM' }), actor_id: null },
          { ...indexed(foreign, {}), stream_id: 'legacy-citp-2021-07' },
        ],
      });
  });

  it('finds the mission of a project launched in a batch committed before, by a process since restarted', async () => {
    await givenCommitted(subject.database, auditLog(), [defined, launched]);
    await givenEvents(milestone, closed)
      .whenProjectedBy(auditLog())
      .thenRows({ rm_event_index: [indexed(milestone, franceconnect), indexed(closed, franceconnect)] });
  });

  it('looks up the mission in the generation it projects: a rebuild does not see the launch the live one knows', async () => {
    const projector = auditLog();
    await givenCommitted(subject.database, projector, [defined, launched]);
    await givenEvents(milestone)
      .whenProjectedBy(projector, 2)
      .thenRows({ rm_event_index: [indexed(milestone, { project: 'franceconnect' }, 2)] });
  });

  it('indexes a project whose launch it never saw under no mission', async () => {
    await givenEvents(milestone)
      .whenProjectedBy(auditLog())
      .thenRows({ rm_event_index: [indexed(milestone, { project: 'franceconnect' })] });
  });
});
