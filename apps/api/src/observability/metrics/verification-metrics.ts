import { Inject, Injectable } from '@nestjs/common';
import type { AuditReport } from '@portfolio/audit';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

/** `intact`: every check passed; `tampered`: a problem was found; `error`: the verification could not finish. */
export type VerificationOutcome = 'intact' | 'tampered' | 'error';

/** The outcomes of the live verifications (`GET /audit/verify`): a `tampered` is the alert that matters. */
@Injectable()
export class VerificationMetrics {
  private readonly runs: Counter<'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.runs = new Counter({
      name: 'portfolio_audit_verifications_total',
      help: 'verifications of the live log (GET /audit/verify), by outcome: intact, tampered or error',
      labelNames: ['outcome'],
      registers: [registry],
    });
    for (const outcome of ['intact', 'tampered', 'error'] satisfies VerificationOutcome[])
      this.runs.inc({ outcome }, 0);
  }

  async observe(verify: () => Promise<AuditReport>): Promise<AuditReport> {
    try {
      const report = await verify();
      this.runs.inc({ outcome: report.ok ? 'intact' : 'tampered' });
      return report;
    } catch (error) {
      this.runs.inc({ outcome: 'error' });
      throw error;
    }
  }
}
