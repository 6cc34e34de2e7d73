import { SqliteEventStore } from '@portfolio/event-store';
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedLog } from '../../../../libs/read-models/src/testing/seed-log';
import { buildServiceOnce } from '../../../../test/support/service-process';
import { runPortfolio } from '../testing/run-portfolio';

// `portfolio rebuild` as an operator runs it: the built command, on the SQLite file of a data directory.

let dataDir: string;
const rebuild = (...flags: string[]) => runPortfolio(['rebuild', ...flags], { PORTFOLIO_DATA_DIR: dataDir });
const inReadModels = <T>(work: (db: Database.Database) => T): T => {
  const db = new Database(join(dataDir, 'portfolio.sqlite'));
  try {
    return work(db);
  } finally {
    db.close();
  }
};
const activeGeneration = () =>
  inReadModels(
    (db) => db.prepare("SELECT generation FROM rm_generations WHERE status = 'active'").get() as { generation: number },
  ).generation;

beforeAll(async () => {
  await buildServiceOnce();
  dataDir = await mkdtemp(join(tmpdir(), 'portfolio-rebuild-cli-'));
  const store = new SqliteEventStore({ file: join(dataDir, 'portfolio.sqlite') });
  try {
    // A mission, two launches and ten measurements: positions 1 to 13.
    await seedLog(store, 10);
  } finally {
    await store.close();
  }
}, 180_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('portfolio rebuild', () => {
  it('says the rebuilt read models equal the live ones, with their digest', async () => {
    // The first run projects the log into generation 1 before it rebuilds; the second compares with a live one.
    expect((await rebuild()).code).toBe(0);

    const run = await rebuild('--expect-identical');

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^parity at position 13: the rebuilt read models equal the live ones \(30 documents, digest [0-9a-f]{64}\)\nread models rebuilt: generation 3, position 13\n$/,
    );
    expect(activeGeneration()).toBe(3);
    // The progress counts what was rebuilt, even when the rebuild is over before the first look at it.
    expect(run.stderr).toMatch(/^rebuild: 13\/13 events \(\d+ events\/s\)\n/m);
  }, 60_000);

  it('with --expect-identical, refuses to switch from live read models that differ, naming the first difference', async () => {
    inReadModels((db) => db.prepare('UPDATE rm_measurements SET value = 999 WHERE position = 7').run());

    const refused = await rebuild('--expect-identical');

    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(
      'parity at position 13: 1 document differs between the live and the rebuilt read models',
    );
    expect(refused.stdout).toContain(
      '  first difference: project vitam: measurement of echanges for departement:13, period 2013-01-31 at position 7\n',
    );
    expect(refused.stdout).toMatch(/\n {4}live: {4}\{.*"value":999.*\}\n {4}rebuilt: \{.*"value":3.*\}\n/);
    expect(refused.stderr).toContain(
      'portfolio: rebuild failed: the rebuilt read models differ from the live ones up to position 13 (1 document; ' +
        'first: project vitam: measurement of echanges for departement:13, period 2013-01-31 at position 7): the ' +
        'live read models keep serving and the rebuilt ones were dropped\n',
    );
    expect(activeGeneration()).toBe(3);
    expect(inReadModels((db) => db.prepare('SELECT generation FROM rm_generations').all())).toEqual([
      { generation: 3 },
    ]);

    // Without the flag, the difference is reported and the rebuilt read models replace the live ones.
    const replaced = await rebuild();
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('1 document differs between the live and the rebuilt read models');
    expect(replaced.stdout).toContain('read models rebuilt: generation 4, position 13\n');
    expect(inReadModels((db) => db.prepare('SELECT value FROM rm_measurements WHERE position = 7').all())).toEqual([
      { value: 3 },
    ]);
  }, 60_000);
});
