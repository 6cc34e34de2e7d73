import { probeWhile, type ProbeReport } from '../../test/support/latency-probe';
import {
  exportTrail,
  projectionCaughtUp,
  startRebuild,
  verifyTrail,
  type OperatorHeaders,
  type RunningOperation,
} from '../../test/support/long-operations';
import { scenarioMain } from '../support/scenario';

/** How the service answered while each long operation ran on its whole history. */
export interface ResponsivenessResult {
  readonly rebuild: ProbeReport;
  readonly export: ProbeReport;
  readonly verify: ProbeReport;
}

export interface ResponsivenessInput {
  readonly url: string;
  readonly operators: OperatorHeaders;
  /** A reviewer's headers: the portfolio read is probed as a reviewer would read it. */
  readonly reader: Record<string, string>;
}

/** Probes the service while `operation` runs; its result once it has ended. */
async function probed<T>(input: ResponsivenessInput, operation: RunningOperation<T>): Promise<[ProbeReport, T]> {
  const report = await probeWhile(input.url, input.reader, operation.running);
  return [report, await operation.result];
}

/**
 * (h) A rebuild, an NDJSON export and GET /audit/verify, one after the other, on a running service: the worst answers
 * of /health/live and of the portfolio read meanwhile (issue 17: ≤ 200 ms and ≤ 500 ms at 1M events).
 */
async function responsiveness(input: ResponsivenessInput): Promise<ResponsivenessResult> {
  const { url, operators } = input;
  await projectionCaughtUp(url, operators);
  const [rebuild, ended] = await probed(input, await startRebuild(url, operators));
  if (ended.rebuild?.state !== 'done') throw new Error(`the rebuild ended ${JSON.stringify(ended.rebuild)}`);
  const [exported] = await probed(input, exportTrail(url, operators));
  const [verify, verdict] = await probed(input, verifyTrail(url, operators));
  if (!verdict.ok) throw new Error('GET /audit/verify found the log broken');
  return { rebuild, export: exported, verify };
}

scenarioMain(module, responsiveness);
