import { Inject, Injectable } from '@nestjs/common';
import {
  routeOf,
  type AggregateStream,
  type DomainCommand,
  type FactSubjects,
  type OutsideFacts,
} from '@portfolio/domain';
import type { EventStore } from '@portfolio/event-store';
import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { WriteHealth } from '../event-store/write-health';
import { fingerprintCommand, type Actor, type CommandEnvelope } from './command-envelope';
import { CommandExecutor } from './command-executor';
import type { CommandResult } from './command-result';
import { LEDGER_FACTS, type LedgerFacts } from './ledger-facts';
import { PERSONAL_DATA, type PersonalData } from '../personal-data/personal-data';

/**
 * What accepts commands, from the API and from tools without HTTP alike: any command, through its route in the
 * domain's table (the streams it reads, the facts it needs, the stream it writes and its decision).
 */
@Injectable()
export class Ledger {
  private readonly executor: CommandExecutor;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(LEDGER_FACTS) private readonly facts: LedgerFacts,
    writes: WriteHealth,
    @Inject(PERSONAL_DATA) personal: PersonalData,
  ) {
    this.executor = new CommandExecutor(store, clock, writes, personal);
  }

  /** Decides the command and appends what it decided, under the envelope's actor, idempotency key and precondition. */
  async execute(command: DomainCommand, envelope: CommandEnvelope): Promise<CommandResult> {
    const route = routeOf(command);
    // Read and gathered once, before the write stream's retry loop: none of them changes what a retry would find.
    const read = Object.fromEntries(
      await Promise.all(
        Object.entries(route.reads(command)).map(async ([name, stream]) => [name, await this.state(stream)]),
      ),
    );
    const facts: Partial<OutsideFacts> = Object.fromEntries(
      await Promise.all(
        // A route needs a fact only if its command carries the fact's subject: the domain checks that at compile time.
        route.needs.map(async (fact) => [
          fact,
          await this.facts[fact](command as unknown as FactSubjects[typeof fact]),
        ]),
      ),
    );
    return this.executor.execute({
      stream: route.writes(command),
      envelope,
      decide: (state, context) => route.decide(command, state, read, { ...context, ...facts }),
    });
  }

  /** For tools (the importer, the demo seed): the actor is the tool, and the key makes a re-run safe. */
  send(command: DomainCommand, actor: Actor, idempotencyKey: string): Promise<CommandResult> {
    return this.execute(command, {
      actor,
      commandId: idempotencyKey,
      idempotencyKeyGiven: true,
      requestFingerprint: fingerprintCommand(command),
      correlationId: randomUUID(),
    });
  }

  /** A stream's state as the log holds it now, e.g. `ledger.state(projectOf('franceconnect'))`. */
  state<State>(stream: AggregateStream<State>): Promise<State> {
    return this.executor.state(stream);
  }
}
