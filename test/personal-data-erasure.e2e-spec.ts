import { readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE } from '@portfolio/application';
import { newEventId, type EventStore, type StoredEvent } from '@portfolio/event-store';
import { buildProgram } from '../apps/cli/src/main';
import { startOidcIssuer, TEST_AUDIENCE, type TestOidcIssuer } from './support/oidc-issuer';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';
import { API_TOKENS, bearer, STORE_KINDS, startTestApp, type StoreKind, type TestApp } from './support/test-app';
import { readWorkbook } from './support/xlsx-sheets';

// The right to erasure kept with every proof (crypto-shredding): a person signed in through OpenID Connect records
// commands; their name is read back; an administrator erases them; the name is then gone from every read and export,
// the placeholder in its place, while the log, its seals, checkpoints and exports made before and after still verify.

const NAME = 'Camille Durand';
const ORGANISATION = 'Bureau des identités numériques';
const EVIDENCE = 'procès-verbal signé par Camille Durand';
const NOTE = 'clôture validée avec Camille Durand';
/** What the person's data must never be found as in the store: any of these texts, in clear. */
const CLEAR_TEXTS = [NAME, ORGANISATION, EVIDENCE, NOTE];
const PLACEHOLDER = 'donnée effacée';
const PROJECT = `/api/v1/projects/${franceConnectLaunch.projectId}`;
const CYCLE = { cycleId: 'citp-7', title: '7e CITP', heldOn: '2021-12-31' };

/** The body as bytes, whatever its media type. */
function bytes(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Every text the store holds, read under the application: the event table, and on SQLite the whole database. */
async function storedBytes(testApp: TestApp): Promise<string> {
  const store = testApp.config.store;
  if (store.kind === 'sqlite') {
    const dir = testApp.config.dataDir;
    const files = readdirSync(dir).filter((file) => file.startsWith('portfolio.sqlite'));
    return files.map((file) => readFileSync(join(dir, file)).toString('utf8')).join('\n');
  }
  if (store.kind !== 'postgres') throw new Error(`no raw access to a ${store.kind} store`);
  const pool = new Pool({ connectionString: store.databaseUrl, max: 1, options: `-c search_path="${store.schema}"` });
  try {
    const { rows } = await pool.query<{ text: string }>(
      `SELECT data::text || metadata::text AS text FROM events UNION ALL SELECT data::text FROM rm_project_facts`,
    );
    return rows.map((row) => row.text).join('\n');
  } finally {
    await pool.end();
  }
}

/** `portfolio verify` on an export file: its exit code and report. */
async function portfolioVerify(file: string, keyFile: string): Promise<{ code: unknown; output: string }> {
  const written: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    process.exitCode = undefined;
    await buildProgram().exitOverride().parseAsync(['node', 'portfolio', 'verify', file, '--public-key', keyFile]);
    return { code: process.exitCode, output: written.join('') };
  } finally {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  }
}

