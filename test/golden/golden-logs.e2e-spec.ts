import { readFileSync } from 'node:fs';
import { verifyExport } from '@portfolio/audit';
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@portfolio/event-store';
import type { PortfolioConfig } from '@portfolio/application';
import { scratchPostgresSchema, scratchSqliteFile } from '../../libs/event-store/src/testing/scratch-database';
import { checkFullNdjsonExport } from '../support/independent-verifier';
import { STORE_KINDS, type StoreKind, type TestApp } from '../support/test-app';
import { fixtureFile, readAll, startGoldenApp } from './golden-app';
import { GOLDEN_FIXTURES, type GoldenFixture } from './golden-reads';
import { exportedEvents, importExportedLog } from './import-log';

// Logs recorded by earlier releases (test/golden/README.md), imported into a fresh store as they were recorded and
// replayed by this code: the same read models, the same verification, whatever schema versions were added since.

const fixtureText = (fixture: GoldenFixture, suffix: Parameters<typeof fixtureFile>[1]) =>
  readFileSync(fixtureFile(fixture, suffix), 'utf8');

/** A fresh store of this kind holding the fixture's log, and the application started on it. */
async function replayed(
  kind: StoreKind,
  ndjson: string,
): Promise<{ testApp: TestApp; imported: number; dispose(): Promise<void> }> {
  const scratch = kind === 'sqlite' ? scratchSqliteFile('golden', 'portfolio.sqlite') : scratchPostgresSchema('golden');
  const store: EventStore =
    'file' in scratch
      ? new SqliteEventStore({ file: scratch.file })
      : await PostgresEventStore.open({ connectionString: scratch.connectionString, schema: scratch.schema });
  let imported: number;
  try {
    imported = await importExportedLog(store, ndjson);
  } finally {
    await store.close();
  }
  const overrides: Partial<PortfolioConfig> =
    'file' in scratch
      ? { dataDir: scratch.dir, store: { kind: 'sqlite', file: scratch.file } }
      : { store: { kind: 'postgres', databaseUrl: scratch.connectionString, schema: scratch.schema } };
  const testApp = await startGoldenApp(kind, overrides);
  return {
    testApp,
    imported,
    dispose: async () => {
      await testApp.close();
      if ('file' in scratch) scratch.remove();
      else await scratch.drop();
    },
  };
}

/**
 * The reads without what is the instance's rather than the log's: the instant the verification ran at, and how many
 * checkpoints it checked (an instance signs its own as its log grows; a log imported whole gets one).
 */
function ofTheLog(reads: Record<string, unknown>): Record<string, unknown> {
  const verification = { ...(reads[VERIFY] as Record<string, unknown>) };
  delete verification.checkedAt;
  delete verification.checkpointsChecked;
  return { ...reads, [VERIFY]: verification };
}

const VERIFY = '/api/v1/audit/verify';

describe.each(GOLDEN_FIXTURES)('golden log $name', (fixture) => {
  const ndjson = fixtureText(fixture, 'events.ndjson');
  const golden = JSON.parse(fixtureText(fixture, 'reads.json')) as Record<string, unknown>;
  const keys = JSON.parse(fixtureText(fixture, 'public-key.json')) as { publicKeyPem: string; vkey: string };

  it('verifies offline as exported, by the independent verifier and by the verifier `portfolio verify` runs', async () => {
    expect(checkFullNdjsonExport(ndjson, keys.vkey)).toMatchObject({ events: String(exportedEvents(ndjson).length) });
    const report = await verifyExport(
      { kind: 'ndjson', path: fixtureFile(fixture, 'events.ndjson') },
      { publicKeyPem: keys.publicKeyPem, workers: 0 },
    );
    expect(report).toMatchObject({ ok: true, eventsChecked: exportedEvents(ndjson).length });
    expect(report.problem).toBeUndefined();
  });

  describe.each(STORE_KINDS)('replayed on %s', (kind) => {
    let replay: Awaited<ReturnType<typeof replayed>>;

    beforeAll(async () => {
      replay = await replayed(kind, ndjson);
    }, 60_000);

    afterAll(async () => {
      await replay?.dispose();
    });

    it('imports every event with its recorded position, instant and hash', () => {
      expect(replay.imported).toBe(exportedEvents(ndjson).length);
    });

    it('serves the read models the recording release served, and a verification that finds the log intact', async () => {
      const reads = await readAll(replay.testApp.app.getHttpServer(), fixture, String(replay.imported));
      expect(ofTheLog(reads)).toEqual(ofTheLog(golden));
      expect(reads[VERIFY]).toMatchObject({ ok: true, problem: null, sealsChecked: expect.any(Number) });
    });
  });
});
