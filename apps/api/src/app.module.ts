import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApplicationModule, EventStoreModule, type PortfolioConfig } from '@portfolio/application';
import { AuthModule } from './auth/auth.module';
import { LedgerEndpoint } from './commands/ledger-endpoint';
import { MissionCommandsController } from './commands/mission-commands.controller';
import { ProjectCommandsController } from './commands/project-commands.controller';
import { ReviewCycleCommandsController } from './commands/review-cycle-commands.controller';
import { CheckpointsController } from './audit/checkpoints.controller';
import { GetPublicKeyController } from './audit/public-key.controller';
import { ProofsController } from './audit/proofs.controller';
import { WitnessCosignaturesController } from './audit/witness-cosignatures.controller';
import { AuditLogController } from './reads/audit-log.controller';
import { AuditLogStreamController } from './reads/audit-log-stream.controller';
import { EventStreams } from './reads/event-streams';
import { ExportAuditTrailController } from './audit/export-audit-trail.controller';
import { HealthController } from './health/health.controller';
import { ApiIndexController } from './index/api-index.controller';
import { VerifyAuditTrailController } from './audit/verify-audit-trail.controller';
import { DataSubjectsController } from './admin/data-subjects.controller';
import { ManageProjectionsController } from './admin/manage-projections.controller';
import { ReadMilestonesController } from './reads/read-milestones.controller';
import { ReadMissionsController } from './reads/read-missions.controller';
import { ReadPortfolioController } from './reads/read-portfolio.controller';
import { ReadProjectsController } from './reads/read-projects.controller';
import { ReadReleasesController } from './reads/read-releases.controller';
import { ReviewCyclesController } from './reads/review-cycles.controller';
import { IdentityProviderMetrics } from './observability/metrics/identity-provider-metrics';
import { LedgerStateMetrics } from './observability/metrics/ledger-state-metrics';
import { MetricsController } from './observability/metrics/metrics.controller';
import { ObservabilityModule, type ObservabilityOptions } from './observability/observability.module';
import { OidcSignInController } from './session/oidc-sign-in.controller';
import { SessionController } from './session/session.controller';

@Module({})
export class AppModule {
  static forRoot(config: PortfolioConfig, observability: ObservabilityOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EventStoreModule.forRoot(config),
        ApplicationModule.forRoot({ followTheLog: true }),
        AuthModule.forRoot(config),
        TerminusModule.forRoot({ logger: false }),
        ObservabilityModule.forRoot(config, observability),
      ],
      controllers: [
        ApiIndexController,
        HealthController,
        MissionCommandsController,
        ProjectCommandsController,
        ReviewCycleCommandsController,
        GetPublicKeyController,
        ReadPortfolioController,
        ReadMissionsController,
        ReadProjectsController,
        ReadMilestonesController,
        ReviewCyclesController,
        ReadReleasesController,
        AuditLogController,
        AuditLogStreamController,
        ManageProjectionsController,
        DataSubjectsController,
        ExportAuditTrailController,
        VerifyAuditTrailController,
        CheckpointsController,
        ProofsController,
        WitnessCosignaturesController,
        MetricsController,
        SessionController,
        OidcSignInController,
      ],
      providers: [LedgerEndpoint, LedgerStateMetrics, IdentityProviderMetrics, EventStreams],
    };
  }
}
