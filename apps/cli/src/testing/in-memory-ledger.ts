// Test support: the ledger in memory, deciding every command through the domain's own route table, so that the
// domain's rules (atomic batches, restatements, unchanged values recording nothing, review cycles sealing the log)
// really apply to the importer and the seed in their tests.
import { MerkleAccumulator } from '@portfolio/audit';
import {
  missionOf,
  projectOf,
  routeOf,
  type AggregateStream,
  type DomainCommand,
  type DomainEvent,
  type FactSubjects,
  type LogSeal,
  type MissionState,
  type ProjectState,
} from '@portfolio/domain';
import { createHash } from 'node:crypto';
import type { LedgerPort } from '../ledger-port';

export interface RecordedEvent {
  readonly streamId: string;
  readonly event: DomainEvent;
  readonly idempotencyKey: string;
}

const digest = (value: unknown, encoding: 'hex' | 'base64') =>
  createHash('sha256').update(JSON.stringify(value)).digest(encoding);

export class InMemoryLedger implements LedgerPort {
  readonly log: RecordedEvent[] = [];
  /** Every send, in order, with the number of events it appended (or replayed). */
  readonly sent: { readonly command: DomainCommand; readonly key: string; readonly appended: number }[] = [];
  private readonly streams = new Map<string, DomainEvent[]>();
  private readonly keys = new Map<string, { readonly body: string; readonly appended: number }>();

  constructor(private readonly today: string) {}

  async send(command: DomainCommand, idempotencyKey: string): Promise<{ appended: number; replayed: boolean }> {
    const body = JSON.stringify(command);
    const earlier = this.keys.get(idempotencyKey);
    if (earlier !== undefined) {
      // As the ledger does: a retried key answers the first result, another body under it is refused.
      if (earlier.body !== body) throw new Error(`idempotency key ${idempotencyKey} reused for another command`);
      this.sent.push({ command, key: idempotencyKey, appended: earlier.appended });
      return { appended: earlier.appended, replayed: true };
    }
    const route = routeOf(command);
    const read = Object.fromEntries(Object.entries(route.reads(command)).map(([name, s]) => [name, this.state(s)]));
    const facts = route.needs.includes('seal') ? { seal: this.seal(command as unknown as FactSubjects['seal']) } : {};
    const stream = route.writes(command);
    // Decide threw or returned: either every event is appended or none.
    const events = route.decide(command, this.state(stream), read, { today: this.today, ...facts });
    for (const event of events) this.log.push({ streamId: stream.streamId, event, idempotencyKey });
    this.streams.set(stream.streamId, [...(this.streams.get(stream.streamId) ?? []), ...events]);
    if (events.length > 0) this.keys.set(idempotencyKey, { body, appended: events.length });
    this.sent.push({ command, key: idempotencyKey, appended: events.length });
    return { appended: events.length, replayed: false };
  }

  async project(projectId: string): Promise<ProjectState> {
    return this.state(projectOf(projectId));
  }

  async mission(missionCode: string): Promise<MissionState> {
    return this.state(missionOf(missionCode));
  }

  /** The events of one type, in the order they were appended. */
  eventsOf<T extends DomainEvent['type']>(type: T): Extract<DomainEvent, { type: T }>[] {
    return this.log.map((r) => r.event).filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
  }

  private state<State>(stream: AggregateStream<State>): State {
    return stream.fold(this.streams.get(stream.streamId) ?? []);
  }

  /** As the sealer does, over the whole log as it stands (a digest of each recorded event stands for its hash). */
  private seal({ cycleId, heldOn }: FactSubjects['seal']): LogSeal {
    const tree = new MerkleAccumulator();
    for (const recorded of this.log) tree.append(digest(recorded, 'hex'));
    const seal = { sealedPosition: String(this.log.length), eventCount: tree.size, merkleRoot: tree.root() };
    return { ...seal, signature: digest({ cycleId, heldOn, ...seal }, 'base64') };
  }
}
