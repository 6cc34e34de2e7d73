import { Module, type DynamicModule } from '@nestjs/common';
import { AuditExporter, AuditVerifier, HistorySealer } from '@portfolio/audit';
import { auditExporterProvider } from './audit/audit-exporter.provider';
import { auditVerifierProvider } from './audit/audit-verifier.provider';
import { historySealerProvider } from './audit/history-sealer.provider';
import { SEAL_SIGNING_KEY, sealSigningKeyProvider } from './audit/seal-signing-key.provider';
import { Ledger } from './ledger/ledger';
import { LEDGER_FACTS, type LedgerFacts } from './ledger/ledger-facts';
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
  ],
  exports: [Ledger, SEAL_SIGNING_KEY, AuditExporter, AuditVerifier],
})
export class ApplicationModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    const readModels = ReadModelsModule.forRoot(options);
    return { module: ApplicationModule, imports: [readModels], exports: [readModels] };
  }
}
