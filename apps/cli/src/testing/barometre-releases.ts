// Test support: the Baromètre releases shipped in demo-data/barometre, as import requests.
import { businessDateOf, foldProject, projectOf, type ProjectEvent, type ProjectState } from '@portfolio/domain';
import { join } from 'node:path';
import type { ImportRequest, ImportSummary } from '../import-barometre';
import type { InMemoryLedger } from './in-memory-ledger';

export const DEMO = join(__dirname, '../../../../demo-data/barometre');
export const TODAY = '2023-06-30';
export const SECTEURS = join(DEMO, 'secteurs.csv');

/** A national release with its synthesis and the secteurs file. */
export function release(date: '2021-07-23' | '2023-01-19'): ImportRequest {
  return {
    detail: join(DEMO, `releases/${date}-detail-national.csv`),
    synthese: join(DEMO, `releases/${date}-synthese-national.csv`),
    secteurs: SECTEURS,
    today: TODAY,
  };
}

/** The 2023-01-19 release with its regional synthesis (the only territorial one shipped) in place of the national one. */
export function regionalRelease(): ImportRequest {
  return { ...release('2023-01-19'), synthese: join(DEMO, 'releases/2023-01-19-synthese-regional.csv') };
}

/** The values of the series recorded, leaving out the current values the syntheses published beside them. */
export function seriesValues(ledger: InMemoryLedger) {
  return ledger.eventsOf('IndicatorMeasured').filter((e) => e.data.publishedCurrent !== true);
}

/**
 * A project as a read `asOf=barometre:<date>` at `at` (by default the release's date) sees it: the events recorded up
 * to the last value taken from the release, those dated by `at` in business time.
 */
export function asPublishedIn(
  ledger: InMemoryLedger,
  projectId: string,
  releaseDate: string,
  at: string = releaseDate,
): ProjectState {
  const last = ledger.log.findLastIndex(
    ({ event }) => event.type === 'IndicatorMeasured' && event.data.release?.id === releaseDate,
  );
  if (last < 0) throw new Error(`no value was recorded from the release of ${releaseDate}`);
  const { streamId } = projectOf(projectId);
  const events = ledger.log
    .slice(0, last + 1)
    .filter((recorded) => recorded.streamId === streamId && businessDateOf(recorded.event) <= at)
    .map((recorded) => recorded.event as ProjectEvent);
  return foldProject(events);
}

export function active(state: ProjectState) {
  if (state.status !== 'active') throw new Error(`expected an active project, got ${state.status}`);
  return state;
}

/** Every row of the detail file is accounted for exactly once. */
export function expectEveryRowAccounted(summary: ImportSummary, repeated: number): void {
  const detailRejected = summary.rowsRejected; // the synthesis and secteurs files of the demo data have no bad row
  expect(
    summary.measurementsAdded +
      summary.measurementsRestated +
      summary.measurementsUnchanged +
      detailRejected +
      repeated,
  ).toBe(summary.rowsRead);
}
