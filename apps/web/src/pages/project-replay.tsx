// A project's history replayed step by step: the chosen event's summary beside the project as it stood right after it
// (GET /projects/{projectId}/replay), chosen with « précédent » / « suivant » or by picking an event of the list.
import { useState } from 'preact/hooks';
import type { ProjectDetail } from '../../../../libs/read-models/src/views/documents';
import { HealthBadge } from '../components/health-badge';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { frenchDate, frenchPercent, frenchValue } from '../french';
import { useResource } from '../resource';
import type { TimeView } from '../time-view';
import { HistoryEntry, type HistoryEntryItem } from './history-entry';

interface ReplayItem extends HistoryEntryItem {
  /** The project right after the event; null before its launch is dated. */
  readonly state: ProjectDetail | null;
}

interface ProjectReplayPage {
  readonly items: readonly ReplayItem[];
}

function StateAfter({ state }: { state: ProjectDetail | null }) {
  if (state === null) return <p>Le projet n’est pas encore lancé à la date de cet événement.</p>;
  const reached = state.milestoneList.filter((milestone) => milestone.reachedOn !== null);
  return (
    <>
      <HealthBadge health={state.health} />
      <p class="fr-mt-1w fr-mb-1w">Plan en vigueur : version {state.planVersion}</p>
      <h4 class="fr-h6 fr-mb-1v">Jalons atteints</h4>
      {reached.length === 0 ? (
        <p>Aucun jalon atteint.</p>
      ) : (
        <ul>
          {reached.map((milestone) => (
            <li key={milestone.milestoneId}>
              {milestone.title}, atteint le {frenchDate(milestone.reachedOn ?? '')}
            </li>
          ))}
        </ul>
      )}
      <h4 class="fr-h6 fr-mb-1v">Indicateurs</h4>
      <ul>
        {state.indicators.map(({ indicatorId, label, unit, latest, progress }) => (
          <li key={indicatorId}>
            {label} : {latest === null ? 'aucune valeur' : `${frenchValue(latest.value)} ${unit}`}
            {progress !== null && `, avancement ${frenchPercent(progress.shown)}`}
          </li>
        ))}
      </ul>
    </>
  );
}

function Steps({ items }: { items: readonly ReplayItem[] }) {
  const [step, setStep] = useState(0);
  const chosen = items[step];
  if (chosen === undefined) return <p>Aucun événement à rejouer.</p>;
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-6">
        <ol class="project-history">
          {items.map((item, index) => (
            <li key={item.position}>
              <HistoryEntry item={item} />
              <button
                type="button"
                class="fr-btn fr-btn--tertiary fr-btn--sm"
                aria-pressed={index === step}
                onClick={() => setStep(index)}
              >
                Voir l’étape {index + 1}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <section class="fr-col-12 fr-col-md-6" aria-labelledby="replay-step">
        <h3 id="replay-step" class="fr-h5" aria-live="polite">
          Étape {step + 1} sur {items.length} : {chosen.summary}
        </h3>
        <div class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <button
            type="button"
            class="fr-btn fr-btn--secondary"
            disabled={step === 0}
            onClick={() => setStep(step - 1)}
          >
            Événement précédent
          </button>
          <button
            type="button"
            class="fr-btn fr-btn--secondary"
            disabled={step === items.length - 1}
            onClick={() => setStep(step + 1)}
          >
            Événement suivant
          </button>
        </div>
        <StateAfter state={chosen.state} />
      </section>
    </div>
  );
}

export function ProjectReplay({ projectId, view }: { projectId: string; view: TimeView }) {
  const replay = useResource<ProjectReplayPage>(`/projects/${encodeURIComponent(projectId)}/replay`, { ...view });
  if (replay.state === 'loading') return <Loading what="du rejeu" />;
  if (replay.state === 'failed') return <ProblemAlert problem={replay.problem} context="Le rejeu n’a pas pu être lu" />;
  return <Steps items={replay.value.items} />;
}
