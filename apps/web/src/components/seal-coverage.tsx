// Whether the latest signed checkpoint of the log covers a committee's seal, in words and colour.
import { covers, type Checkpoint } from '../checkpoint';
import { useLatestCheckpoint } from '../latest-checkpoint';
import { frenchInstant } from '../french';
import { Loading, ProblemAlert } from './problem-alert';

/** A badge saying whether `checkpoint` signs the log up to the seal's position (null: none signed yet). */
export function CoverageBadge({
  checkpoint,
  sealedPosition,
}: {
  checkpoint: Checkpoint | null;
  sealedPosition: string;
}) {
  if (checkpoint !== null && covers(checkpoint, sealedPosition))
    return <p class="fr-badge fr-badge--sm fr-badge--success">Couvert par le dernier point de contrôle</p>;
  return <p class="fr-badge fr-badge--sm fr-badge--warning">Pas encore couvert par un point de contrôle</p>;
}

/** The seal's status against the latest checkpoint, read from the API (auditor and admin roles). */
export function SealCoverage({ sealedPosition }: { sealedPosition: string }) {
  const checkpoint = useLatestCheckpoint();
  if (checkpoint.state === 'loading') return <Loading what="du dernier point de contrôle" />;
  if (checkpoint.state === 'failed')
    return <ProblemAlert problem={checkpoint.problem} context="Le dernier point de contrôle n’a pas pu être lu" />;
  const latest = checkpoint.value;
  return (
    <div class="fr-mb-2w">
      <CoverageBadge checkpoint={latest} sealedPosition={sealedPosition} />
      <p class="fr-text--sm">
        {latest === null
          ? 'Aucun point de contrôle du journal n’a encore été signé.'
          : `Dernier point de contrôle signé le ${frenchInstant(latest.signedAt)} : ${latest.treeSize} événements, ` +
            `jusqu’à la position ${latest.position}.`}
      </p>
    </div>
  );
}
