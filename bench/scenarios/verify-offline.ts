import { builtAudit } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { peakRssMb, timed } from '../support/stats';

export interface VerifyResult {
  readonly ok: boolean;
  readonly events: number;
  readonly seals: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssMb: number;
}

/**
 * (f) The offline check of an export bundle, as `portfolio verify` runs it: chains, seals, signatures, digests; with
 * its default worker threads unless `workers` says how many.
 */
async function verifyOffline(input: { readonly bundle: string; readonly workers?: number }): Promise<VerifyResult> {
  const options = input.workers === undefined ? {} : { workers: input.workers };
  const { result, seconds } = await timed(() =>
    builtAudit().verifyExport({ kind: 'bundle', path: input.bundle }, options),
  );
  if (!result.ok) throw new Error(`the bundle does not verify: ${JSON.stringify(result.problem)}`);
  return {
    ok: result.ok,
    events: result.eventsChecked,
    seals: result.sealsChecked,
    seconds,
    eventsPerSecond: result.eventsChecked / seconds,
    peakRssMb: peakRssMb(),
  };
}

scenarioMain(module, verifyOffline);
