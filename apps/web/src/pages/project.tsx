// Projet: one project at a date as known at a point of the log: its plan, its indicators charted against their
// trajectories, its territories' rates and its history.
import type { ProjectDetail, TemporalStamp } from '../../../../libs/read-models/src/views/documents';
import { HealthBadge } from '../components/health-badge';
import { LiveStatus } from '../components/live-status';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { TimeBar } from '../components/time-bar';
import { TimeStamp } from '../components/time-stamp';
import { frenchDate } from '../french';
import { Page } from '../layout/page';
import { useLiveDocument } from '../live-updates';
import { hrefOf, navigate } from '../router';
import { useTimeMarks } from '../time-marks';
import { timeViewOf, type TimeView } from '../time-view';
import { IndicatorSection } from './indicator-section';
import { ProjectHistoryList } from './project-history';
import { ProjectMilestones } from './project-milestones';
import { TerritorialRates } from './territorial-rates';

function Overview({ project }: { project: ProjectDetail }) {
  return (
    <>
      <HealthBadge health={project.health} />
      <p class="fr-mt-2w">{project.objective}</p>
      <p class="fr-text--sm">
        Mission {project.missionCode} · pilote : {project.leadOrganisation} · lancé le {frenchDate(project.launchedOn)}
        {project.closedOn !== null && ` · clôturé le ${frenchDate(project.closedOn)}`} · plan en vigueur : version{' '}
        {project.planVersion}
      </p>
    </>
  );
}

/** The project's sections; `refresh` (live updates) reads its series and history again. */
function Sections({ project, view, refresh }: { project: ProjectDetail; view: TimeView; refresh: number }) {
  return (
    <>
      <Overview project={project} />
      <h2 class="fr-mt-4w">Jalons</h2>
      <ProjectMilestones milestones={project.milestoneList} />
      <h2 class="fr-mt-4w">Indicateurs</h2>
      {project.indicators.map((indicator) => (
        <IndicatorSection
          key={indicator.indicatorId}
          projectId={project.projectId}
          indicator={indicator}
          view={view}
          refresh={refresh}
        />
      ))}
      <h2 class="fr-mt-4w">Territoires</h2>
      <TerritorialRates project={project} />
      <h2 class="fr-mt-4w">Historique</h2>
      <ProjectHistoryList projectId={project.projectId} view={view} refresh={refresh} />
    </>
  );
}

export function Project({ projectId, query }: { projectId: string; query: URLSearchParams }) {
  const view = timeViewOf(query);
  const marks = useTimeMarks();
  // Known now, the project changes with each of its events recorded; as a past position knew it, never.
  const { document: project, live } = useLiveDocument<ProjectDetail & TemporalStamp>(
    `/projects/${encodeURIComponent(projectId)}`,
    { ...view },
    view.asOf === undefined,
    { projectId },
  );
  const show = (next: TimeView) => navigate(hrefOf(`/projets/${encodeURIComponent(projectId)}`, { ...next }));
  const title = project.state === 'loaded' ? project.value.title : 'Projet';
  return (
    <Page title={title} trail={[{ label: 'Portefeuille', href: hrefOf('/portefeuille', { ...view }) }]}>
      <TimeBar view={view} {...marks} onChange={show} />
      <LiveStatus live={live} />
      {project.state === 'loading' && <Loading what="du projet" />}
      {project.state === 'failed' && <ProblemAlert problem={project.problem} context="Le projet n’a pas pu être lu" />}
      {project.state === 'loaded' && (
        <>
          <TimeStamp stamp={project.value} view={view} {...marks} />
          <Sections project={project.value} view={view} refresh={live.version} />
        </>
      )}
    </Page>
  );
}
