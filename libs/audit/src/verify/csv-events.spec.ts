import type { StoredEvent } from '@portfolio/event-store';
import { csvHeader, csvLine } from '../export/event-csv';
import { csvTrailerLine, EXPORT_FORMAT_V2, type ExportTrailer } from '../export/export-trailer';
import { readCsvExport } from './csv-events';
import { ExportProblemFound, type ExportProblem } from './export-problem';
import { exportVerdict } from './export-verdict';

// events.csv read back into the events it was written from, and every way a hostile file is refused.

const ZERO = '0'.repeat(64);
const event = (position: number, data: Record<string, unknown>, actorName = 'Camille Martin'): StoredEvent => ({
  position: BigInt(position),
  streamId: 'project-franceconnect',
  revision: BigInt(position - 1),
  eventId: `0190f5a2-7c1e-7000-8000-00000000000${position}`,
  type: 'ProjectRenamed',
  schemaVersion: 1,
  data: { projectId: 'franceconnect', ...data },
  metadata: { actor: { id: 'agent-1', name: actorName, role: 'programme-office' }, commandId: `c-${position}` },
  recordedAt: '2021-02-05T18:00:00.000Z',
  prevHash: ZERO,
  hash: String(position).repeat(64).slice(0, 64),
});

const events = [
  event(1, { name: 'FranceConnect' }),
  event(2, { name: '=HYPERLINK("http://evil")', note: '\'quoted" text, on\ntwo lines' }, 'Camille\nMartin\r\n(DINUM)'),
  event(3, { name: "'apostrophe", emoji: 'Identité ✓' }, '@mention'),
];
const trailer: ExportTrailer = { format: EXPORT_FORMAT_V2, checkpoint: 'c', statement: 's', sealProofs: [] };
const rows = events.map(csvLine);
const csv = (...lines: string[]) => [csvHeader(), ...lines].join('');
const whole = csv(...rows, csvTrailerLine(trailer));

async function* chunksOf(text: string | Buffer, size = 1 << 16): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(text: string | Buffer, options = {}) {
  const seen: { event: StoredEvent; line: number }[] = [];
  const result = await readCsvExport(chunksOf(text, 7), (e, line) => seen.push({ event: e, line }), options);
  return { events: seen, trailer: result };
}

async function problemOf(text: string | Buffer, options = {}): Promise<ExportProblem> {
  try {
    await read(text, options);
  } catch (error) {
    if (error instanceof ExportProblemFound) return error.problem;
    throw error;
  }
  throw new Error('no problem found');
}

