// The latest signed checkpoint of the log: its size, root and time-stamp, and the witnesses that cosigned it.
import { witnessOf, type Checkpoint } from '../checkpoint';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { frenchInstant, plural } from '../french';
import type { Resource } from '../resource';

function Cosignatures({ cosignatures }: { cosignatures: readonly string[] }) {
  if (cosignatures.length === 0)
    return <p>Aucun témoin n’a encore cosigné ce point de contrôle : il n’est garanti que par la clé du service.</p>;
  return (
    <>
      <p>{plural(cosignatures.length, 'témoin l’a cosigné', 'témoins l’ont cosigné')}, chacun vérifié à sa remise :</p>
      <ul>
        {cosignatures.map((line) => (
          <li key={line}>{witnessOf(line)}</li>
        ))}
      </ul>
    </>
  );
}

function CheckpointFacts({ checkpoint }: { checkpoint: Checkpoint }) {
  const { timestamp } = checkpoint;
  return (
    <>
      <ul>
        <li>
          Signé le <strong>{frenchInstant(checkpoint.signedAt)}</strong> : {plural(checkpoint.treeSize, 'événement')},
          jusqu’à la position {checkpoint.position}
        </li>
        <li>
          Racine de l’arbre de Merkle : <code class="fingerprint">{checkpoint.root}</code>
        </li>
        <li>
          {timestamp === null
            ? 'Pas d’horodatage par une autorité tierce (aucune n’est configurée, ou elle n’a pas répondu).'
            : `Horodaté par l’autorité d’horodatage le ${frenchInstant(timestamp.genTime)}.`}
        </li>
      </ul>
      <h3 class="fr-h5">Cosignatures des témoins</h3>
      <Cosignatures cosignatures={checkpoint.cosignatures} />
    </>
  );
}

export function CheckpointSection({ checkpoint }: { checkpoint: Resource<Checkpoint | null> }) {
  return (
    <section class="fr-mb-6w" aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title">Dernier point de contrôle signé</h2>
      {checkpoint.state === 'loading' && <Loading what="du dernier point de contrôle" />}
      {checkpoint.state === 'failed' && (
        <ProblemAlert problem={checkpoint.problem} context="Le dernier point de contrôle n’a pas pu être lu" />
      )}
      {checkpoint.state === 'loaded' &&
        (checkpoint.value === null ? (
          <p>Aucun point de contrôle du journal n’a encore été signé.</p>
        ) : (
          <CheckpointFacts checkpoint={checkpoint.value} />
        ))}
    </section>
  );
}
