import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditVerifier, type AuditReport } from '@portfolio/audit';
import { Roles } from '../auth/roles.decorator';
import { AuditReportDto } from './audit-report.dto';
import { VerificationMetrics } from '../observability/metrics/verification-metrics';

@ApiTags('audit')
@Controller('audit/verify')
@Roles('auditor', 'admin')
export class VerifyAuditTrailController {
  constructor(
    private readonly verifier: AuditVerifier,
    private readonly metrics: VerificationMetrics,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'verifyAuditTrail', summary: 'Verify the audit trail over the live store' })
  @ApiOkResponse({
    type: AuditReportDto,
    description: 'chains, seal roots, seal consistency and signatures recomputed over the live store',
  })
  verify(): Promise<AuditReport> {
    return this.metrics.observe(() => this.verifier.verify());
  }
}
