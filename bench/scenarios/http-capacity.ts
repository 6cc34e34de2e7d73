import { runClosedLoop } from '../support/closed-loop';
import { launchProjects, measurementCommand, post, type HttpTarget } from '../support/http-commands';
import { scenarioMain } from '../support/scenario';
import type { LoadResult } from './http-load-generator';

export interface CapacityInput extends HttpTarget {
  /** Clients, each sending its next command as soon as its previous one has answered (closed loop). */
  readonly clients: number;
  readonly seconds: number;
}

/** The open loop's figures, from a closed loop of `clients`. */
export interface CapacityResult extends LoadResult {
  readonly clients: number;
}

/** (a) The capacity of single commands over HTTP, from a process of its own: the most the service completes. */
async function measureCapacity(input: CapacityInput): Promise<CapacityResult> {
  await launchProjects(input);
  const { perSecond, ...loop } = await runClosedLoop(input.clients, input.seconds, async (i) => {
    const { path, body } = measurementCommand(input, i);
    return (await post(input, path, body)) === 201;
  });
  return { clients: input.clients, ...loop, commandsPerSecond: perSecond };
}

scenarioMain(module, measureCapacity);
