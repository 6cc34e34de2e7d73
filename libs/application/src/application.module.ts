import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditExporter } from './export-audit-trail/audit-exporter';
import { GetPublicKeyHandler } from './get-public-key/get-public-key.handler';
import { Ledger } from './ledger/ledger';
import { LEDGER_FACTS, type LedgerFacts } from './ledger/ledger-facts';
import { ReadModelsModule, type ReadModelsOptions } from './read-models/read-models.module';
import { HistorySealer } from './seal/history-sealer';
import { SigningKeyService } from './seal/signing-key.service';
import { AuditVerifier } from './verify-audit-trail/audit-verifier';

/** The ledger and the audit services over the store; needs EventStoreModule (configuration and store) imported beside it. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    Ledger,
    {
      provide: LEDGER_FACTS,
      inject: [HistorySealer],
      useFactory: (sealer: HistorySealer): LedgerFacts => ({
        seal: ({ cycleId, heldOn }) => sealer.sealUpToHead(cycleId, heldOn),
      }),
    },
    SigningKeyService,
    HistorySealer,
    AuditExporter,
    AuditVerifier,
    GetPublicKeyHandler,
  ],
  exports: [Ledger, SigningKeyService, AuditExporter, AuditVerifier],
})
export class ApplicationModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    const readModels = ReadModelsModule.forRoot(options);
    return { module: ApplicationModule, imports: [readModels], exports: [readModels] };
  }
}
