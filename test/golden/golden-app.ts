/** A test application configured as the golden logs were recorded: the fixtures' own signing key signs its seals. */
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PortfolioConfig } from '@portfolio/application';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startTestApp, type StoreKind, type TestApp } from '../support/test-app';
import type { GoldenFixture } from './golden-reads';

export const GOLDEN_DIR = __dirname;

/**
 * A throwaway Ed25519 key made for these fixtures alone (public, so never a deployment's): the review-cycle seals and
 * the export trailers they hold are signed with it, so a replay must sign with it too.
 */
const GOLDEN_SIGNING_KEY = join(GOLDEN_DIR, 'fixture-signing-key.txt');

/** The fixtures' key in a file of mode 0600 (the service refuses a key others can read), in a folder of its own. */
function goldenSigningKeyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-golden-key-'));
  const file = join(dir, 'seal-signing-key.pem');
  copyFileSync(GOLDEN_SIGNING_KEY, file);
  chmodSync(file, 0o600);
  return dir;
}

export const fixtureFile = (
  fixture: GoldenFixture,
  suffix: 'events.ndjson' | 'reads.json' | 'public-key.json',
): string => join(GOLDEN_DIR, `${fixture.name}.${suffix}`);

/** The application signing with the fixtures' key; closing it removes the key's copy too. */
export async function startGoldenApp(kind: StoreKind, overrides: Partial<PortfolioConfig> = {}): Promise<TestApp> {
  const keyDir = goldenSigningKeyFolder();
  const removeKey = () => rmSync(keyDir, { recursive: true, force: true });
  try {
    const testApp = await startTestApp(kind, { signingKeyFile: join(keyDir, 'seal-signing-key.pem'), ...overrides });
    return { ...testApp, close: () => testApp.close().finally(removeKey) };
  } catch (error) {
    removeKey();
    throw error;
  }
}

const auditor = bearer('auditor');

async function get(http: App, path: string): Promise<request.Response> {
  const response = await request(http).get(path).set(auditor);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
  return response;
}

/** The position of an NDJSON export's last event: the head of the log it was taken of. */
export function headOf(ndjson: string): string {
  const events = ndjson
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { position?: string });
  return events.findLast((line) => line.position !== undefined)?.position ?? '0';
}

/** The fixture's reads, path → JSON answer, as an auditor gets them once the read models have projected the log. */
export async function readAll(http: App, fixture: GoldenFixture, head: string): Promise<Record<string, unknown>> {
  // A read with minPosition waits for the projections to reach it: none of the reads below can see a lagging model.
  await get(http, `/api/v1/projects?minPosition=${head}`);
  const answers: Record<string, unknown> = {};
  for (const path of fixture.reads) answers[path] = (await get(http, path)).body;
  return answers;
}

/** The instance's public keys (seal key PEM, checkpoint verifier key), as an auditor pins them. */
export async function publicKeys(http: App): Promise<{ readonly publicKeyPem: string; readonly vkey: string }> {
  return (await get(http, '/api/v1/audit/public-key')).body;
}

/** The NDJSON export of the whole log, as an auditor downloads it. */
export async function exportNdjson(http: App): Promise<string> {
  return (await get(http, '/api/v1/audit/export?format=ndjson')).text;
}
