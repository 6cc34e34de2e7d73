// The Portefeuille page of the web workspace opened in Chromium, in a fresh browser context each time (a first visit:
// empty cache, new session): milliseconds from the navigation's start until the page is interactive, and bytes.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../test/browser/support/chromium';
import { openTab } from '../../test/browser/support/journeys';
import { settledInteractiveMs, type PageTimings } from '../support/interactive-time';
import { scenarioMain } from '../support/scenario';
import { median } from '../support/stats';

export interface WorkspaceInteractiveInput {
  readonly url: string;
  /** A reviewer's API token: the session is seeded as the sign-in page leaves it. */
  readonly token: string;
  /** Loads measured, after one warm-up load (Chromium's first start of a renderer) that is not. */
  readonly loads: number;
}

export interface WorkspaceInteractiveResult {
  readonly loads: number;
  readonly interactiveMedianMs: number;
  readonly interactiveMaxMs: number;
  /** When the portfolio and its missions were rendered, before any long task that followed. */
  readonly renderedMedianMs: number;
  /** When the page sent its first API request: the app's page, script and stylesheets loaded and run. */
  readonly firstApiRequestMedianMs: number;
  /** The slowest of the API's answers each load waited for (request sent to response read): the service's share. */
  readonly slowestApiMedianMs: number;
  /** Bytes over the network for the page, its assets and the API's answers (Resource Timing's transferSize). */
  readonly transferredMedianKb: number;
  readonly transferredMaxKb: number;
}

/** What the page marks (apps/web/src/pages/portfolio.tsx) once the portfolio and its missions are on screen. */
const RENDERED_MARK = 'portefeuille:prête';
/** Where apps/web/src/session.ts keeps who is signed in. */
const SESSION_KEY = 'portfolio-ledger.session';
/** A long task may still follow the data; the page counts as settled once this long passes without one. */
const QUIET_MS = 1000;
const POLL_MS = 50;
const TIMEOUT_MS = 60_000;

/** Before any script of the page: the session signed in, and every long task of the main thread recorded. */
function initScript(session: unknown): string {
  return `
    sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(JSON.stringify(session))});
    window.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const task of list.getEntries())
        window.__benchLongTasks.push({ startMs: task.startTime, durationMs: task.duration });
    }).observe({ type: 'longtask', buffered: true });`;
}

/** What the page says of its load so far, on its own clock (0 is the navigation's start). */
const REPORT = `(() => {
  const resources = performance.getEntriesByType('resource');
  const api = resources.filter((entry) => new URL(entry.name).pathname.startsWith('/api/'));
  return {
    renderedMs: performance.getEntriesByName(${JSON.stringify(RENDERED_MARK)}, 'mark')[0]?.startTime,
    longTasks: window.__benchLongTasks,
    nowMs: performance.now(),
    transferredBytes: [...performance.getEntriesByType('navigation'), ...resources]
      .reduce((sum, entry) => sum + entry.transferSize, 0),
    firstApiRequestMs: Math.min(...api.map((entry) => entry.startTime)),
    slowestApiMs: Math.max(0, ...api.map((entry) => entry.responseEnd - entry.startTime)),
  };
})()`;

interface PageReport extends PageTimings {
  readonly transferredBytes: number;
  readonly firstApiRequestMs: number;
  readonly slowestApiMs: number;
}

interface Load {
  readonly interactiveMs: number;
  readonly renderedMs: number;
  readonly transferredBytes: number;
  readonly firstApiRequestMs: number;
  readonly slowestApiMs: number;
}

/** Polls the page until it has settled (see settledInteractiveMs); fails, with what it shows, past the timeout. */
async function untilInteractive(page: Page, errors: readonly string[]): Promise<Load> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const report = (await page.evaluate(REPORT)) as PageReport;
    const interactiveMs = settledInteractiveMs(report, QUIET_MS);
    if (interactiveMs !== undefined && report.renderedMs !== undefined)
      return {
        interactiveMs,
        renderedMs: report.renderedMs,
        transferredBytes: report.transferredBytes,
        firstApiRequestMs: report.firstApiRequestMs,
        slowestApiMs: report.slowestApiMs,
      };
    if (Date.now() > deadline) {
      const shown = await page.locator('body').innerText();
      throw new Error(`/portefeuille not interactive within ${TIMEOUT_MS / 1000} s (${errors.join('; ')}): ${shown}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function load(browser: Browser, url: string, session: unknown): Promise<Load> {
  const { page, errors } = await openTab(browser);
  try {
    await page.addInitScript({ content: initScript(session) });
    await page.goto(`${url}/portefeuille`, { waitUntil: 'commit' });
    const measured = await untilInteractive(page, errors);
    // A page that failed part of its work is not the page the figure is about.
    if (errors.length > 0) throw new Error(`/portefeuille loaded with errors: ${errors.join('; ')}`);
    return measured;
  } finally {
    await page.context().close();
  }
}

const kb = (bytes: number): number => Math.round(bytes / 1024);

export async function measureWorkspaceInteractive(
  input: WorkspaceInteractiveInput,
): Promise<WorkspaceInteractiveResult> {
  const answer = await fetch(`${input.url}/api/v1/session`, { headers: { Authorization: `Bearer ${input.token}` } });
  if (!answer.ok) throw new Error(`GET /api/v1/session answered ${answer.status}`);
  const session = { token: input.token, principal: await answer.json() };
  const browser = await launchChromium();
  try {
    await load(browser, input.url, session);
    const loads: Load[] = [];
    for (let run = 0; run < input.loads; run += 1) loads.push(await load(browser, input.url, session));
    const interactive = loads.map((l) => l.interactiveMs);
    const transferred = loads.map((l) => l.transferredBytes);
    return {
      loads: loads.length,
      interactiveMedianMs: Math.round(median(interactive)),
      interactiveMaxMs: Math.round(Math.max(...interactive)),
      renderedMedianMs: Math.round(median(loads.map((l) => l.renderedMs))),
      firstApiRequestMedianMs: Math.round(median(loads.map((l) => l.firstApiRequestMs))),
      slowestApiMedianMs: Math.round(median(loads.map((l) => l.slowestApiMs))),
      transferredMedianKb: kb(median(transferred)),
      transferredMaxKb: kb(Math.max(...transferred)),
    };
  } finally {
    await browser.close();
  }
}

scenarioMain(module, measureWorkspaceInteractive);
