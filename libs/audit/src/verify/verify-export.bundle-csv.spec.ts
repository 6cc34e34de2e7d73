import { csvLine } from '../export/event-csv';
import { csvTrailerLine } from '../export/export-trailer';
import {
  exportLedger,
  useLedger,
  verifyBundle,
  withDigests,
  withEvents,
  type ExportFiles,
} from '../testing/export-fixture';

// A bundle's events.csv is held against its events.ndjson: the manifest's digests are not signed, so each of these
// forgeries recomputes them, as anyone can. The fixture's log is that of verify-export.bundle.spec.ts (13 events);
// line 1 of events.csv is the header, line i + 2 the row of event i, line 15 the trailer.

const ledger = useLedger();
let untouched: ExportFiles;
beforeAll(() => {
  untouched = exportLedger(ledger);
});

/** events.csv changed line by line (its last newline kept), the manifest's digests recomputed. */
function withCsv(files: ExportFiles, change: (lines: string[]) => string[]): ExportFiles {
  const lines = files.others['events.csv'].split('\n').slice(0, -1);
  const csv = change(lines)
    .map((line) => `${line}\n`)
    .join('');
  return withDigests({ ...files, others: { ...files.others, 'events.csv': csv } });
}

/** events.csv replaced by these bytes, the manifest's digests recomputed. */
function withCsvText(files: ExportFiles, csv: string): ExportFiles {
  return withDigests({ ...files, others: { ...files.others, 'events.csv': csv } });
}

describe('verifyExport holds a bundle’s events.csv against its events.ndjson', () => {
  it('passes an untouched bundle, full or filtered', async () => {
    expect(await verifyBundle(ledger, untouched)).toMatchObject({ ok: true, verdict: 'intact' });
    const filtered = exportLedger(ledger, {
      only: (event) => event.streamId === 'project-franceconnect',
      filters: { projectId: 'franceconnect' },
    });
    expect(await verifyBundle(ledger, filtered)).toMatchObject({ ok: true, verdict: 'intact', eventsChecked: 5 });
  });

  it('finds a changed cell, naming its line and position', async () => {
    const forged = withCsv(untouched, (lines) =>
      lines.map((line, i) => (i === 4 ? line.replace('Camille Martin', 'Camille Marti') : line)),
    );
    const result = await verifyBundle(ledger, forged);
    expect(result).toMatchObject({ ok: false, verdict: 'tampered', eventsChecked: 13 });
    expect(result.problem).toEqual({
      code: 'csv_mismatch',
      file: 'events.csv',
      line: 5,
      position: ledger.at(3),
      message: `line 5 of events.csv is not the row of position ${ledger.at(3)} as the exporter writes it from events.ndjson: it was changed`,
    });
  });

  it('finds a payload cell spelled otherwise, though it holds the same values', async () => {
    // A space after the opening brace of the row's data cell: its JSON still parses to the same object.
    const forged = withCsv(untouched, (lines) =>
      lines.map((line, i) => (i === 4 ? line.replace('"{""', '"{ ""') : line)),
    );
    expect(forged.others['events.csv']).not.toBe(untouched.others['events.csv']);
    const result = await verifyBundle(ledger, forged);
    expect(result).toMatchObject({ ok: false, verdict: 'tampered', eventsChecked: 13 });
    expect(result.problem).toMatchObject({ code: 'csv_mismatch', line: 5, position: ledger.at(3) });
  });

  it('finds a changed hash in a row, though the row is well formed', async () => {
    const event = ledger.events[7];
    const forged = withCsv(untouched, (lines) =>
      lines.map((line, i) => (i === 8 ? csvLine({ ...event, hash: 'ab'.repeat(32) }).slice(0, -1) : line)),
    );
    expect((await verifyBundle(ledger, forged)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: 9,
      position: ledger.at(7),
    });
  });

  it('finds a removed row where the next one stands instead', async () => {
    const forged = withCsv(untouched, (lines) => lines.filter((_, i) => i !== 6));
    expect((await verifyBundle(ledger, forged)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: 7,
      position: ledger.at(5),
      message: `line 7 of events.csv holds the row of position ${ledger.at(6)} where events.ndjson has position ${ledger.at(5)}: rows were removed, added or reordered`,
    });
  });

  it('finds an added row, in the middle or after the last event', async () => {
    const copied = withCsv(untouched, (lines) => [...lines.slice(0, 3), lines[2], ...lines.slice(3)]);
    expect((await verifyBundle(ledger, copied)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: 4,
      position: ledger.at(2),
    });
    const appended = withCsv(untouched, (lines) => [...lines.slice(0, -1), lines[13], lines.at(-1) as string]);
    expect((await verifyBundle(ledger, appended)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: 15,
      message: 'line 15 of events.csv is not the trailer as the exporter writes it from events.ndjson: it was changed',
    });
  });

  it('finds a line after the trailer', async () => {
    const forged = withCsv(untouched, (lines) => [...lines, 'extra']);
    expect((await verifyBundle(ledger, forged)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: 16,
      message: 'line 16 of events.csv follows its trailer, which must end it: it was added',
    });
  });

  it('finds a cut file: in the middle of a line, or at the end of one', async () => {
    const lines = untouched.others['events.csv'].split('\n');
    const midLine = withCsvText(untouched, `${lines.slice(0, 7).join('\n')}\n${lines[7].slice(0, 30)}`);
    expect((await verifyBundle(ledger, midLine)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: 8,
      position: ledger.at(6),
      message: 'events.csv stops in the middle of line 8: it was cut',
    });
    const rows = withCsv(untouched, (lines) => lines.slice(0, 9));
    expect((await verifyBundle(ledger, rows)).problem).toMatchObject({
      code: 'csv_mismatch',
      position: ledger.at(8),
      message: `events.csv ends before the row of position ${ledger.at(8)}: rows were removed or the file was cut`,
    });
  });

  it('finds a trailer other than events.ndjson’s', async () => {
    const { trailer } = untouched;
    if (trailer === undefined) throw new Error('the fixture exports a trailer');
    const other = csvTrailerLine({ ...trailer, sealProofs: trailer.sealProofs.slice(1) }).slice(0, -1);
    const forged = withCsv(untouched, (lines) => [...lines.slice(0, -1), other]);
    expect((await verifyBundle(ledger, forged)).problem).toMatchObject({ code: 'csv_mismatch', line: 15 });
  });

  it('finds a header changed', async () => {
    const forged = withCsv(untouched, ([header, ...rows]) => [header.replace('actor_name', 'actor'), ...rows]);
    expect((await verifyBundle(ledger, forged)).problem).toMatchObject({
      code: 'csv_mismatch',
      line: 1,
      message: 'line 1 of events.csv is not the header as the exporter writes it from events.ndjson: it was changed',
    });
  });

  it('reports a problem of events.ndjson first, even one further down than the CSV’s', async () => {
    const changedCsv = withCsv(untouched, (lines) => lines.filter((_, i) => i !== 2));
    const both = withDigests(
      withEvents(changedCsv, (events) =>
        events.map((event, i) => (i === 9 ? { ...event, data: { ...event.data, forged: true } } : event)),
      ),
    );
    expect((await verifyBundle(ledger, both)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(9) });
  });

  it('requires events.csv, even when the manifest does not list it', async () => {
    const others = Object.fromEntries(Object.entries(untouched.others).filter(([name]) => name !== 'events.csv'));
    const unlisted = withDigests({ ...untouched, others });
    expect((await verifyBundle(ledger, unlisted)).problem).toMatchObject({
      code: 'missing_file',
      file: 'events.csv',
    });
  });
});
