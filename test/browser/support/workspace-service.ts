// The built service (`npm run build`, web workspace included) on a data directory of its own, seeded with the demo,
// and the development tokens it generated: what a person opening the workspace on the demo has.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiToken, ROLES, type Role } from '@portfolio/application';
import type { Browser } from 'playwright-core';
import { buildServiceOnce, freePort, startService, type ServiceProcess } from '../../support/service-process';
import { launchChromium } from './chromium';

const ROOT = join(__dirname, '..', '..', '..');

export interface WorkspaceService {
  readonly url: string;
  readonly tokens: Readonly<Record<Role, string>>;
  stop(): Promise<void>;
}

/** The service's settings of the test's environment, unset (an empty value is none): the embedded default store. */
function unsetSettings(): Record<string, string> {
  return Object.fromEntries(Object.keys(process.env).flatMap((name) => (/^PORTFOLIO_/.test(name) ? [[name, '']] : [])));
}

/** Until the read models have caught up with the seeded log: the pages then show the whole demo at once. */
export async function projected(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const ready = (await (await fetch(`${url}/health/ready`)).json()) as {
      info?: { eventStore?: { head?: string }; projections?: { position?: string } };
    };
    if (ready.info?.eventStore?.head !== undefined && ready.info.projections?.position === ready.info.eventStore.head)
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the read models did not catch up with the seeded demo within 20 s');
}

/**
 * Settings of the service beyond the demo's defaults, given the address it will answer at (a sign-in's callback URL
 * names it). With them, the service gets configured API tokens, one per role, as no development tokens are generated
 * beside other credentials.
 */
export type ExtraSettings = (url: string) => Readonly<Record<string, string>>;

function configuredTokens(): { tokens: Record<Role, string>; variable: string } {
  const tokens = Object.fromEntries(ROLES.map((role) => [role, generateApiToken()])) as Record<Role, string>;
  return { tokens, variable: ROLES.map((role) => `${role}:${tokens[role]}`).join(',') };
}

/** Builds once per run if the build is stale, seeds the demo as `portfolio seed demo` does, and starts the service. */
export async function startWorkspaceService(extra?: ExtraSettings): Promise<WorkspaceService> {
  await buildServiceOnce();
  const dataDir = mkdtempSync(join(tmpdir(), 'portfolio-browser-'));
  const env = { ...unsetSettings(), PORTFOLIO_DATA_DIR: dataDir };
  execFileSync(process.execPath, [join(ROOT, 'bin', 'portfolio.js'), 'seed', 'demo'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const port = await freePort();
  const configured = extra === undefined ? undefined : configuredTokens();
  const settings =
    extra === undefined || configured === undefined
      ? env
      : { ...env, ...extra(`http://127.0.0.1:${port}`), PORTFOLIO_API_TOKENS: configured.variable };
  let service: ServiceProcess | undefined;
  try {
    service = await startService(port, settings);
    await projected(service.url);
  } catch (error) {
    await service?.kill();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const tokens =
    configured?.tokens ??
    (JSON.parse(readFileSync(join(dataDir, 'dev-tokens.json'), 'utf8')) as { tokens: Record<Role, string> }).tokens;
  const running = service;
  return {
    url: running.url,
    tokens,
    stop: async () => {
      await running.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo's service (with `extra` settings, read once the hooks registered before run) and a Chromium, started
 * before a spec's tests (together) and stopped after them.
 */
export function runningWorkspace(extra?: ExtraSettings): {
  readonly service: WorkspaceService;
  readonly browser: Browser;
} {
  const running = {} as { service: WorkspaceService; browser: Browser };
  beforeAll(async () => {
    [running.service, running.browser] = await Promise.all([startWorkspaceService(extra), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await running.browser?.close();
    await running.service?.stop();
  });
  return running;
}
