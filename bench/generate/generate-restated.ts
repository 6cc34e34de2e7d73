import type { MeasurementInput } from '@portfolio/domain';
import { monthEnd, recordMeasurements, setupCommands, untilEvents, type GeneratedCommand } from './generate-portfolio';
import { baselineValue, MISSION_CODES, MILESTONES_PER_PROJECT, type ProjectShape } from './portfolio-shape';

/**
 * A history of national values restated often, the shape that made as-of reads slow (issue 17: 1M measurements of
 * 20 projects × 10 indicators, portfolio p95 893 ms): every indicator is measured for France only, and each month's
 * releases each restate the last year of every series, so a series holds thousands of rows for a few dozen periods.
 */
export const RESTATED_PROJECTS = 20;

/** Which generated history a benchmark writes: the ordinary portfolio (generatePortfolio), or this one. */
export type GeneratedHistory = 'ordinary' | 'restated';

export const RESTATED_INDICATORS_PER_PROJECT = 10;
/** Releases a month, each restating every series' values of the last RESTATED_MONTHS months. */
export const RELEASES_PER_MONTH = 6;
export const RESTATED_MONTHS = 12;

/** Events month `month` appends: 14,400 once a year of history is restated, so 1M events span 75 months. */
const eventsInMonth = (month: number): number =>
  RESTATED_PROJECTS * RESTATED_INDICATORS_PER_PROJECT * RELEASES_PER_MONTH * Math.min(month + 1, RESTATED_MONTHS);

/** How many months a restated history of `events` events spans (its periods stay before 2026 up to 1M events). */
export function restatedMonthsSpanned(events: number): number {
  let months = 0;
  for (let written = 0; written < events; months += 1) written += eventsInMonth(months);
  return Math.max(1, months);
}

export function restatedShapes(): ProjectShape[] {
  return Array.from({ length: RESTATED_PROJECTS }, (_, index) => ({
    index,
    projectId: `revisee-mesure-${index + 1}`,
    missionCode: MISSION_CODES[index % MISSION_CODES.length],
    indicatorIds: Array.from({ length: RESTATED_INDICATORS_PER_PROJECT }, (_, i) => `revise-${index + 1}-${i + 1}`),
    milestoneIds: Array.from({ length: MILESTONES_PER_PROJECT }, (_, i) => `jalon-${i + 1}`),
  }));
}

/** One release's values for a project: each indicator's last RESTATED_MONTHS periods, every value new. */
function release(shape: ProjectShape, month: number, releaseNumber: number): MeasurementInput[] {
  const months = Array.from({ length: Math.min(month + 1, RESTATED_MONTHS) }, (_, back) => month - back);
  return shape.indicatorIds.flatMap((indicatorId, i) =>
    months.map((period) => ({
      indicatorId,
      // Grows with the release number, so that no value repeats the one it restates (which would append nothing).
      value: (baselineValue(shape.index, i) * 1000 + period * 100 + releaseNumber) / 1000,
      period: monthEnd(period),
      source: 'Baromètre des résultats (révisé)',
    })),
  );
}

function* everyRelease(shapes: readonly ProjectShape[]): Generator<GeneratedCommand> {
  yield* setupCommands(shapes);
  for (let month = 0; ; month += 1) {
    for (let r = 0; r < RELEASES_PER_MONTH; r += 1) {
      const releaseNumber = month * RELEASES_PER_MONTH + r;
      for (const shape of shapes) {
        yield recordMeasurements(
          `bench-restated-${shape.projectId}-${releaseNumber}`,
          shape,
          release(shape, month, releaseNumber),
        );
      }
    }
  }
}

/** The restated history's commands until `events` events are written; deterministic, and streamed. */
export function generateRestated(events: number): Generator<GeneratedCommand> {
  return untilEvents(events, everyRelease(restatedShapes()));
}
