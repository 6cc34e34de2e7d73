// Reads a PostgreSQL log from end to end in a process of its own, marking on stdout where the read starts and ends.
import { PostgresEventStore } from '../postgres/postgres-event-store';

export const READ_STARTS = 'READ_STARTS';
export const READ_ENDS = 'READ_ENDS';

/** argv: connection string, schema. Run with a tracing flag of V8, whose lines fall between the two marks. */
async function readWholeLog([connectionString, schema]: readonly string[]): Promise<void> {
  const store = await PostgresEventStore.open({ connectionString, schema });
  try {
    process.stdout.write(`${READ_STARTS}\n`);
    let read = 0;
    for await (const event of store.readAllCanonical({ batchSize: 100 })) read += event.dataText.length > 0 ? 1 : 0;
    process.stdout.write(`${READ_ENDS} ${read}\n`);
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  readWholeLog(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
