// Test support: the importer's ports over an in-memory log, deciding with the domain's own decide and evolve functions,
// so that the domain's rules (atomic batches, restatements, unchanged values recording nothing) really apply in tests.
import {
  decideDefineMission,
  decideLaunchProject,
  decideRecordMeasurements,
  decideRedesignProject,
  evolveMission,
  evolveProject,
  initialMissionState,
  initialProjectState,
  missionStream,
  projectStream,
  type DomainCommand,
  type DomainEvent,
  type MissionEvent,
  type MissionState,
  type ProjectEvent,
  type ProjectState,
} from '@portfolio/domain';
import type { ImportPorts } from '../types';

export interface RecordedEvent {
  readonly streamId: string;
  readonly event: DomainEvent;
  readonly idempotencyKey: string;
}

export class InMemoryLedger implements ImportPorts {
  readonly log: RecordedEvent[] = [];
  /** Every send, in order, with the number of events it appended (or replayed). */
  readonly sent: { readonly command: DomainCommand; readonly key: string; readonly appended: number }[] = [];
  private readonly projects = new Map<string, ProjectState>();
  private readonly missions = new Map<string, MissionState>();
  private readonly keys = new Map<string, { readonly body: string; readonly appended: number }>();

  constructor(private readonly today: string) {}

  async send(command: DomainCommand, idempotencyKey: string): Promise<{ readonly appended: number }> {
    const body = JSON.stringify(command);
    const earlier = this.keys.get(idempotencyKey);
    if (earlier !== undefined) {
      // As the command executor does: a retried key answers the first result, another body under it is refused.
      if (earlier.body !== body) throw new Error(`idempotency key ${idempotencyKey} reused for another command`);
      this.sent.push({ command, key: idempotencyKey, appended: earlier.appended });
      return { appended: earlier.appended };
    }
    const context = { today: this.today };
    let streamId: string;
    let events: readonly DomainEvent[];
    switch (command.type) {
      case 'DefineMission':
        streamId = missionStream(command.missionCode);
        events = decideDefineMission(await this.mission(command.missionCode), command, context);
        break;
      case 'LaunchProject':
        streamId = projectStream(command.projectId);
        events = decideLaunchProject(
          await this.project(command.projectId),
          await this.mission(command.missionCode),
          command,
          context,
        );
        break;
      case 'RecordMeasurements':
        streamId = projectStream(command.projectId);
        events = decideRecordMeasurements(await this.project(command.projectId), command, context);
        break;
      case 'RedesignProject':
        streamId = projectStream(command.projectId);
        events = decideRedesignProject(await this.project(command.projectId), command, context);
        break;
      default:
        throw new Error(`the importer does not send ${command.type}`);
    }
    // Decide threw or returned: either every event is appended or none.
    for (const event of events) {
      this.log.push({ streamId, event, idempotencyKey });
      if (event.type === 'MissionDefined') {
        const code = event.data.missionCode;
        this.missions.set(code, evolveMission(this.missions.get(code) ?? initialMissionState, event as MissionEvent));
      } else {
        const id = (event as ProjectEvent).data.projectId;
        this.projects.set(id, evolveProject(this.projects.get(id) ?? initialProjectState, event as ProjectEvent));
      }
    }
    if (events.length > 0) this.keys.set(idempotencyKey, { body, appended: events.length });
    this.sent.push({ command, key: idempotencyKey, appended: events.length });
    return { appended: events.length };
  }

  async project(projectId: string): Promise<ProjectState> {
    return this.projects.get(projectId) ?? initialProjectState;
  }

  async mission(missionCode: string): Promise<MissionState> {
    return this.missions.get(missionCode) ?? initialMissionState;
  }

  /** The events of one type, in the order they were appended. */
  eventsOf<T extends DomainEvent['type']>(type: T): Extract<DomainEvent, { type: T }>[] {
    return this.log.map((r) => r.event).filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
  }

  projectIds(): string[] {
    return [...this.projects.keys()];
  }
}
