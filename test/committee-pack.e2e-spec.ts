import request from 'supertest';
import type { App } from 'supertest/types';
import { tableSchemaViolations } from '../apps/api/src/reads/pack/testing/table-schema-violations';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { recordTimeTravelScenario } from './support/time-travel-scenario';
import { excelDate, readWorkbook } from './support/xlsx-sheets';

// The committee pack over HTTP: the time-travel scenario recorded through the API, then CITP 6's pack downloaded as
// the committee would, as CSV (checked against the TableSchema its Link names) and as a workbook (read back from its
// XML). The rows themselves are worked out in libs/read-models/src/pack/committee-pack.spec.ts.

const API = '/api/v1';
const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The body as bytes, whatever its media type. */
function bytes(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('the committee pack of a review cycle over HTTP', () => {
  let testApp: TestApp;
  let http: App;
  let lastPosition: string;

  const get = (path: string, query: Record<string, string> = {}) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: lastPosition, ...query })
      .set(reviewer);

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    http = testApp.app.getHttpServer();
    await recordTimeTravelScenario(async (path, body, status) => {
      const response = await request(http).post(`${API}${path}`).set(programmeOffice).send(body);
      if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
      lastPosition = response.body.position;
    });
  }, 30_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('downloads the projects as CSV, valid against the TableSchema its Link header names', async () => {
    const response = await get('/review-cycles/citp-6/pack', { format: 'csv' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="pack-citp-6-projets.csv"');
    const link = /^<([^>]+)>; rel="describedby"$/.exec(response.headers.link)?.[1];
    expect(link).toBe(`${API}/review-cycles/pack/schema?part=projects`);
    const schema = await request(http)
      .get(link as string)
      .set(reviewer)
      .expect(200);
    expect(tableSchemaViolations(response.text, schema.body)).toEqual([]);
    const lines = response.text.split('\n');
    expect(lines[0]).toMatch(/^code_mission,mission,id_projet,projet,statut,issue,sante,avancement,/);
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
      'DATA,Données,api-particulier,API Particulier,en cours,,vert',
      'DATA,Données,hubee,Hubee,en cours,,orange',
      'DATA,Données,vitam,Vitam,clôturé,achevé,',
      'IDNUM,Identité numérique,franceconnect,FranceConnect,en cours,,rouge',
    ]);
  });

  it('downloads the changes since CITP 5 as a second CSV, valid against its own schema', async () => {
    const response = await get('/review-cycles/citp-6/pack', { format: 'csv', part: 'changes' });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="pack-citp-6-changements.csv"');
    const schema = await request(http).get(`${API}/review-cycles/pack/schema`).query({ part: 'changes' }).set(reviewer);
    expect(tableSchemaViolations(response.text, schema.body)).toEqual([]);
    expect(response.text).toContain('vitam,Vitam,clôture,,en cours,clôturé,,,2021-06-30,');
    expect(response.text.split('\n').length - 2).toBe(7);
  });

  it('downloads a workbook: the portfolio and the changes, French headers, numbers and dates typed', async () => {
    const response = await get('/review-cycles/citp-6/pack', { format: 'xlsx' }).buffer(true).parse(bytes);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toBe('attachment; filename="pack-citp-6.xlsx"');
    const sheets = await readWorkbook(response.body as Buffer);
    expect([...sheets.keys()]).toEqual(['Portefeuille', 'Changements']);
    const [header, , hubee] = sheets.get('Portefeuille') ?? [];
    expect(header.slice(0, 8)).toEqual([
      'Code mission',
      'Mission',
      'Identifiant projet',
      'Projet',
      'Statut',
      'Issue',
      'Santé',
      'Avancement (%)',
    ]);
    expect(hubee.slice(0, 14)).toEqual([
      'DATA',
      'Données',
      'hubee',
      'Hubee',
      'en cours',
      null,
      'orange',
      66.7,
      1,
      0,
      0,
      0,
      2,
      expect.any(Number),
    ]);
    expect(excelDate(hubee[13] as number)).toBe('2019-07-01');
    const changes = sheets.get('Changements') ?? [];
    expect(changes[0]).toContain('Nature');
    expect(changes.map((row) => row[2])).toContain('révision du plan');
  });

  it('answers the workbook when no format is given', async () => {
    const response = await get('/review-cycles/citp-6/pack').buffer(true).parse(bytes);
    expect(response.headers['content-type']).toBe(XLSX);
  });

  it('answers 404 for a cycle not held', async () => {
    const response = await get('/review-cycles/citp-9/pack', { format: 'csv' });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'review_cycle_not_found' });
  });

  it.each([
    [{ format: 'pdf' }, 'format'],
    [{ format: 'csv', part: 'milestones' }, 'part'],
    [{ format: 'xlsx', part: 'changes' }, 'part'],
    [{ format: 'csv', sheet: 'projects' }, 'sheet'],
  ])('refuses %j with 400 invalid_query', async (query, parameter) => {
    const response = await get('/review-cycles/citp-6/pack', query);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('invalid_query');
    expect(JSON.stringify(response.body)).toContain(parameter);
  });

  it('refuses a caller without credentials', async () => {
    await request(http).get(`${API}/review-cycles/citp-6/pack`).expect(401);
  });

  it('is described in OpenAPI: its format and part, the workbook and CSV media types', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    const pack = body.paths[`${API}/review-cycles/{cycleId}/pack`].get;
    const parameters = pack.parameters.filter((p: { in: string }) => p.in === 'query');
    expect(parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'asOf',
      'at',
      'format',
      'minPosition',
      'part',
    ]);
    expect(parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toEqual(['xlsx', 'csv']);
    expect(Object.keys(pack.responses['200'].content).sort()).toEqual([XLSX, 'text/csv']);
    expect(body.paths[`${API}/review-cycles/pack/schema`].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'part',
    ]);
  });
});
