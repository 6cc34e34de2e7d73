// Saisie: hold a review cycle (a CITP), which seals the history up to now; the link shows the portfolio as it saw it.
import { useState } from 'preact/hooks';
import { useCommand } from '../command';
import { CommandForm } from '../components/command-form';
import { InputField } from '../components/form-field';
import { cycleName } from '../components/time-bar';
import { useResource } from '../resource';
import { hrefOf } from '../router';
import type { CycleMark } from '../time-view';

/** The portfolio as the cycle saw it: at the date it was held, as known up to the position its seal covers. */
function CycleLink({ cycleId }: { cycleId: string }) {
  const cycle = useResource<CycleMark>(`/review-cycles/${encodeURIComponent(cycleId)}`);
  if (cycle.state !== 'loaded') return null;
  const { heldOn, seal } = cycle.value;
  return (
    <a href={hrefOf('/portefeuille', { at: heldOn, asOf: seal.sealedPosition })}>
      Voir le portefeuille tel que le {cycleName(cycle.value)} l’a vu
    </a>
  );
}

export function ReviewCycleForm() {
  const [cycleId, setCycleId] = useState('');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const command = useCommand();
  const error = command.fieldError;
  const [held, setHeld] = useState('');

  const submit = async () => {
    const body = { cycleId: cycleId.trim(), title: title.trim(), heldOn };
    if ((await command.send('/review-cycles', body)).state === 'done') setHeld(body.cycleId);
  };
  return (
    <CommandForm
      id="review-cycle"
      title="Tenir une revue (CITP)"
      command={command}
      submitLabel="Tenir la revue et sceller l’historique"
      refusedAs="La revue n’a pas été enregistrée"
      recorded={(answer) => (
        <p>
          Revue enregistrée et historique scellé jusqu’à la position {answer.position} du journal.{' '}
          {held !== '' && <CycleLink cycleId={held} />}
        </p>
      )}
      onSubmit={() => void submit()}
    >
      <p class="fr-text--sm">
        Tenir une revue scelle l’historique jusqu’à maintenant : la racine de Merkle de tous les événements, signée.
      </p>
      <InputField
        id="review-cycle-id"
        label="Identifiant"
        hint="lettres minuscules, chiffres et tirets, par exemple citp-7"
        value={cycleId}
        onInput={setCycleId}
        error={error('cycleId')}
      />
      <InputField
        id="review-cycle-title"
        label="Intitulé"
        hint="par exemple 7e CITP"
        value={title}
        onInput={setTitle}
        error={error('title')}
      />
      <InputField
        id="review-cycle-held-on"
        label="Tenue le"
        type="date"
        value={heldOn}
        onInput={setHeldOn}
        error={error('heldOn')}
      />
    </CommandForm>
  );
}