describe.each(STORE_KINDS)('erasure of a named person by crypto-shredding on %s', (kind: StoreKind) => {
  let issuer: TestOidcIssuer;
  let testApp: TestApp;
  let http: App;
  let dir: string;
  let camille: Record<string, string>;
  let subjectId: string;
  let lastPosition = '0';

  const admin = bearer('admin');
  const auditor = bearer('auditor');
  const subjectPath = () => `/api/v1/admin/data-subjects/${encodeURIComponent(subjectId)}`;

  async function post(path: string, body: object, headers: Record<string, string>): Promise<void> {
    const response = await request(http).post(path).set(headers).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    lastPosition = response.body.position;
  }

  /** Every read where the person's name or texts appear, as text (a workbook as its cells). */
  async function everyRead(): Promise<Record<string, string>> {
    const get = (path: string) => request(http).get(path).query({ minPosition: lastPosition }).set(auditor).expect(200);
    const workbook = await get(`/api/v1/review-cycles/${CYCLE.cycleId}/pack?format=xlsx`).buffer(true).parse(bytes);
    const sheets = await readWorkbook(workbook.body as Buffer);
    return {
      project: JSON.stringify((await get(PROJECT)).body),
      history: JSON.stringify((await get(`${PROJECT}/history`)).body),
      replay: JSON.stringify((await get(`${PROJECT}/replay`)).body),
      events: JSON.stringify((await get('/api/v1/events')).body),
      report: JSON.stringify((await get(`/api/v1/review-cycles/${CYCLE.cycleId}`)).body),
      packCsv: (await get(`/api/v1/review-cycles/${CYCLE.cycleId}/pack?format=csv`)).text,
      packWorkbook: JSON.stringify([...sheets.values()]),
    };
  }

  /** The erasure events of the audit log, as /events gives them in French. */
  async function erasureEvents(): Promise<{ position: string; data: { subjectId: string } }[]> {
    const { body } = await request(http)
      .get('/api/v1/events')
      .query({ type: 'PersonalDataErased', minPosition: lastPosition })
      .set({ ...auditor, 'Accept-Language': 'fr' })
      .expect(200);
    return body.items;
  }

  async function exportFile(name: string, query: string): Promise<string> {
    const response = await request(http)
      .get(`/api/v1/audit/export?${query}`)
      .set(auditor)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    const file = join(dir, name);
    writeFileSync(file, response.body as Buffer);
    return file;
  }

  beforeAll(async () => {
    issuer = await startOidcIssuer();
    dir = mkdtempSync(join(tmpdir(), 'portfolio-erasure-'));
    testApp = await startTestApp(kind, {
      auth: {
        kind: 'credentials',
        apiTokens: API_TOKENS,
        oidc: { issuer: issuer.issuer, audience: TEST_AUDIENCE, rolesClaim: 'roles', maxTokenAgeSeconds: 3600 },
      },
    });
    http = testApp.app.getHttpServer();
    const token = await issuer.mint({
      sub: 'camille',
      roles: ['programme-office'],
      claims: {
        given_name: 'Camille',
        usual_name: 'Durand',
        email: 'camille.durand@numerique.gouv.fr',
        organizational_unit: ORGANISATION,
      },
    });
    camille = { Authorization: `Bearer ${token}`, 'Accept-Language': 'fr' };
    subjectId = `oidc:${issuer.issuer}#camille`;
    await post('/api/v1/missions', idnumMission, admin);
    await post('/api/v1/projects', franceConnectLaunch, camille);
    const milestone = franceConnectLaunch.milestones[0].milestoneId;
    await post(`${PROJECT}/milestones/${milestone}/reach`, { reachedOn: '2021-06-30', evidence: EVIDENCE }, camille);
    await post(`${PROJECT}/close`, { outcome: 'completed', closedOn: '2021-12-15', note: NOTE }, camille);
    await post('/api/v1/review-cycles', CYCLE, admin);
    writeFileSync(
      join(dir, 'key.pem'),
      (await request(http).get('/api/v1/audit/public-key').set(auditor).expect(200)).body.publicKeyPem as string,
    );
  });
  afterAll(async () => {
    await testApp.close();
    await issuer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the person by name in the reads while their key exists, and never stores it in clear', async () => {
    const reads = await everyRead();
    expect(reads.history).toContain(NAME);
    expect(reads.history).toContain(ORGANISATION);
    expect(reads.history).toContain(EVIDENCE);
    expect(reads.events).toContain(NAME);
    expect(reads.project).toContain(NOTE);
    expect(reads.report).toContain(NOTE);
    expect(reads.packCsv).toContain(NOTE);
    expect(reads.packWorkbook).toContain(NOTE);
    const stored = await storedBytes(testApp);
    for (const text of CLEAR_TEXTS) expect(stored).not.toContain(text);
    expect(stored).toContain('$personal');
  });

  it('tells an administrator what is held about the person', async () => {
    const { body } = await request(http).get(subjectPath()).query({}).set(admin).expect(200);
    expect(body).toEqual({
      subjectId,
      events: { total: 3, byType: { MilestoneReached: 1, ProjectClosed: 1, ProjectLaunched: 1 } },
      legacyClearEvents: 0,
      keyPeriods: [new Date().toISOString().slice(0, 7)],
      erased: false,
      erasures: [],
    });
  });

  it('erases the person: the placeholder in every read and export, every proof still verifying', async () => {
    // The review cycle has the log checkpointed at once, in the background: the checkpoint is checked afterwards.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      if ((await request(http).get('/api/v1/audit/checkpoint').set(auditor)).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const before = await exportFile('before.zip', 'format=bundle');
    const { body } = await request(http)
      .post(`${subjectPath()}/erasure`)
      .set(admin)
      .send({ reason: 'demande RGPD art. 17, ticket 4521' })
      .expect(200);
    const month = new Date().toISOString().slice(0, 7);
    expect(body).toMatchObject({
      subjectId,
      alreadyErased: false,
      erasure: { subjectId, scope: 'subject', periods: [month], reason: 'demande RGPD art. 17, ticket 4521' },
    });
    expect(body.erasure.keyIds).toHaveLength(1);
    expect(body.erasure.by).toEqual({ id: expect.stringMatching(/^token:admin:/), role: 'admin' });
    lastPosition = body.erasure.position;

    const reads = await everyRead();
    for (const [read, text] of Object.entries(reads)) {
      for (const clear of CLEAR_TEXTS) expect({ read, leaks: text.includes(clear) }).toEqual({ read, leaks: false });
    }
    expect(reads.history).toContain(PLACEHOLDER);
    expect(reads.events).toContain(PLACEHOLDER);
    expect(reads.project).toContain(PLACEHOLDER);
    expect(reads.packCsv).toContain(PLACEHOLDER);
    const erasureEvent = (await erasureEvents()).find((event) => event.position === body.erasure.position);
    expect(erasureEvent).toMatchObject({
      streamId: 'personal-data',
      summary: `Données personnelles de ${subjectId} effacées le ${body.erasure.erasedOn}, 1 clé supprimée : demande RGPD art. 17, ticket 4521`,
      metadata: { actor: { id: body.erasure.by.id, role: 'admin' } },
    });
    for (const clear of CLEAR_TEXTS) expect(JSON.stringify(erasureEvent)).not.toContain(clear);

    const ndjson = readFileSync(await exportFile('after.ndjson', 'format=ndjson'), 'utf8');
    for (const clear of CLEAR_TEXTS) expect(ndjson).not.toContain(clear);
    expect(ndjson).toContain('$personal');
    expect(ndjson).toContain('"type":"PersonalDataErased"');

    const verified = (await request(http).get('/api/v1/audit/verify').set(auditor).expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
    expect(verified.checkpointsChecked).toBeGreaterThan(0);
    const after = await exportFile('after.zip', 'format=bundle');
    const project = await exportFile('project.zip', `format=bundle&projectId=${franceConnectLaunch.projectId}`);
    for (const file of [before, after, project]) {
      expect(await portfolioVerify(file, join(dir, 'key.pem'))).toMatchObject({
        code: 0,
        output: expect.stringMatching(/^INTACT: /),
      });
    }
  });

  it('answers a repeated erasure with the first one, and reports the person erased', async () => {
    const { body } = await request(http)
      .post(`${subjectPath()}/erasure`)
      .set(admin)
      .send({ reason: 'relance' })
      .expect(200);
    expect(body).toMatchObject({ alreadyErased: true, erasure: { reason: 'demande RGPD art. 17, ticket 4521' } });
    const report = (await request(http).get(subjectPath()).set(admin).expect(200)).body;
    expect(report).toMatchObject({ erased: true, keyPeriods: [], erasures: [body.erasure] });
    const recorded = (await erasureEvents()).filter((event) => event.data.subjectId === subjectId);
    expect(recorded.map((event) => event.position)).toEqual([body.erasure.position]);
  });

  it('answers 404, a problem in French, for a subject nothing names', async () => {
    const { body } = await request(http)
      .post(`/api/v1/admin/data-subjects/${encodeURIComponent('oidc:https://nowhere#x')}/erasure`)
      .set({ ...admin, 'Accept-Language': 'fr' })
      .send({ reason: 'essai' })
      .expect(404);
    expect(body).toMatchObject({ code: 'data_subject_not_found', detail: expect.stringContaining('aucune donnée') });
  });

  it('counts the events recorded in clear before sealing existed, which it reads unchanged and cannot erase', async () => {
    const legacy = `oidc:${issuer.issuer}#ancien`;
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const metadata = { actor: { id: legacy, name: 'Dominique Ancien', role: 'programme-office' }, commandId: 'legacy' };
    const data = { missionCode: 'DATA', name: 'Données', programme: 'Tech.gouv', definedOn: '2019-11-01' };
    const { position } = await store.append(
      'mission-DATA',
      [{ eventId: newEventId(), type: 'MissionDefined', schemaVersion: 1, data, metadata }],
      'no_stream',
    );
    const path = `/api/v1/admin/data-subjects/${encodeURIComponent(legacy)}`;
    const events = () =>
      request(http).get('/api/v1/events').query({ minPosition: position.toString() }).set(auditor).expect(200);
    await events();
    expect((await request(http).get(path).set(admin).expect(200)).body).toMatchObject({
      events: { total: 1, byType: { MissionDefined: 1 } },
      legacyClearEvents: 1,
      keyPeriods: [],
    });
    const erasure = await request(http).post(`${path}/erasure`).set(admin).send({ reason: 'art. 17' }).expect(200);
    expect(erasure.body).toMatchObject({ alreadyErased: false, erasure: { subjectId: legacy, keyIds: [] } });
    expect(JSON.stringify((await events()).body)).toContain('Dominique Ancien');
  });
});

/** The events of a stream, as stored. */
async function eventsOf(testApp: TestApp, streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of testApp.app.get<EventStore>(EVENT_STORE).readStream(streamId)) events.push(event);
  return events;
}

