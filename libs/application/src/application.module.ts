import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditExporter, AuditVerifier } from '@portfolio/audit';
import { CloseProjectHandler } from './close-project/close-project.handler';
import { CommandExecutor } from './command-execution/command-executor';
import { DomainCommandGateway } from './command-execution/domain-command-gateway';
import { DefineMissionHandler } from './define-mission/define-mission.handler';
import { auditExporterProvider } from './export-audit-trail/audit-exporter.provider';
import { HoldReviewCycleHandler } from './hold-review-cycle/hold-review-cycle.handler';
import { LaunchProjectHandler } from './launch-project/launch-project.handler';
import { ReachMilestoneHandler } from './reach-milestone/reach-milestone.handler';
import { RecordMeasurementsHandler } from './record-measurements/record-measurements.handler';
import { RedesignProjectHandler } from './redesign-project/redesign-project.handler';
import { ReadModelsModule, type ReadModelsOptions } from './read-models/read-models.module';
import { historySealerProvider } from './seal/history-sealer';
import { SEAL_SIGNING_KEY, sealSigningKeyProvider } from './seal/seal-signing-key.provider';
import { auditVerifierProvider } from './verify-audit-trail/audit-verifier.provider';

/** Command and query handlers behind the buses; needs EventStoreModule (configuration and store) imported beside it. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    CommandExecutor,
    DomainCommandGateway,
    sealSigningKeyProvider,
    historySealerProvider,
    auditExporterProvider,
    auditVerifierProvider,
    DefineMissionHandler,
    LaunchProjectHandler,
    ReachMilestoneHandler,
    RecordMeasurementsHandler,
    RedesignProjectHandler,
    CloseProjectHandler,
    HoldReviewCycleHandler,
  ],
  exports: [CommandExecutor, DomainCommandGateway, SEAL_SIGNING_KEY, AuditExporter, AuditVerifier],
})
export class ApplicationModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    const readModels = ReadModelsModule.forRoot(options);
    return { module: ApplicationModule, imports: [readModels], exports: [readModels] };
  }
}
