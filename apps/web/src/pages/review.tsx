// Une revue: a committee's report as it saw the portfolio, what changed since the previous one, its seal, its pack.
import type { ReviewCycleReport } from '../../../../libs/read-models/src/queries/review-cycle-report';
import type { TemporalStamp } from '../../../../libs/read-models/src/views/documents';
import { DownloadButton } from '../components/download-button';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { frenchDate } from '../french';
import { Page } from '../layout/page';
import { useResource } from '../resource';
import { timeViewOf, type TimeView } from '../time-view';
import { MissionSection } from './mission-section';
import { Totals } from './portfolio-totals';
import { ChangesSection } from './review-changes';
import { SealSection } from './review-seal';

const TRAIL = [{ label: 'Revues', href: '/revues' }];

function PackSection({ cycleId, view }: { cycleId: string; view: TimeView }) {
  const path = `/review-cycles/${encodeURIComponent(cycleId)}/pack`;
  return (
    <section class="fr-mb-4w" aria-labelledby="pack-title">
      <h2 id="pack-title">Dossier du comité</h2>
      <p>Le portefeuille et les changements tels que le comité les a vus, à ouvrir dans un tableur.</p>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-auto">
          <DownloadButton
            label="Classeur Excel (projets et changements)"
            path={path}
            query={{ ...view, format: 'xlsx' }}
            fallbackName={`pack-${cycleId}.xlsx`}
          />
        </div>
        <div class="fr-col-auto">
          <DownloadButton
            label="Projets (CSV)"
            path={path}
            query={{ ...view, format: 'csv', part: 'projects' }}
            fallbackName={`pack-${cycleId}-projets.csv`}
          />
        </div>
        <div class="fr-col-auto">
          <DownloadButton
            label="Changements (CSV)"
            path={path}
            query={{ ...view, format: 'csv', part: 'changes' }}
            fallbackName={`pack-${cycleId}-changements.csv`}
          />
        </div>
      </div>
    </section>
  );
}

function Report({ report, view }: { report: TemporalStamp & ReviewCycleReport; view: TimeView }) {
  const seen = { at: report.heldOn, asOf: report.seal.sealedPosition };
  return (
    <>
      <p class="fr-text--lead" id="review-seen">
        Tenu le <strong>{frenchDate(report.heldOn)}</strong> : le portefeuille à cette date, tel que le comité le
        connaissait (le journal jusqu’à la position {report.seal.sealedPosition}).
      </p>
      <PackSection cycleId={report.cycleId} view={view} />
      <ChangesSection report={report} view={view} />
      <SealSection cycle={report} />
      <section aria-labelledby="portfolio-title">
        <h2 id="portfolio-title">Le portefeuille vu par le comité</h2>
        <Totals totals={report.portfolio.totals} />
        {report.portfolio.missions.map((mission) => (
          <MissionSection key={mission.missionCode} mission={mission} rollUp={undefined} view={seen} />
        ))}
      </section>
    </>
  );
}

export function Review({ cycleId, query }: { cycleId: string; query: URLSearchParams }) {
  const view = timeViewOf(query);
  const report = useResource<TemporalStamp & ReviewCycleReport>(`/review-cycles/${encodeURIComponent(cycleId)}`, {
    ...view,
  });
  const title = report.state === 'loaded' ? report.value.title : `Revue ${cycleId}`;
  return (
    <Page title={title} trail={TRAIL}>
      {report.state === 'loading' && <Loading what="du rapport du comité" />}
      {report.state === 'failed' && <ProblemAlert problem={report.problem} context="Le rapport n’a pas pu être lu" />}
      {report.state === 'loaded' && <Report report={report.value} view={view} />}
    </Page>
  );
}
