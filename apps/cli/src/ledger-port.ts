import type { INestApplicationContext } from '@nestjs/common';
import { Ledger } from '@portfolio/application';
import {
  missionOf,
  projectOf,
  type DomainCommand,
  type MissionCode,
  type MissionState,
  type ProjectId,
  type ProjectState,
} from '@portfolio/domain';
import { cliActor } from './cli-context';

/**
 * How the CLI's batch tools (the Baromètre importer, the demo seed) reach the ledger: the application's Ledger, as the
 * CLI user; their tests use an in-memory ledger deciding through the same route table.
 */
export interface LedgerPort {
  /**
   * Decides and appends one command atomically; throws the domain's DomainError when refused. A retried idempotency
   * key answers the first result, appending nothing, with `replayed` set.
   */
  send(
    command: DomainCommand,
    idempotencyKey: string,
  ): Promise<{ readonly appended: number; readonly replayed: boolean }>;
  project(projectId: ProjectId): Promise<ProjectState>;
  mission(missionCode: MissionCode): Promise<MissionState>;
}

export function ledgerPort(context: INestApplicationContext): LedgerPort {
  const ledger = context.get(Ledger);
  const actor = cliActor();
  return {
    send: (command, key) => ledger.send(command, actor, key),
    project: (projectId) => ledger.state(projectOf(projectId)),
    mission: (missionCode) => ledger.state(missionOf(missionCode)),
  };
}
