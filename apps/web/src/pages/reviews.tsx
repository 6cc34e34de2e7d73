// Revues: the CITP reviews held, each with its seal, each linking to its report as the committee saw it.
import type { ReviewCycleSummary } from '../../../../libs/read-models/src/queries/cycles-known-at';
import { DataTable } from '../components/data-table';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { frenchDate, plural } from '../french';
import { Page } from '../layout/page';
import { useResource } from '../resource';
import { hrefOf } from '../router';
import { timeViewOf, type TimeView } from '../time-view';

/** The report of a cycle, read from the same point of view as the list that links to it. */
export function reviewHref(cycleId: string, view: TimeView): string {
  return hrefOf(`/revues/${encodeURIComponent(cycleId)}`, { ...view });
}

function CycleRow({ cycle, view }: { cycle: ReviewCycleSummary; view: TimeView }) {
  return (
    <tr>
      <th scope="row">
        <a href={reviewHref(cycle.cycleId, view)}>{cycle.title}</a>
      </th>
      <td>{frenchDate(cycle.heldOn)}</td>
      <td>
        {plural(cycle.seal.eventCount, 'événement scellé', 'événements scellés')}, jusqu’à la position{' '}
        {cycle.seal.sealedPosition}
      </td>
    </tr>
  );
}

export function Reviews({ query }: { query: URLSearchParams }) {
  const view = timeViewOf(query);
  const cycles = useResource<{ items: readonly ReviewCycleSummary[] }>('/review-cycles', { ...view });
  return (
    <Page title="Revues">
      <p>
        Les comités interministériels de la transformation publique (CITP) tenus. Chaque comité a scellé le journal tel
        qu’il le connaissait : son rapport montre le portefeuille comme il l’a vu, et ce qui a changé depuis le comité
        précédent.
      </p>
      {cycles.state === 'loading' && <Loading what="des revues" />}
      {cycles.state === 'failed' && (
        <ProblemAlert problem={cycles.problem} context="Les revues n’ont pas pu être lues" />
      )}
      {cycles.state === 'loaded' && cycles.value.items.length === 0 && <p>Aucun comité n’a encore été tenu.</p>}
      {cycles.state === 'loaded' && cycles.value.items.length > 0 && (
        <DataTable id="review-cycles" caption="Comités tenus, du plus ancien au plus récent" showCaption>
          <thead>
            <tr>
              <th scope="col">Comité</th>
              <th scope="col">Tenu le</th>
              <th scope="col">Sceau</th>
            </tr>
          </thead>
          <tbody>
            {cycles.value.items.map((cycle) => (
              <CycleRow key={cycle.cycleId} cycle={cycle} view={view} />
            ))}
          </tbody>
        </DataTable>
      )}
    </Page>
  );
}
