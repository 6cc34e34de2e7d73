import { runClosedLoop, type ClosedLoopResult } from '../support/closed-loop';
import { get } from '../support/http-commands';
import { scenarioMain } from '../support/scenario';

export interface ProbeCapacityInput {
  readonly url: string;
  readonly clients: number;
  readonly seconds: number;
}

/**
 * (a) The HTTP stack's own ceiling: the liveness probe closed loop, a request that passes through the same
 * middleware (log line, metrics, security headers) but reads no body, checks no token and writes nothing.
 */
function measureProbeCapacity(input: ProbeCapacityInput): Promise<ClosedLoopResult> {
  return runClosedLoop(input.clients, input.seconds, async () => (await get(`${input.url}/health/live`)) === 200);
}

scenarioMain(module, measureProbeCapacity);
