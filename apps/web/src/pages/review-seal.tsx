// The seal a committee put on the log when it was held, and, for auditors, whether a signed checkpoint covers it.
import type { ReviewCycleSummary } from '../../../../libs/read-models/src/queries/cycles-known-at';
import { AUDITORS } from '../checkpoint';
import { SealCoverage } from '../components/seal-coverage';
import { useSignedIn } from '../context';
import { frenchInstant, plural } from '../french';

export function SealSection({ cycle }: { cycle: ReviewCycleSummary }) {
  const { session } = useSignedIn();
  const { seal } = cycle;
  return (
    <section class="fr-mb-6w" aria-labelledby="seal-title">
      <h2 id="seal-title">Sceau du comité</h2>
      <ul>
        <li>
          Journal scellé jusqu’à la position <strong>{seal.sealedPosition}</strong> :{' '}
          {plural(seal.eventCount, 'événement', 'événements')}, enregistré le {frenchInstant(cycle.recordedAt)}
        </li>
        <li>
          Racine de Merkle : <code class="fingerprint">{seal.merkleRoot}</code>
        </li>
        <li>
          Signature du service : <code class="fingerprint">{seal.signature}</code>
        </li>
      </ul>
      {AUDITORS.includes(session.principal.role) ? (
        <SealCoverage sealedPosition={seal.sealedPosition} />
      ) : (
        <p class="fr-text--sm">
          La vérification du sceau contre les points de contrôle signés du journal est réservée aux auditeurs.
        </p>
      )}
    </section>
  );
}
