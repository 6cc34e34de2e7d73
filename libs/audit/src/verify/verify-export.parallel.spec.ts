import type { StoredEvent } from '@portfolio/event-store';
import {
  exportLedger,
  ndjsonOf,
  useLedger,
  verifyBundle,
  withDigests,
  type ExportFiles,
} from '../testing/export-fixture';
import { lineBatches, type LineBatch } from './line-batches';
import type { ExportVerification } from './verify-export';

// The same exports verified in one batch in this thread and cut into small batches prepared by worker threads:
// every finding is the same, at the same line, whichever batch or thread read it.

// Each worker compiles the verifier's sources on start (tsx): seconds, where the compiled verifier takes a fraction.
jest.setTimeout(60_000);

const ledger = useLedger();
let full: ExportFiles;
let filtered: ExportFiles;
const inProject = (event: StoredEvent): boolean => event.streamId === 'project-franceconnect';

beforeAll(() => {
  full = exportLedger(ledger);
  filtered = exportLedger(ledger, { only: inProject, filters: { projectId: 'franceconnect' } });
});

/** Two event lines a batch: the 13 events make some seven batches, all but the first and seventh read by workers. */
const batchBytes = (files: ExportFiles): number => Buffer.byteLength(files.ndjson.split('\n').slice(0, 2).join('\n'));

/** The 1-based number of the first line of each batch, as the verifier cuts events.ndjson. */
async function batchStarts(files: ExportFiles): Promise<number[]> {
  async function* whole() {
    yield Buffer.from(ndjsonOf(files));
  }
  const starts: number[] = [];
  let next = 1;
  for await (const batch of lineBatches(whole(), batchBytes(files), 1 << 20)) {
    starts.push(next);
    next += (batch as LineBatch).bytes.toString().split('\n').length - 1;
  }
  return starts;
}

async function bothWays(files: ExportFiles, batchesOf: ExportFiles = files): Promise<ExportVerification> {
  const inOne = await verifyBundle(ledger, files, { publicKeyPem: ledger.pem, workers: 0 });
  const inBatches = await verifyBundle(ledger, files, {
    publicKeyPem: ledger.pem,
    workers: 2,
    batchBytes: batchBytes(batchesOf),
  });
  expect(inBatches).toEqual(inOne);
  return inBatches;
}

/** events.ndjson with its event lines changed, the rest (manifest, digests, CSV) as exported. */
function withLines(files: ExportFiles, change: (lines: string[]) => string[]): ExportFiles {
  const lines = files.ndjson.split('\n').slice(0, -1);
  return { ...files, ndjson: change(lines).join('\n') + '\n' };
}

const changed = (line: string) => line.replace(/"recordedAt":"([^"]*)"/, '"recordedAt":"$1 "');

describe('verifyExport in batches prepared by workers', () => {
  it('cuts the fixture into several batches of whole lines', async () => {
    const starts = await batchStarts(full);
    expect(starts.length).toBeGreaterThanOrEqual(5);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(2);
  });

  it('passes an untouched bundle, full or filtered, counting the same', async () => {
    // The seals' roots are recomputed from the leaf hashes the workers took.
    expect(await bothWays(full)).toMatchObject({ ok: true, verdict: 'intact', eventsChecked: 13, sealsChecked: 2 });
    expect(await bothWays(filtered)).toMatchObject({ ok: true, verdict: 'intact', eventsChecked: 5 });
  });

  it('finds an event changed in the middle of the second batch at that event', async () => {
    const [, second] = await batchStarts(full);
    const result = await bothWays(withLines(full, (lines) => lines.map((l, i) => (i === second ? changed(l) : l))));
    expect(result.problem).toMatchObject({ code: 'chain_broken', line: second + 1, position: ledger.at(second) });
  });

  it('finds an event changed at a batch’s first line at that event', async () => {
    const [, , third] = await batchStarts(full);
    const index = third - 1;
    const result = await bothWays(withLines(full, (lines) => lines.map((l, i) => (i === index ? changed(l) : l))));
    expect(result.problem).toMatchObject({ code: 'chain_broken', line: third, position: ledger.at(index) });
  });

  it('finds two events swapped across a batch boundary where the later one comes first', async () => {
    const [, , third] = await batchStarts(full);
    const [last, first] = [third - 2, third - 1];
    const files = withLines(full, (lines) =>
      lines.map((l, i) => (i === last ? lines[first] : i === first ? lines[last] : l)),
    );
    expect((await bothWays(files, full)).problem).toMatchObject({
      code: 'out_of_order',
      line: third,
      position: ledger.at(last),
    });
  });

  it('finds a line cut short in a later batch, and a line after the trailer', async () => {
    const cut = await bothWays({ ...full, ndjson: full.ndjson.slice(0, -40) });
    expect(cut.problem).toMatchObject({ code: 'truncated', line: 13, position: ledger.at(12) });
    const text = ndjsonOf(full) + full.ndjson.split('\n')[0] + '\n';
    const added = await bothWays({ ...full, ndjson: text, trailer: undefined }, full);
    expect(added.problem).toMatchObject({ code: 'after_trailer', line: 15 });
  });

  it('finds a row of events.csv changed in a later batch at its line, the CSV rows coming from workers', async () => {
    const [, , third] = await batchStarts(full);
    // Line i + 2 of events.csv is the row of event i; a character of two bytes in UTF-8 where one was.
    const row = third + 1;
    const lines = full.others['events.csv'].split('\n');
    lines[row - 1] = lines[row - 1].replace(',Camille Martin,', ',Camille Mártin,');
    const csv = lines.join('\n');
    expect(csv).not.toBe(full.others['events.csv']);
    const files = withDigests({ ...full, others: { ...full.others, 'events.csv': csv } });
    expect((await bothWays(files, full)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: row,
      position: ledger.at(third - 1),
    });
  });

  it('finds a filtered export’s inclusion proof changed in a later batch at its event', async () => {
    const [position] = Object.keys(filtered.proofs).slice(3);
    const proof = filtered.proofs[position];
    const files = {
      ...filtered,
      proofs: { ...filtered.proofs, [position]: { ...proof, proof: [...proof.proof].reverse() } },
    };
    expect((await bothWays(files, filtered)).problem).toMatchObject({ code: 'inclusion_failed', position });
  });
});
