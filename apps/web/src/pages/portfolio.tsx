// Portefeuille: the missions and their projects at a date as known at a point of the log, chosen with the time bar.
import type { PortfolioDocument } from '../../../../libs/read-models/src/views/documents';
import type { MissionListDocument, MissionSummary } from '../../../../libs/read-models/src/views/mission-view';
import { LiveStatus } from '../components/live-status';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { TimeBar } from '../components/time-bar';
import { TimeStamp } from '../components/time-stamp';
import { Page } from '../layout/page';
import { useLiveDocument } from '../live-updates';
import { useResource } from '../resource';
import { hrefOf, navigate } from '../router';
import { useTimeMarks } from '../time-marks';
import { timeViewOf, type TimeView } from '../time-view';
import { MissionSection } from './mission-section';
import { Totals } from './portfolio-totals';

export function Portfolio({ query }: { query: URLSearchParams }) {
  const view = timeViewOf(query);
  const marks = useTimeMarks();
  // What is known now changes with each event recorded; what a past position knew never does.
  const { document: portfolio, live } = useLiveDocument<PortfolioDocument>(
    '/portfolio',
    { ...view },
    view.asOf === undefined,
  );
  const missions = useResource<MissionListDocument>('/missions', { ...view }, live.version);
  const show = (next: TimeView) => navigate(hrefOf('/portefeuille', { ...next }));
  if (portfolio.state === 'loaded' && missions.state === 'loaded') performance.mark('portefeuille:prête');

  return (
    <Page title="Portefeuille">
      <TimeBar view={view} {...marks} onChange={show} />
      <LiveStatus live={live} />
      {portfolio.state === 'loading' && <Loading what="du portefeuille" />}
      {portfolio.state === 'failed' && (
        <ProblemAlert problem={portfolio.problem} context="Le portefeuille n’a pas pu être lu" />
      )}
      {portfolio.state === 'loaded' && (
        <>
          <TimeStamp stamp={portfolio.value} view={view} {...marks} />
          <Totals totals={portfolio.value.totals} />
          {portfolio.value.missions.map((mission) => (
            <MissionSection
              key={mission.missionCode}
              mission={mission}
              rollUp={rollUpOf(missions.state === 'loaded' ? missions.value.missions : [], mission.missionCode)}
              view={view}
            />
          ))}
        </>
      )}
    </Page>
  );
}

function rollUpOf(missions: readonly MissionSummary[], missionCode: string): MissionSummary['rollUp'] | undefined {
  return missions.find((mission) => mission.missionCode === missionCode)?.rollUp;
}
