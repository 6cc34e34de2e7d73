import type { NewEvent, StoredEvent } from '@portfolio/event-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, publicKeyPem } from '../seal/signing';
import { writeWholeBundle } from '../testing/bundle-file';
import { appendSealedLedger, newEvent } from '../testing/sealed-ledger';
import { openTestStore, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { BundleZip } from '../verify/bundle-zip';
import { verifyExport } from '../verify/verify-export';
import { CSV_COLUMNS } from './event-csv';
import { EXPORT_FILES } from './export-format';

const key = generateSigningKey();

/** Caller-controlled text, as a hostile client would send it: OIDC claims, Idempotency-Key, X-Correlation-Id. */
const hostile: NewEvent = {
  ...newEvent('MilestoneReached', {
    projectId: 'franceconnect',
    milestoneId: 'plus',
    reachedOn: '2022-03-01',
    evidence: '-1+1 see the signed minutes',
  }),
  metadata: {
    actor: { id: 'agent-2', name: '=HYPERLINK("http://x","y")', role: 'programme-office', organisation: "'DINUM" },
    commandId: '+1',
    correlationId: '@SUM(A1)',
  },
};

/** RFC 4180 rows, as a spreadsheet or a CSV library reads them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && char === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += char;
  }
  return rows;
}

/** The auditor README's rule: a cell starting with `'` lost that one quote on the way back. */
const restored = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);

async function csvOfBundle(path: string): Promise<string> {
  const zip = await BundleZip.open(path);
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of zip.read(EXPORT_FILES.csv)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    zip.close();
  }
}

describe.each(TEST_STORE_KINDS)('events.csv on %s', (kind) => {
  let test: TestStore;
  let dir: string;
  let stored: StoredEvent;

  beforeEach(async () => {
    test = await openTestStore(kind);
    const { events } = await appendSealedLedger(test.store, key);
    const franceconnect = events.filter((event) => event.streamId === 'project-franceconnect');
    await test.store.append('project-franceconnect', [hostile], BigInt(franceconnect.length - 1));
    for await (const event of test.store.readStream('project-franceconnect')) stored = event;
    dir = await mkdtemp(join(tmpdir(), 'portfolio-csv-'));
  });
  afterEach(async () => {
    await test.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes caller-controlled cells so that no spreadsheet runs them, reversibly, in a bundle that still verifies', async () => {
    const path = join(dir, 'bundle.zip');
    await writeWholeBundle(test.store, key, path);

    const [header, ...rows] = parseCsv(await csvOfBundle(path));
    expect(header).toEqual([...CSV_COLUMNS]);
    // The trailer closes the file as a comment line (the TableSchema's dialect says so): one cell, no comma.
    expect(rows.pop()).toEqual([expect.stringMatching(/^#exportTrailer:[A-Za-z0-9+/=]+$/)]);
    const raw = Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, rows.at(-1)?.[i] ?? '']));
    expect(raw).toMatchObject({
      position: stored.position.toString(),
      actor_name: `'=HYPERLINK("http://x","y")`,
      actor_organisation: "''DINUM",
      command_id: "'+1",
      correlation_id: "'@SUM(A1)",
    });
    const cell = (name: string) => restored(raw[name]);
    expect({
      actor: {
        id: cell('actor_id'),
        name: cell('actor_name'),
        role: cell('actor_role'),
        organisation: cell('actor_organisation'),
      },
      commandId: cell('command_id'),
      correlationId: cell('correlation_id'),
      data: JSON.parse(cell('data')),
      metadata: JSON.parse(cell('metadata')),
      hash: cell('hash'),
    }).toEqual({ ...hostile.metadata, metadata: stored.metadata, data: stored.data, hash: stored.hash });
    expect(stored.data.evidence).toBe('-1+1 see the signed minutes');

    expect(await verifyExport({ kind: 'bundle', path }, { publicKeyPem: publicKeyPem(key) })).toMatchObject({
      ok: true,
      eventsChecked: 14,
    });
  });
});
