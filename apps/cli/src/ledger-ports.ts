import type { INestApplicationContext } from '@nestjs/common';
import { DomainCommandGateway, type LedgerCommand } from '@portfolio/application';
import type { MissionState, ProjectState } from '@portfolio/domain';
import { cliActor } from './cli-context';

/** How the CLI's batch tools reach the ledger: the command bus and handlers of the API, as the CLI user. */
export interface LedgerPorts {
  send(
    command: LedgerCommand,
    idempotencyKey: string,
  ): Promise<{ readonly appended: number; readonly replayed: boolean }>;
  project(projectId: string): Promise<ProjectState>;
  mission(missionCode: string): Promise<MissionState>;
}

export function ledgerPorts(context: INestApplicationContext): LedgerPorts {
  const gateway = context.get(DomainCommandGateway);
  const actor = cliActor();
  return {
    send: (command, key) => gateway.send(command, actor, key),
    project: (projectId) => gateway.project(projectId),
    mission: (missionCode) => gateway.mission(missionCode),
  };
}

/** An AbortSignal raised by Ctrl-C: long work stops between two atomic commands, leaving the store consistent. */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping after the current batch (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}
