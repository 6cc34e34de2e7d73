// A project's history: every event of its stream, oldest first, as a one-line French summary with its dates.
import { Loading, ProblemAlert } from '../components/problem-alert';
import { frenchDate, frenchInstant } from '../french';
import { useResource } from '../resource';
import type { TimeView } from '../time-view';

/** GET /projects/{projectId}/history, as the page reads it. */
interface ProjectHistory {
  readonly items: readonly {
    readonly position: string;
    readonly businessDate: string;
    readonly recordedAt: string;
    readonly summary: string;
  }[];
}

export function ProjectHistoryList({ projectId, view }: { projectId: string; view: TimeView }) {
  const history = useResource<ProjectHistory>(`/projects/${encodeURIComponent(projectId)}/history`, { ...view });
  if (history.state === 'loading') return <Loading what="de l’historique" />;
  if (history.state === 'failed') {
    return <ProblemAlert problem={history.problem} context="L’historique n’a pas pu être lu" />;
  }
  return (
    <ol class="project-history">
      {history.value.items.map((item) => (
        <li key={item.position}>
          <p class="fr-mb-1v">{item.summary}</p>
          <p class="fr-text--xs fr-text-mention--grey">
            Fait du {frenchDate(item.businessDate)}, enregistré le {frenchInstant(item.recordedAt)} (position{' '}
            {item.position})
          </p>
        </li>
      ))}
    </ol>
  );
}
