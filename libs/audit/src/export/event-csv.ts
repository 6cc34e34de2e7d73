import { businessDateOf, parseStreamId, type DomainEvent } from '@portfolio/domain';
import { canonicalJson, type StoredEvent } from '@portfolio/event-store';
import { stringify } from 'csv-stringify/sync';

/**
 * One row per event, per the French open-data conventions (UTF-8, comma, snake_case headers, ISO 8601 dates):
 * what a spreadsheet user filters on comes first, the full payloads as canonical JSON follow, the hashes close.
 */
export const CSV_COLUMNS = [
  'position',
  'stream_id',
  'revision',
  'event_id',
  'type',
  'schema_version',
  'recorded_at',
  'business_date',
  'project_id',
  'mission_code',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_organisation',
  'command_id',
  'correlation_id',
  'data',
  'metadata',
  'prev_hash',
  'hash',
] as const;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function businessDate(event: StoredEvent): string {
  try {
    return businessDateOf({ type: event.type, data: event.data } as unknown as DomainEvent);
  } catch {
    return '';
  }
}

export function csvHeader(): string {
  return stringify([CSV_COLUMNS as unknown as string[]]);
}

export function csvLine(event: StoredEvent): string {
  const stream = parseStreamId(event.streamId);
  const actor = (
    typeof event.metadata.actor === 'object' && event.metadata.actor !== null ? event.metadata.actor : {}
  ) as Record<string, unknown>;
  const data = event.data as Record<string, unknown>;
  return stringify([
    [
      event.position.toString(),
      event.streamId,
      event.revision.toString(),
      event.eventId,
      event.type,
      String(event.schemaVersion),
      event.recordedAt,
      businessDate(event),
      stream?.kind === 'project' ? stream.id : '',
      stream?.kind === 'mission' ? stream.id : text(data.missionCode),
      text(actor.id),
      text(actor.name),
      text(actor.role),
      text(actor.organisation),
      text(event.metadata.commandId),
      text(event.metadata.correlationId),
      canonicalJson(event.data),
      canonicalJson(event.metadata),
      event.prevHash,
      event.hash,
    ],
  ]);
}