describe('retention of identifying data, applied by the running service', () => {
  const OLD_KEY_SUBJECT = 'token:reviewer:0123456789ab';

  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp('sqlite', { retentionIdentityDays: 30, retentionIntervalMs: 100 });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('deletes on its schedule the keys of the months past the retention, recording an erasure event per subject', async () => {
    const http = testApp.app.getHttpServer();
    await request(http).post('/api/v1/missions').set(bearer('programme-office')).send(idnumMission).expect(201);
    const store = testApp.config.store;
    if (store.kind !== 'sqlite') throw new Error('a SQLite store');
    const raw = new Database(store.file);
    raw.pragma('busy_timeout = 10000');
    try {
      // A key of a month long past, as one created then would be.
      raw
        .prepare('INSERT INTO personal_data_keys VALUES (?, ?, ?, ?, ?)')
        .run('2020-01.old', OLD_KEY_SUBJECT, '2020-01', 'c2VjcmV0', '2020-01-15T00:00:00.000Z');
      const periods = () => raw.prepare('SELECT period FROM personal_data_keys ORDER BY period').pluck().all();
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && periods().includes('2020-01');) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(periods()).toEqual([new Date().toISOString().slice(0, 7)]);
      const erasures = await eventsOf(testApp, 'personal-data');
      expect(erasures).toEqual([
        expect.objectContaining({
          type: 'PersonalDataErased',
          data: expect.objectContaining({ subjectId: OLD_KEY_SUBJECT, scope: 'retention', keyIds: ['2020-01.old'] }),
          metadata: expect.objectContaining({ actor: { id: 'system:retention', role: 'system' } }),
        }),
      ]);
    } finally {
      raw.close();
    }
  });
});

