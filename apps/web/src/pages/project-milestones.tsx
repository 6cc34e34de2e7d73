// A project's plan: each milestone with its due date, when it was reached, and whether it is or was late, in words.
import type { MilestoneView } from '../../../../libs/read-models/src/views/documents';
import { Table } from '../components/table';
import { frenchDate, plural } from '../french';

function MilestoneState({ milestone }: { milestone: MilestoneView }) {
  const { reachedOn, daysLate, overdueDays } = milestone;
  if (reachedOn !== null && (daysLate ?? 0) > 0) {
    return (
      <p class="fr-badge fr-badge--sm fr-badge--warning">Atteint avec {plural(daysLate ?? 0, 'jour')} de retard</p>
    );
  }
  if (reachedOn !== null) return <p class="fr-badge fr-badge--sm fr-badge--success">Atteint à temps</p>;
  if (overdueDays > 0)
    return <p class="fr-badge fr-badge--sm fr-badge--error">En retard de {plural(overdueDays, 'jour')}</p>;
  return <p class="fr-badge fr-badge--sm fr-badge--info">À venir</p>;
}

export function ProjectMilestones({ milestones }: { milestones: readonly MilestoneView[] }) {
  if (milestones.length === 0) return <p>Le plan en vigueur ne compte aucun jalon.</p>;
  return (
    <Table caption="Jalons du plan en vigueur" headers={['Jalon', 'Échéance', 'Atteint le', 'État']}>
      {milestones.map((milestone) => (
        <tr key={milestone.milestoneId}>
          <th scope="row">{milestone.title}</th>
          <td>{frenchDate(milestone.dueOn)}</td>
          <td>{milestone.reachedOn === null ? 'non atteint' : frenchDate(milestone.reachedOn)}</td>
          <td>
            <MilestoneState milestone={milestone} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
