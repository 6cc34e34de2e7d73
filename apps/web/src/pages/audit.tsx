// Audit: the latest signed checkpoint and its cosignatures, the committees' seals, the live verification, the exports.
import type { ReviewCycleSummary } from '../../../../libs/read-models/src/queries/cycles-known-at';
import type { Checkpoint } from '../checkpoint';
import { useLatestCheckpoint } from '../latest-checkpoint';
import { DataTable } from '../components/data-table';
import { DownloadButton } from '../components/download-button';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { CoverageBadge } from '../components/seal-coverage';
import { cycleName } from '../components/time-bar';
import { frenchDate } from '../french';
import { Page } from '../layout/page';
import { useResource } from '../resource';
import { CheckpointSection } from './audit-checkpoint';
import { VerifySection } from './audit-verify';
import { reviewHref } from './reviews';

function SealRow({ cycle, checkpoint }: { cycle: ReviewCycleSummary; checkpoint: Checkpoint | null }) {
  return (
    <tr>
      <th scope="row">
        <a href={reviewHref(cycle.cycleId, {})} title={cycle.title}>
          {cycleName(cycle)}
        </a>
      </th>
      <td>{frenchDate(cycle.heldOn)}</td>
      <td>
        {cycle.seal.eventCount} événements, position {cycle.seal.sealedPosition}
      </td>
      <td>
        <code class="fingerprint">{cycle.seal.merkleRoot}</code>
      </td>
      <td>
        <CoverageBadge checkpoint={checkpoint} sealedPosition={cycle.seal.sealedPosition} />
      </td>
    </tr>
  );
}

function SealsSection({ checkpoint }: { checkpoint: Checkpoint | null }) {
  const cycles = useResource<{ items: readonly ReviewCycleSummary[] }>('/review-cycles');
  return (
    <section class="fr-mb-6w" aria-labelledby="seals-title">
      <h2 id="seals-title">Sceaux des comités</h2>
      {cycles.state === 'loading' && <Loading what="des sceaux" />}
      {cycles.state === 'failed' && (
        <ProblemAlert problem={cycles.problem} context="Les sceaux n’ont pas pu être lus" />
      )}
      {cycles.state === 'loaded' && (
        <DataTable id="seals" caption="Sceaux des comités et leur couverture par le dernier point de contrôle">
          <thead>
            <tr>
              <th scope="col">Comité</th>
              <th scope="col">Tenu le</th>
              <th scope="col">Journal scellé</th>
              <th scope="col">Racine de Merkle</th>
              <th scope="col">Point de contrôle</th>
            </tr>
          </thead>
          <tbody>
            {cycles.value.items.map((cycle) => (
              <SealRow key={cycle.cycleId} cycle={cycle} checkpoint={checkpoint} />
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function ExportSection() {
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Exports</h2>
      <p>
        Le journal entier, un événement par ligne (NDJSON), ou le lot à vérifier hors ligne : manifeste, preuves et
        point de contrôle signé (<code>portfolio-ledger verify</code>).
      </p>
      <DownloadButton
        label="Journal des événements (NDJSON)"
        path="/audit/export"
        query={{ format: 'ndjson' }}
        fallbackName="audit.ndjson"
      />
      <DownloadButton
        label="Lot de vérification (ZIP)"
        path="/audit/export"
        query={{ format: 'bundle' }}
        fallbackName="audit.zip"
      />
    </section>
  );
}

export function Audit() {
  const checkpoint = useLatestCheckpoint();
  return (
    <Page title="Audit">
      <VerifySection />
      <CheckpointSection checkpoint={checkpoint} />
      <SealsSection checkpoint={checkpoint.state === 'loaded' ? checkpoint.value : null} />
      <ExportSection />
    </Page>
  );
}
