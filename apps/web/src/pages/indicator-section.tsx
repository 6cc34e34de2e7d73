// One indicator of a project: its baseline, target, latest value and progress in words, its chart, and the values
// behind the chart in a table, each with every value recorded for its period and when (restatements shown).
import type { IndicatorView } from '../../../../libs/read-models/src/views/documents';
import { IndicatorChart } from '../components/indicator-chart';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { Table } from '../components/table';
import { frenchDate, frenchInstant, frenchPercent, frenchValue } from '../french';
import { useResource } from '../resource';
import type { TimeView } from '../time-view';

/** GET /projects/{projectId}/indicators/{indicatorId}/series, as the page reads it. */
interface IndicatorSeries {
  readonly values: readonly {
    readonly period: string;
    readonly value: number;
    readonly restated: boolean;
    readonly recorded: readonly { readonly value: number; readonly position: string; readonly recordedAt: string }[];
  }[];
}

function Facts({ indicator }: { indicator: IndicatorView }) {
  const { baseline, target, latest, progress, expectedProgress, unit } = indicator;
  return (
    <ul>
      {baseline !== null && (
        <li>
          Départ : {frenchValue(baseline.value)} {unit} le {frenchDate(baseline.on)}
        </li>
      )}
      <li>
        {target === null
          ? 'Série suivie sans cible'
          : `Cible : ${frenchValue(target.value)} ${unit} au ${frenchDate(target.by)}`}
      </li>
      <li>
        Dernière valeur :{' '}
        {latest === null ? 'aucune encore' : `${frenchValue(latest.value)} ${unit} (${frenchDate(latest.period)})`}
      </li>
      {progress !== null && (
        <li>
          Avancement : <strong>{frenchPercent(progress.shown)}</strong>
          {expectedProgress !== null && ` (attendu à cette date : ${frenchPercent(expectedProgress)})`}
        </li>
      )}
    </ul>
  );
}

function ValuesTable({ indicator, series }: { indicator: IndicatorView; series: IndicatorSeries }) {
  return (
    <Table
      caption={`Valeurs de « ${indicator.label} », en ${indicator.unit}`}
      headers={['Période', 'Valeur', 'Valeurs enregistrées, et quand']}
      showCaption
    >
      {series.values.map((value) => (
        <tr key={value.period}>
          <th scope="row">{frenchDate(value.period)}</th>
          <td>
            {frenchValue(value.value)}
            {value.restated && ' (retraitée)'}
          </td>
          <td>
            {value.recorded
              .map((recorded) => `${frenchValue(recorded.value)} le ${frenchInstant(recorded.recordedAt)}`)
              .join(', puis ')}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function IndicatorSection(props: {
  projectId: string;
  indicator: IndicatorView;
  view: TimeView;
  /** Reads the series again when it changes (live updates). */
  refresh: number;
}) {
  const { projectId, indicator, view, refresh } = props;
  const path = `/projects/${encodeURIComponent(projectId)}/indicators/${encodeURIComponent(indicator.indicatorId)}`;
  const series = useResource<IndicatorSeries>(`${path}/series`, { ...view }, refresh);
  const trajectory =
    indicator.baseline === null || indicator.target === null
      ? []
      : [
          { date: indicator.baseline.on, value: indicator.baseline.value },
          { date: indicator.target.by, value: indicator.target.value },
        ];
  return (
    <section class="fr-mb-4w" aria-labelledby={`indicator-${indicator.indicatorId}`}>
      <h3 class="fr-h5" id={`indicator-${indicator.indicatorId}`}>
        {indicator.label}
        {indicator.retired && ' (retiré du plan)'}
      </h3>
      <Facts indicator={indicator} />
      {series.state === 'loading' && <Loading what="des valeurs" />}
      {series.state === 'failed' && (
        <ProblemAlert problem={series.problem} context="Les valeurs n’ont pas pu être lues" />
      )}
      {series.state === 'loaded' && (
        <>
          <IndicatorChart
            label={indicator.label}
            unit={indicator.unit}
            measurements={series.value.values.map((value) => ({ date: value.period, value: value.value }))}
            trajectory={trajectory}
          />
          <ValuesTable indicator={indicator} series={series.value} />
        </>
      )}
    </section>
  );
}
