import { parseStreamId } from '@portfolio/domain';
import type { StoredEvent } from '@portfolio/event-store';
import type { Insertable, Kysely } from 'kysely';
import type { EventIndexTable, ReadModelTables } from '../database/read-model-tables';
import type { ProjectedRows, Projector } from '../projection/projector';

function actorId(event: StoredEvent): string | null {
  const actor = event.metadata.actor;
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor)) return null;
  const id = (actor as Record<string, unknown>).id;
  return typeof id === 'string' ? id : null;
}

/**
 * The audit log's index (GET /events): who did what to which project or mission, when. A project's events are
 * indexed under its mission too, learnt from its launch.
 */
export class AuditLogProjector implements Projector<'rm_event_index'> {
  // Stored names, unchanged by the class's rename: the checkpoint rows carry `name`, existing databases hold the
  // table `rm_event_index`; renaming either would strand the read models already built.
  readonly name = 'audit-log';
  readonly tables = ['rm_event_index'] as const;
  // Per generation: a rebuild must not see the live generation's cache.
  private readonly missionOfProject = new Map<number, Map<string, string>>();

  constructor(private readonly db: Kysely<ReadModelTables>) {}

  async rowsFor(generation: number, events: readonly StoredEvent[]): Promise<ProjectedRows<'rm_event_index'>> {
    const rows: Insertable<EventIndexTable>[] = [];
    for (const event of events) {
      const stream = parseStreamId(event.streamId);
      const projectId = stream?.kind === 'project' ? stream.id : null;
      let missionCode = stream?.kind === 'mission' ? stream.id : null;
      if (projectId !== null) {
        if (event.type === 'ProjectLaunched') this.missions(generation).set(projectId, String(event.data.missionCode));
        missionCode = await this.missionOf(generation, projectId);
      }
      rows.push({
        generation,
        position: event.position.toString(),
        stream_id: event.streamId,
        type: event.type,
        project_id: projectId,
        mission_code: missionCode,
        actor_id: actorId(event),
        recorded_at: event.recordedAt,
      });
    }
    return { rm_event_index: rows };
  }

  private missions(generation: number): Map<string, string> {
    let map = this.missionOfProject.get(generation);
    if (map === undefined) {
      map = new Map();
      this.missionOfProject.set(generation, map);
    }
    return map;
  }

  private async missionOf(generation: number, projectId: string): Promise<string | null> {
    const known = this.missions(generation).get(projectId);
    if (known !== undefined) return known;
    const launch = await this.db
      .selectFrom('rm_event_index')
      .select('mission_code')
      .where('generation', '=', generation)
      .where('project_id', '=', projectId)
      .where('type', '=', 'ProjectLaunched')
      .executeTakeFirst();
    if (launch?.mission_code) this.missions(generation).set(projectId, launch.mission_code);
    return launch?.mission_code ?? null;
  }

  /** Forgets a generation that was replaced. */
  forget(generation: number): void {
    this.missionOfProject.delete(generation);
  }
}
