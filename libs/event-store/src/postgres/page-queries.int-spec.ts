// What a long read of the PostgreSQL log leaves in the old generation of the heap: its pages must die young.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { newEvent } from '../testing/event-store-contract';
import { READ_ENDS, READ_STARTS } from '../testing/read-whole-log';
import { scratchPostgresSchema, type ScratchSchema } from '../testing/scratch-database';
import { PostgresEventStore } from './postgres-event-store';

const EVENTS = 20_000;
const APPEND_BATCH = 500;
/** About 1 KB of payload per event, as the ledger's events carry: ~20 MB of texts read. */
const PAYLOAD = { note: 'x'.repeat(1000) };

/**
 * Megabytes V8's young-generation collections promoted to the old generation while a process of its own read the
 * whole log (its scavenges, as `--trace-gc-nvp` reports them between the reader's marks), and the events it read.
 */
async function promotedWhileReading(scratch: ScratchSchema): Promise<{ promotedMb: number; read: number }> {
  const script = resolve(__dirname, '../testing/read-whole-log.ts');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--trace-gc-nvp', '--import', 'tsx', script, scratch.connectionString, scratch.schema],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = stdout.split('\n');
  const during = lines.slice(
    lines.indexOf(READ_STARTS),
    lines.findIndex((line) => line.startsWith(READ_ENDS)),
  );
  const promoted = during
    .filter((line) => line.includes(' gc=s '))
    .reduce((sum, line) => sum + Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0), 0);
  const read = Number(lines.find((line) => line.startsWith(READ_ENDS))?.split(' ')[1]);
  return { promotedMb: promoted / 1024 / 1024, read };
}

describe('PostgreSQL paged reads of the log', () => {
  let scratch: ScratchSchema;

  beforeAll(async () => {
    scratch = scratchPostgresSchema('pages');
    const store = await PostgresEventStore.open({ connectionString: scratch.connectionString, schema: scratch.schema });
    try {
      for (let appended = 0; appended < EVENTS; appended += APPEND_BATCH) {
        const batch = Array.from({ length: APPEND_BATCH }, () => newEvent('Noted', PAYLOAD));
        await store.append(`stream-${appended}`, batch, 'no_stream');
      }
    } finally {
      await store.close();
    }
  });
  afterAll(() => scratch.drop());

  it('lets the pages it handed out die young instead of promoting their rows to the old generation', async () => {
    // Given a log of 20,000 events of ~1 KB
    // When a process reads it from end to end
    const { promotedMb, read } = await promotedWhileReading(scratch);
    // Then it read every event, and its young collections promoted far less than the ~20 MB of texts read (pg's
    // promise form kept the rows alive until they were promoted, ~22 MB)
    expect(read).toBe(EVENTS);
    expect(promotedMb).toBeLessThan(5);
  }, 60_000);
});
