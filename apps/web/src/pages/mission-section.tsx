// One mission of the portfolio: its roll-up, and a table of its projects with health, progress and late milestones.
import type { MissionView, ProjectSummary } from '../../../../libs/read-models/src/views/documents';
import type { MissionSummary } from '../../../../libs/read-models/src/views/mission-view';
import { projectProgress } from '../../../../libs/read-models/src/views/project-progress';
import { HealthBadge } from '../components/health-badge';
import { Table } from '../components/table';
import { frenchPercent, plural } from '../french';
import { hrefOf } from '../router';
import type { TimeView } from '../time-view';

interface MissionSectionProps {
  readonly mission: MissionView;
  readonly rollUp: MissionSummary['rollUp'] | undefined;
  readonly view: TimeView;
}

function progressText(project: ProjectSummary): string {
  const progress = projectProgress(project);
  if (progress === 'not_applicable') return 'sans indicateur ciblé';
  if (progress === 'not_yet_measured') return 'pas encore mesuré';
  return frenchPercent(progress);
}

function RollUp({ rollUp }: { rollUp: MissionSummary['rollUp'] }) {
  const { mean, measured, notApplicable, notYetMeasured } = rollUp.progress;
  const left = notApplicable + notYetMeasured;
  return (
    <p>
      Avancement moyen : <strong>{mean === null ? 'non mesuré' : frenchPercent(mean)}</strong> (
      {plural(measured, 'projet mesuré', 'projets mesurés')}
      {left > 0 && `, ${plural(left, 'projet')} hors moyenne`}) · {plural(rollUp.lateMilestones, 'jalon')} en retard
    </p>
  );
}

function ProjectRow({ project, view }: { project: ProjectSummary; view: TimeView }) {
  const { milestones } = project;
  return (
    <tr>
      <th scope="row">
        <a href={hrefOf(`/projets/${encodeURIComponent(project.projectId)}`, { ...view })}>{project.title}</a>
      </th>
      <td>
        <HealthBadge health={project.health} />
      </td>
      <td>{progressText(project)}</td>
      <td>
        {milestones.reached} sur {milestones.total}
        {milestones.reachedLate > 0 && ` (${milestones.reachedLate} en retard)`}
      </td>
      <td>{milestones.overdue === 0 ? 'aucun' : <strong>{plural(milestones.overdue, 'jalon')}</strong>}</td>
    </tr>
  );
}

export function MissionSection({ mission, rollUp, view }: MissionSectionProps) {
  const name = mission.name ?? mission.missionCode;
  const tableId = `mission-${mission.missionCode}`;
  return (
    <section class="fr-mb-6w" aria-labelledby={`${tableId}-title`}>
      <h2 id={`${tableId}-title`} class="fr-h4">
        {name} <span class="fr-text--sm fr-text-mention--grey">({mission.missionCode})</span>
      </h2>
      {mission.description !== null && <p>{mission.description}</p>}
      {rollUp !== undefined && <RollUp rollUp={rollUp} />}
      <Table
        id={tableId}
        caption={`Projets de la mission ${name}`}
        headers={['Projet', 'Santé', 'Avancement', 'Jalons atteints', 'Jalons en retard']}
      >
        {mission.projects.map((project) => (
          <ProjectRow key={project.projectId} project={project} view={view} />
        ))}
      </Table>
    </section>
  );
}
