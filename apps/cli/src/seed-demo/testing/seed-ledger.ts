// Test support: the importer's in-memory ledger (import-barometre/testing) extended with the commands the demo seed
// sends and the importer does not: ReachMilestone, CloseProject, and HoldReviewCycle sealed here as the real handler
// does (the whole log as it stands when the cycle is held). Every command is decided by the domain's own functions.
import { MerkleAccumulator } from '@portfolio/audit';
import {
  decideCloseProject,
  decideHoldReviewCycle,
  decideReachMilestone,
  evolveProject,
  evolveReviewCycle,
  initialProjectState,
  initialReviewCycleState,
  projectStream,
  reviewCycleStream,
  type DomainCommand,
  type DomainEvent,
  type HoldReviewCycle,
  type ProjectEvent,
  type ProjectState,
  type ReviewCycleState,
} from '@portfolio/domain';
import { createHash } from 'node:crypto';
import { InMemoryLedger } from '../../import-barometre/testing/in-memory-ledger';
import type { HoldReviewCycleRequest, SeedCommand } from '../types';

const PROJECT_EVENTS = new Set<string>([
  'ProjectLaunched',
  'MilestoneReached',
  'IndicatorMeasured',
  'ProjectRedesigned',
  'ProjectClosed',
]);

export class SeedLedger extends InMemoryLedger {
  /**
   * Projects as every appended event left them. The base class keeps its own copy, which misses the events appended
   * here; its `send` decides on `this.project()`, so it decides on this one.
   */
  private readonly projectStates = new Map<string, ProjectState>();
  private readonly cycles = new Map<string, ReviewCycleState>();
  /** Bodies and results of the commands decided here, by idempotency key (the base class keeps its own). */
  private readonly ownKeys = new Map<string, { readonly body: string; readonly appended: number }>();

  constructor(private readonly decisionDay: string) {
    super(decisionDay);
  }

  override async send(
    command: SeedCommand,
    idempotencyKey: string,
  ): Promise<{ readonly appended: number; readonly replayed: boolean }> {
    switch (command.type) {
      case 'ReachMilestone':
      case 'CloseProject':
      case 'HoldReviewCycle':
        return this.decideHere(command, idempotencyKey);
      default: {
        const before = this.log.length;
        const result = await super.send(command, idempotencyKey);
        const appended = this.log.slice(before);
        this.fold(appended.map((recorded) => recorded.event));
        // The base class answers a retried key with its first result, appending nothing.
        return { appended: result.appended, replayed: result.appended > 0 && appended.length === 0 };
      }
    }
  }

  override async project(projectId: string): Promise<ProjectState> {
    return this.projectStates.get(projectId) ?? initialProjectState;
  }

  async reviewCycle(cycleId: string): Promise<ReviewCycleState> {
    return this.cycles.get(cycleId) ?? initialReviewCycleState;
  }

  private async decideHere(
    command: Extract<SeedCommand, { type: 'ReachMilestone' | 'CloseProject' | 'HoldReviewCycle' }>,
    idempotencyKey: string,
  ): Promise<{ readonly appended: number; readonly replayed: boolean }> {
    const body = JSON.stringify(command);
    const earlier = this.ownKeys.get(idempotencyKey);
    if (earlier !== undefined) {
      if (earlier.body !== body) throw new Error(`idempotency key ${idempotencyKey} reused for another command`);
      this.sent.push({ command: command as DomainCommand, key: idempotencyKey, appended: earlier.appended });
      return { appended: earlier.appended, replayed: true };
    }
    const context = { today: this.decisionDay };
    let streamId: string;
    let decided: DomainCommand;
    let events: readonly DomainEvent[];
    switch (command.type) {
      case 'ReachMilestone':
        streamId = projectStream(command.projectId);
        decided = command;
        events = decideReachMilestone(await this.project(command.projectId), command, context);
        break;
      case 'CloseProject':
        streamId = projectStream(command.projectId);
        decided = command;
        events = decideCloseProject(await this.project(command.projectId), command, context);
        break;
      case 'HoldReviewCycle': {
        streamId = reviewCycleStream(command.cycleId);
        const sealed = this.seal(command);
        decided = sealed;
        events = decideHoldReviewCycle(await this.reviewCycle(command.cycleId), sealed, context);
        break;
      }
    }
    for (const event of events) this.log.push({ streamId, event, idempotencyKey });
    this.fold(events);
    if (events.length > 0) this.ownKeys.set(idempotencyKey, { body, appended: events.length });
    this.sent.push({ command: decided, key: idempotencyKey, appended: events.length });
    return { appended: events.length, replayed: false };
  }

  /** As the real handler: the Merkle root of every event appended so far (here a digest of each stands for its hash). */
  private seal(request: HoldReviewCycleRequest): HoldReviewCycle {
    const tree = new MerkleAccumulator();
    for (const recorded of this.log) {
      tree.append(createHash('sha256').update(JSON.stringify(recorded)).digest('hex'));
    }
    const fields = {
      cycleId: request.cycleId,
      heldOn: request.heldOn,
      sealedPosition: String(this.log.length),
      eventCount: tree.size,
      merkleRoot: tree.root(),
    };
    const signature = createHash('sha256').update(JSON.stringify(fields)).digest('base64');
    return { type: 'HoldReviewCycle', title: request.title, ...fields, signature };
  }

  private fold(events: readonly DomainEvent[]): void {
    for (const event of events) {
      if (event.type === 'ReviewCycleHeld') {
        const id = event.data.cycleId;
        this.cycles.set(id, evolveReviewCycle(this.cycles.get(id) ?? initialReviewCycleState, event));
      } else if (PROJECT_EVENTS.has(event.type)) {
        const id = (event as ProjectEvent).data.projectId;
        this.projectStates.set(
          id,
          evolveProject(this.projectStates.get(id) ?? initialProjectState, event as ProjectEvent),
        );
      }
    }
  }
}