describe('an erasure interrupted between its event and its key deletion', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is completed by the retry, which records no second event', async () => {
    const http = testApp.app.getHttpServer();
    await request(http).post('/api/v1/missions').set(bearer('programme-office')).send(idnumMission).expect(201);
    const subjectId = await actorOf(testApp, 'mission-IDNUM');
    const path = `/api/v1/admin/data-subjects/${encodeURIComponent(subjectId)}`;
    const store = testApp.config.store;
    if (store.kind !== 'sqlite') throw new Error('a SQLite store');
    const raw = new Database(store.file);
    raw.pragma('busy_timeout = 10000');
    try {
      // The key deletion fails in the database itself, once, as a full disk would make it.
      raw.exec(
        `CREATE TRIGGER keys_fault BEFORE DELETE ON personal_data_keys BEGIN SELECT RAISE(ABORT, 'disk fault'); END`,
      );
      await request(http).post(`${path}/erasure`).set(bearer('admin')).send({ reason: 'art. 17' }).expect(500);
      raw.exec('DROP TRIGGER keys_fault');
      expect((await request(http).get(path).set(bearer('admin')).expect(200)).body.keyPeriods).toHaveLength(1);

      const retry = await request(http).post(`${path}/erasure`).set(bearer('admin')).send({ reason: 'art. 17' });
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ alreadyErased: true, erasure: { subjectId, reason: 'art. 17' } });
      expect((await request(http).get(path).set(bearer('admin')).expect(200)).body).toMatchObject({
        erased: true,
        keyPeriods: [],
      });
      expect((await eventsOf(testApp, 'personal-data')).map((event) => event.type)).toEqual(['PersonalDataErased']);
    } finally {
      raw.close();
    }
  });
});

/** The actor id of a stream's first event: the data subject who recorded it. */
async function actorOf(testApp: TestApp, streamId: string): Promise<string> {
  const [first] = await eventsOf(testApp, streamId);
  return (first.metadata.actor as { id: string }).id;
}