describe('readCsvExport', () => {
  it('gives back each stored event, with the line its row starts on, and the trailer', async () => {
    const { events: seen, trailer: read_ } = await read(whole);
    expect(seen.map((s) => s.event)).toEqual(events);
    expect(seen.map((s) => s.line)).toEqual([2, 3, 6]);
    expect(read_).toEqual(trailer);
  });

  it('refuses a file whose header is not an events export’s as unusable', async () => {
    const other = whole.replace('actor_name', 'actor');
    const problem = await problemOf(other);
    expect(problem).toMatchObject({ code: 'bad_csv_header', line: 1 });
    expect(exportVerdict(problem, 'auditor')).toBe('unusable');
    expect(await problemOf(csvTrailerLine(trailer))).toMatchObject({ code: 'bad_csv_header' });
  });

  it('refuses a row with a missing or an extra cell', async () => {
    expect(await problemOf(csv(rows[0].replace(/,[^,]*\n$/, '\n'), csvTrailerLine(trailer)))).toMatchObject({
      code: 'malformed_event',
      line: 2,
      position: '1',
      message: expect.stringMatching(/19 cells, not the 20/),
    });
    expect(await problemOf(csv(rows[0].replace(/\n$/, ',x\n'), csvTrailerLine(trailer)))).toMatchObject({
      code: 'malformed_event',
      message: expect.stringMatching(/21 cells/),
    });
  });

  it('refuses data or metadata that is not a JSON object', async () => {
    const notJson = rows[0].replace('{""name"":""FranceConnect""', '{""name"":FranceConnect');
    const array = rows[0].replace(/"\{""actor"".*?\}"/, '"[]"');
    expect(await problemOf(csv(notJson, csvTrailerLine(trailer)))).toMatchObject({
      message: expect.stringMatching(/data must be a JSON object/),
    });
    expect(await problemOf(csv(array, csvTrailerLine(trailer)))).toMatchObject({
      message: expect.stringMatching(/metadata must be a JSON object/),
    });
  });

  it('refuses a row whose derived columns say something else than its data, though its hash would still hold', async () => {
    const renamedActor = rows[0].replace(',Camille Martin,', ',Someone Else,');
    expect(await problemOf(csv(renamedActor, csvTrailerLine(trailer)))).toMatchObject({
      code: 'malformed_event',
      line: 2,
      message: expect.stringMatching(/not written as the exporter writes this event/),
    });
    const noApostrophe = rows[2].replace(`,'@mention,`, ',@mention,');
    expect(await problemOf(csv(rows[0], rows[1], noApostrophe, csvTrailerLine(trailer)))).toMatchObject({
      code: 'malformed_event',
    });
  });

  it('refuses a line or a row longer than the limit, without holding it', async () => {
    expect(await problemOf(csv(`${'x'.repeat(500)}\n`), { maxRowBytes: 400 })).toMatchObject({
      code: 'malformed_event',
      line: 2,
      message: expect.stringMatching(/line 2 is longer than any event/),
    });
    const manyLines = `"${'x\n'.repeat(300)}"\n`;
    expect(await problemOf(csv(manyLines), { maxRowBytes: 400 })).toMatchObject({
      message: expect.stringMatching(/the row open at line \d+ is longer than any event/),
    });
  });

  it('refuses a file cut short: without its trailer, or in the middle of a line', async () => {
    expect(await problemOf(csv(...rows))).toMatchObject({ code: 'truncated' });
    expect(await problemOf(whole.slice(0, -1))).toMatchObject({ code: 'truncated' });
    expect(await problemOf(csv(rows[0], rows[1].slice(0, 40)))).toMatchObject({ code: 'truncated' });
  });

  it('refuses anything after the trailer, and a comment line that is not the trailer', async () => {
    expect(await problemOf(`${whole}${rows[2]}`)).toMatchObject({ code: 'malformed_event', line: 8 });
    expect(await problemOf(`${whole}\n`)).toMatchObject({
      message: expect.stringMatching(/follows the export's trailer/),
    });
    expect(await problemOf(csv(...rows, '#comment\n'))).toMatchObject({
      message: expect.stringMatching(/must start with #exportTrailer:/),
    });
    for (const body of ['not base64!', Buffer.from('{"format":"v1"}').toString('base64'), 'AAAA']) {
      expect(await problemOf(csv(...rows, `#exportTrailer:${body}\n`))).toMatchObject({
        code: 'malformed_event',
        message: expect.stringMatching(/is not the export's trailer/),
      });
    }
  });

  it('reads a "#" that starts a line inside a quoted cell as text, not as the trailer', async () => {
    const hashLine = event(4, {}, 'first line\n#exportTrailer:not really');
    const { events: seen } = await read(csv(csvLine(hashLine), csvTrailerLine(trailer)));
    expect(seen.map((s) => s.event)).toEqual([hashLine]);
  });

  it('refuses bytes that are not UTF-8, and a quoted cell never closed', async () => {
    const latin1 = Buffer.concat([Buffer.from(csv()), Buffer.from([0xe9, 0x0a]), Buffer.from(csvTrailerLine(trailer))]);
    expect(await problemOf(latin1)).toMatchObject({ code: 'malformed_event', message: expect.stringMatching(/UTF-8/) });
    expect(await problemOf(csv('1,"open\n', csvTrailerLine(trailer)))).toMatchObject({
      code: 'malformed_event',
      message: expect.stringMatching(/never closed/),
    });
  });
});
