import type { ProjectSummary } from './documents';

// Pure, and free of anything but types: the web workspace shows each project's progress with this very rule.

/** A project's progress: a percentage, or why it has none. */
export type ProjectProgress = number | 'not_applicable' | 'not_yet_measured';

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The mean of the capped progress of the project's live targeted indicators that have a national value. Retired
 * indicators and monitored series are left out, as the project's health leaves them out.
 */
export function projectProgress(project: Pick<ProjectSummary, 'indicators'>): ProjectProgress {
  const live = project.indicators.filter((indicator) => !indicator.retired && !indicator.monitoredOnly);
  if (live.length === 0) return 'not_applicable';
  const shown = live.flatMap((indicator) => (indicator.progress === null ? [] : [indicator.progress.shown]));
  return shown.length === 0 ? 'not_yet_measured' : mean(shown);
}
