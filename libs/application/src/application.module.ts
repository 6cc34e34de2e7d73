import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CloseProjectHandler } from './close-project/close-project.handler';
import { CommandExecutor } from './command-execution/command-executor';
import { DomainCommandGateway } from './command-execution/domain-command-gateway';
import { DefineMissionHandler } from './define-mission/define-mission.handler';
import { AuditExporter } from './export-audit-trail/audit-exporter';
import { GetPublicKeyHandler } from './get-public-key/get-public-key.handler';
import { HoldReviewCycleHandler } from './hold-review-cycle/hold-review-cycle.handler';
import { LaunchProjectHandler } from './launch-project/launch-project.handler';
import { ReachMilestoneHandler } from './reach-milestone/reach-milestone.handler';
import { RecordMeasurementsHandler } from './record-measurements/record-measurements.handler';
import { RedesignProjectHandler } from './redesign-project/redesign-project.handler';
import { ReadModelsModule, type ReadModelsOptions } from './read-models/read-models.module';
import { HistorySealer } from './seal/history-sealer';
import { SigningKeyService } from './seal/signing-key.service';
import { AuditVerifier } from './verify-audit-trail/audit-verifier';

/** Command and query handlers behind the buses; needs EventStoreModule (configuration and store) imported beside it. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    CommandExecutor,
    DomainCommandGateway,
    SigningKeyService,
    HistorySealer,
    AuditExporter,
    AuditVerifier,
    DefineMissionHandler,
    LaunchProjectHandler,
    ReachMilestoneHandler,
    RecordMeasurementsHandler,
    RedesignProjectHandler,
    CloseProjectHandler,
    HoldReviewCycleHandler,
    GetPublicKeyHandler,
  ],
  exports: [CommandExecutor, DomainCommandGateway, SigningKeyService, AuditExporter, AuditVerifier],
})
export class ApplicationModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    const readModels = ReadModelsModule.forRoot(options);
    return { module: ApplicationModule, imports: [readModels], exports: [readModels] };
  }
}
