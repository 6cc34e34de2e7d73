// A projection process on its own, for the crash test: it follows the log until it is killed.
// Usage: tsx run-projections.ts <sqlite file> | tsx run-projections.ts postgres <database url> <schema>
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@portfolio/event-store';
import { openReadModelDatabase, type ReadModelLocation } from '../database/read-model-database';
import { ProjectionRuntime } from '../projection/projection-runtime';
import { fixedNow } from './fixed-now';
import { projectorsOf } from './runtime-of';

async function main(): Promise<void> {
  const [first, databaseUrl, schema] = process.argv.slice(2);
  const location: ReadModelLocation =
    first === 'postgres' ? { kind: 'postgres', databaseUrl, schema } : { kind: 'sqlite', file: first };
  const store: EventStore =
    location.kind === 'sqlite'
      ? new SqliteEventStore({ file: location.file })
      : await PostgresEventStore.open({ connectionString: location.databaseUrl, schema: location.schema });
  const database = await openReadModelDatabase(location);
  // Small batches: many commits, so that a kill lands between or inside them.
  const runtime = new ProjectionRuntime(store, database, projectorsOf(database), { now: fixedNow, batchSize: 50 });
  await runtime.start();
  process.stdout.write('started\n');
}

void main();
