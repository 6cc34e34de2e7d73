import { Module, type DynamicModule } from '@nestjs/common';
import {
  AuditExporter,
  AuditVerifier,
  Checkpointer,
  CosignedCheckpoints,
  HistorySealer,
  WitnessCosignatures,
} from '@portfolio/audit';
import { auditExporterProvider } from './audit/audit-exporter.provider';
import { auditVerifierProvider } from './audit/audit-verifier.provider';
import {
  CHECKPOINT_STORE,
  checkpointerProvider,
  CheckpointScheduleRunner,
  checkpointStoreProvider,
  SIGNS_CHECKPOINTS,
} from './audit/checkpoints.provider';
import {
  COSIGNATURE_STORE,
  cosignatureStoreProvider,
  cosignedCheckpointsProvider,
  witnessCosignaturesProvider,
} from './audit/cosignatures.provider';
import { historySealerProvider } from './audit/history-sealer.provider';
import { SEAL_SIGNING_KEY, sealSigningKeyProvider } from './audit/seal-signing-key.provider';
import { Ledger } from './ledger/ledger';
import { LEDGER_FACTS, type LedgerFacts } from './ledger/ledger-facts';
import { DataSubjects } from './personal-data/data-subjects';
import { IdentityRetentionRunner } from './personal-data/identity-retention.provider';
import { ReadModelsModule, type ReadModelsOptions } from './read-models/read-models.module';

/** The ledger and the audit services over the store; needs EventStoreModule (configuration and store) imported beside it. */
@Module({
  providers: [
    Ledger,
    {
      provide: LEDGER_FACTS,
      inject: [HistorySealer],
      useFactory: (sealer: HistorySealer): LedgerFacts => ({
        seal: ({ cycleId, heldOn }) => sealer.sealUpToHead(cycleId, heldOn),
      }),
    },
    sealSigningKeyProvider,
    historySealerProvider,
    auditExporterProvider,
    auditVerifierProvider,
    checkpointStoreProvider,
    checkpointerProvider,
    CheckpointScheduleRunner,
    cosignatureStoreProvider,
    cosignedCheckpointsProvider,
    witnessCosignaturesProvider,
    DataSubjects,
    IdentityRetentionRunner,
  ],
  exports: [
    Ledger,
    DataSubjects,
    SEAL_SIGNING_KEY,
    AuditExporter,
    AuditVerifier,
    CHECKPOINT_STORE,
    Checkpointer,
    COSIGNATURE_STORE,
    CosignedCheckpoints,
    WitnessCosignatures,
  ],
})
export class ApplicationModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    const readModels = ReadModelsModule.forRoot(options);
    // The process that follows the log (the API) also signs its checkpoints.
    const signs = { provide: SIGNS_CHECKPOINTS, useValue: options.followTheLog };
    return { module: ApplicationModule, imports: [readModels], providers: [signs], exports: [readModels] };
  }
}
