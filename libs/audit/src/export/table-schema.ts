import { CSV_COLUMNS } from './event-csv';

type Column = (typeof CSV_COLUMNS)[number];

/** Said of the cells a caller writes (OIDC claims, request headers): see inertCell in event-csv. */
const INERT =
  " (written with one more leading ' when it starts with =, +, -, @, TAB, CR or ', so that no spreadsheet runs it as a formula: remove that one ' to get the value)";

const FIELDS: Record<Column, { type: string; description: string; format?: string }> = {
  position: { type: 'integer', description: 'global position in the log, strictly increasing in commit order' },
  stream_id: { type: 'string', description: 'stream of the event: project-<id>, mission-<code> or review-cycle-<id>' },
  revision: { type: 'integer', description: 'index of the event in its stream, from 0' },
  event_id: { type: 'string', format: 'uuid', description: 'unique identifier of the event' },
  type: { type: 'string', description: 'event type, e.g. ProjectLaunched, IndicatorMeasured' },
  schema_version: { type: 'integer', description: 'version of the event type schema' },
  recorded_at: { type: 'datetime', description: 'when the event was recorded (UTC, ISO 8601 with milliseconds)' },
  business_date: { type: 'date', description: 'the date of the fact (launch, measured period end, decision ...)' },
  project_id: { type: 'string', description: 'the project concerned, if any' },
  mission_code: { type: 'string', description: 'the mission concerned, if known from the event' },
  actor_id: { type: 'string', description: 'authenticated principal who issued the command' + INERT },
  actor_name: { type: 'string', description: 'name of that principal' + INERT },
  actor_role: { type: 'string', description: 'role of that principal' + INERT },
  actor_organisation: { type: 'string', description: 'organisation of that principal, when known' + INERT },
  command_id: { type: 'string', description: 'idempotency key or generated id of the command' + INERT },
  correlation_id: { type: 'string', description: 'correlation id of the request' + INERT },
  data: { type: 'object', description: 'event data, RFC 8785 canonical JSON' },
  metadata: { type: 'object', description: 'event metadata, RFC 8785 canonical JSON' },
  prev_hash: { type: 'string', description: 'hash of the previous event of the stream (64 zeros for the first)' },
  hash: { type: 'string', description: 'sha256 of the canonical event, chaining the stream' },
};

/**
 * A Frictionless TableSchema of events.csv, so the CSV can be validated and typed by standard tools. Its last line is
 * the export's trailer, a comment line (docs/audit-format.md §5), which the dialect tells those tools to skip.
 */
export function eventsTableSchema(): object {
  return {
    fields: CSV_COLUMNS.map((name) => ({
      name,
      ...FIELDS[name],
      ...(['position', 'stream_id', 'revision', 'event_id', 'type', 'recorded_at', 'hash', 'prev_hash'].includes(name)
        ? { constraints: { required: true } }
        : {}),
    })),
    primaryKey: 'position',
    missingValues: [''],
    dialect: { commentChar: '#' },
  };
}
