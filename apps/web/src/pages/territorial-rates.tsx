// Each territory's global rate of a project's indicators, against the targets a release published for it.
import type { ProjectDetail } from '../../../../libs/read-models/src/views/documents';
import { Table } from '../components/table';
import { frenchPercent } from '../french';

const LEVELS: Readonly<Record<string, string>> = { region: 'Région', departement: 'Département', national: 'France' };

export function TerritorialRates({ project }: { project: ProjectDetail }) {
  if (project.territorialRates.length === 0) return <p>Aucune valeur territoriale publiée pour ce projet.</p>;
  const labels = new Map(project.indicators.map((indicator) => [indicator.indicatorId, indicator.label]));
  return (
    <Table caption="Taux d’avancement par territoire" headers={['Territoire', 'Indicateur', 'Taux d’avancement']}>
      {project.territorialRates.map((rate) => (
        <tr key={`${rate.indicatorId}-${rate.territory.level}-${rate.territory.code}`}>
          <th scope="row">
            {LEVELS[rate.territory.level] ?? rate.territory.level} {rate.territory.code}
          </th>
          <td>{labels.get(rate.indicatorId) ?? rate.indicatorId}</td>
          <td>
            {rate.global === null ? `non calculable : ${rate.unavailable ?? ''}` : frenchPercent(rate.global.percent)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
