// When a page is interactive: its data rendered and its main thread free of long tasks, from what the browser saw.

/** A task of the page's main thread that ran 50 ms or more (the browser's `longtask` performance entry). */
export interface LongTask {
  /** Milliseconds since the navigation started. */
  readonly startMs: number;
  readonly durationMs: number;
}

/** What the page reports at a moment of its load, all in milliseconds since the navigation started. */
export interface PageTimings {
  /** When the page marked its data rendered; undefined while it has not. */
  readonly renderedMs?: number;
  readonly longTasks: readonly LongTask[];
  /** The page's clock when it reported. */
  readonly nowMs: number;
}

/**
 * The later of the data rendered and the end of the last long task: from then on, a click or a key is handled within
 * 50 ms. Undefined while the data is not rendered.
 */
export function interactiveMs({ renderedMs, longTasks }: PageTimings): number | undefined {
  if (renderedMs === undefined) return undefined;
  return longTasks.reduce((latest, task) => Math.max(latest, task.startMs + task.durationMs), renderedMs);
}

/**
 * The interactive moment once the page has stayed quiet (no long task) for `quietMs` after it, undefined before: a
 * long task may still follow the data (a chart drawn, a second document arriving), which a quiet window rules out.
 */
export function settledInteractiveMs(timings: PageTimings, quietMs: number): number | undefined {
  const interactive = interactiveMs(timings);
  return interactive !== undefined && timings.nowMs - interactive >= quietMs ? interactive : undefined;
}
