import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, publicKeyPem } from '../seal/signing';
import { appendSealedLedger } from '../testing/sealed-ledger';
import { openTestStore, type TestStore } from '../testing/test-stores';
import { writeExport } from './testing/real-exports';
import { verifyExport } from './verify-export';

// events.csv as the exporter writes it, verified as the NDJSON is: every event through the same checks.

const key = generateSigningKey();
const pem = publicKeyPem(key);
let test: TestStore;
let dir: string;

beforeAll(async () => {
  test = await openTestStore('sqlite');
  await appendSealedLedger(test.store, key);
  dir = await mkdtemp(join(tmpdir(), 'portfolio-verify-csv-'));
});
afterAll(async () => {
  await test.dispose();
  await rm(dir, { recursive: true, force: true });
});

const verifyCsv = (path: string) => verifyExport({ kind: 'csv', path }, { publicKeyPem: pem });

/** The CSV with `change` applied to its lines (header first, trailer last), written beside it. */
async function changed(path: string, change: (lines: string[]) => string[]): Promise<string> {
  const lines = (await readFile(path, 'utf8')).split(/(?<=\n)/);
  const out = `${path}.changed.csv`;
  await writeFile(out, change(lines).join(''));
  return out;
}

describe('verifyExport on events.csv', () => {
  it('passes a full export untouched, recomputing the seal roots and the checkpoint’s from its rows', async () => {
    const result = await verifyCsv(await writeExport(test.store, key, dir, 'csv'));
    expect(result).toMatchObject({
      ok: true,
      verdict: 'intact',
      eventsChecked: 13,
      streamsChecked: 6,
      sealsChecked: 2,
      limitations: [],
    });
  });

  it('finds rows removed with the trailer kept: the signed statement no longer counts them', async () => {
    const path = await writeExport(test.store, key, dir, 'csv');
    // The last two rows (unsealed events): no seal covers them, only the trailer does.
    const cut = await changed(path, (lines) => [...lines.slice(0, -3), lines.at(-1) as string]);
    const result = await verifyCsv(cut);
    expect(result).toMatchObject({
      ok: false,
      verdict: 'tampered',
      problem: { code: 'statement_mismatch', message: expect.stringMatching(/counts 13 events, the export holds 11/) },
    });
  });

  it('finds the trailer removed: the file was cut', async () => {
    const path = await writeExport(test.store, key, dir, 'csv');
    const result = await verifyCsv(await changed(path, (lines) => lines.slice(0, -1)));
    expect(result).toMatchObject({ verdict: 'tampered', problem: { code: 'truncated' } });
  });

  it('finds a changed value in a row, which breaks its event’s hash', async () => {
    const path = await writeExport(test.store, key, dir, 'csv');
    const result = await verifyCsv(
      await changed(path, (lines) =>
        lines.map((line, i) => (i === 2 ? line.replace('FranceConnect', 'FranceConnecT') : line)),
      ),
    );
    expect(result).toMatchObject({ verdict: 'tampered', problem: { code: 'chain_broken', line: 3 } });
  });

  it('says a filtered CSV is at best unverified: it carries no inclusion proofs', async () => {
    const path = await writeExport(test.store, key, dir, 'csv', { projectId: 'franceconnect' });
    const result = await verifyCsv(path);
    expect(result).toMatchObject({
      ok: true,
      verdict: 'unverified',
      filtered: true,
      eventsChecked: 5,
      limitations: [expect.stringMatching(/filtered CSV export carries no inclusion proofs/)],
    });
  });

  it('refuses as unusable a CSV that is not an events export', async () => {
    const other = join(dir, 'other.csv');
    await writeFile(other, 'name,value\nx,1\n');
    expect(await verifyCsv(other)).toMatchObject({ verdict: 'unusable', problem: { code: 'bad_csv_header' } });
  });
});
