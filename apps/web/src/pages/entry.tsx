// Saisie (programme office): open a project to record a measurement or reach a milestone, or hold a review cycle.
import { useState } from 'preact/hooks';
import type { PortfolioDocument } from '../../../../libs/read-models/src/views/documents';
import { SelectField } from '../components/form-field';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { frenchInstant } from '../french';
import { Page } from '../layout/page';
import { useResource } from '../resource';
import { hrefOf, navigate } from '../router';
import { MeasurementForm } from './measurement-form';
import { MilestoneForm } from './milestone-form';
import { useOpenedProject, type HistoryItem } from './opened-project';
import { ReviewCycleForm } from './review-cycle-form';

/** The query parameter naming the opened project: the address says which, a reload opens it again. */
const PROJECT = 'projet';

/** The active projects (a closed one takes no more commands), by mission. */
function ProjectChooser({ chosen }: { chosen: string | undefined }) {
  const portfolio = useResource<PortfolioDocument>('/portfolio');
  const [projectId, setProjectId] = useState(chosen ?? '');
  if (portfolio.state === 'loading') return <Loading what="des projets" />;
  if (portfolio.state === 'failed')
    return <ProblemAlert problem={portfolio.problem} context="Les projets n’ont pas pu être lus" />;
  const open = (event: Event) => {
    event.preventDefault();
    navigate(hrefOf('/saisie', { [PROJECT]: projectId }));
  };
  return (
    <form class="fr-mb-4w" onSubmit={open}>
      <SelectField
        id="entry-project"
        label="Projet"
        hint="ouvrez-le pour y enregistrer une mesure ou un jalon atteint"
        value={projectId}
        onChange={setProjectId}
      >
        <option value="" disabled>
          Choisissez un projet
        </option>
        {portfolio.value.missions.map((mission) => (
          <optgroup key={mission.missionCode} label={mission.name ?? mission.missionCode}>
            {mission.projects
              .filter((project) => project.status === 'active')
              .map((project) => (
                <option key={project.projectId} value={project.projectId}>
                  {project.title}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <button class="fr-btn fr-btn--secondary" type="submit" disabled={projectId === ''}>
        Ouvrir le projet
      </button>
    </form>
  );
}

/** What others recorded on the project between its opening and its reloading. */
function Changes({ changes }: { changes: readonly HistoryItem[] }) {
  return (
    <div class="fr-alert fr-alert--info fr-mb-3w" role="status">
      <h3 class="fr-alert__title">Ce qui a changé depuis que vous l’aviez ouvert</h3>
      <ul>
        {changes.map((change) => (
          <li key={change.position}>
            {frenchInstant(change.recordedAt)} : {change.summary}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OpenedProjectForms({ projectId }: { projectId: string }) {
  const { opened, reload } = useOpenedProject(projectId);
  if (opened.state === 'loading') return <Loading what="du projet" />;
  if (opened.state === 'failed')
    return <ProblemAlert problem={opened.problem} context="Le projet n’a pas pu être lu" />;
  const { value } = opened;
  return (
    <>
      <p id="opened-project">
        Projet ouvert : <strong>{value.project.title}</strong> (révision {value.revision}). Ce que vous enregistrez sera
        refusé si quelqu’un le modifie entre-temps, sans que vous ayez vu ce changement.
      </p>
      {value.changes.length > 0 && <Changes changes={value.changes} />}
      <MeasurementForm opened={value} reload={reload} />
      <MilestoneForm opened={value} reload={reload} />
    </>
  );
}

export function Entry({ query }: { query: URLSearchParams }) {
  const projectId = query.get(PROJECT) ?? undefined;
  return (
    <Page title="Saisie">
      <p>
        Enregistrez ce que le bureau de programme constate : une mesure d’indicateur, un jalon atteint, une revue tenue.
        Chaque enregistrement est un événement du journal, signé à la prochaine revue.
      </p>
      <ProjectChooser key={projectId} chosen={projectId} />
      {projectId !== undefined && <OpenedProjectForms key={projectId} projectId={projectId} />}
      <ReviewCycleForm />
    </Page>
  );
}
