import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApplicationModule, EventStoreModule, type PortfolioConfig } from '@portfolio/application';
import { AuthModule } from './auth/auth.module';
import { CloseProjectController } from './close-project/close-project.controller';
import { DefineMissionController } from './define-mission/define-mission.controller';
import { GetPublicKeyController } from './get-public-key/get-public-key.controller';
import { AuditLogController } from './reads/audit-log.controller';
import { ExportAuditTrailController } from './export-audit-trail/export-audit-trail.controller';
import { HealthController } from './health/health.controller';
import { VerifyAuditTrailController } from './verify-audit-trail/verify-audit-trail.controller';
import { ManageProjectionsController } from './manage-projections/manage-projections.controller';
import { ReadPortfolioController } from './reads/read-portfolio.controller';
import { ReadProjectsController } from './reads/read-projects.controller';
import { ReviewCyclesController } from './reads/review-cycles.controller';
import { HoldReviewCycleController } from './hold-review-cycle/hold-review-cycle.controller';
import { CommandGateway } from './http/command-gateway';
import { LaunchProjectController } from './launch-project/launch-project.controller';
import { ReachMilestoneController } from './reach-milestone/reach-milestone.controller';
import { RecordMeasurementController } from './record-measurement/record-measurement.controller';
import { RecordMeasurementsController } from './record-measurements/record-measurements.controller';
import { RedesignProjectController } from './redesign-project/redesign-project.controller';

@Module({})
export class AppModule {
  static forRoot(config: PortfolioConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EventStoreModule.forRoot(config),
        ApplicationModule.forRoot({ followTheLog: true }),
        AuthModule.forRoot(config),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [
        HealthController,
        DefineMissionController,
        LaunchProjectController,
        ReachMilestoneController,
        RecordMeasurementController,
        RecordMeasurementsController,
        RedesignProjectController,
        CloseProjectController,
        HoldReviewCycleController,
        GetPublicKeyController,
        ReadPortfolioController,
        ReadProjectsController,
        ReviewCyclesController,
        AuditLogController,
        ManageProjectionsController,
        ExportAuditTrailController,
        VerifyAuditTrailController,
      ],
      providers: [CommandGateway],
    };
  }
}
