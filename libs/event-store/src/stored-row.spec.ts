// The two row forms an adapter may read decode to the same event, and a payload that is not a JSON object is refused.
import { CorruptedEventError } from './errors';
import {
  rowToStoredEvent,
  rowValuesToStoredEvent,
  STORED_COLUMNS,
  type StoredRow,
  type StoredRowValues,
} from './stored-row';

const row: StoredRow = {
  position: 7n,
  stream_id: 'project-a',
  revision: '2',
  event_id: '0190a5d2-8b1c-7e3a-9f00-000000000001',
  type: 'CashDeposited',
  schema_version: 1n,
  data: '{"amount":"10.00","currency":"EUR"}',
  metadata: '{"commandId":"c-1"}',
  recorded_at: '2026-01-02T03:04:05.000Z',
  prev_hash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

/** The row's values in STORED_COLUMNS order, as an array-mode driver returns them. */
function valuesOf(source: StoredRow): StoredRowValues {
  return STORED_COLUMNS.split(', ').map((column) => source[column as keyof StoredRow]) as unknown as StoredRowValues;
}

describe('stored rows', () => {
  it('decodes a row object and the same row as values to one event', () => {
    const expected = {
      position: 7n,
      streamId: 'project-a',
      revision: 2n,
      eventId: row.event_id,
      type: 'CashDeposited',
      schemaVersion: 1,
      data: { amount: '10.00', currency: 'EUR' },
      metadata: { commandId: 'c-1' },
      recordedAt: row.recorded_at,
      prevHash: row.prev_hash,
      hash: row.hash,
    };
    expect(rowToStoredEvent(row)).toEqual(expected);
    expect(rowValuesToStoredEvent(valuesOf(row))).toEqual(expected);
  });

  it.each([
    ['data', { data: '{"amount":' }, 'data is not valid JSON'],
    ['metadata', { metadata: '[1]' }, 'metadata is not a JSON object'],
  ])('refuses a stored %s that is not a JSON object', (_, change, reason) => {
    const corrupted = { ...row, ...change };
    for (const decode of [() => rowToStoredEvent(corrupted), () => rowValuesToStoredEvent(valuesOf(corrupted))]) {
      expect(decode).toThrow(CorruptedEventError);
      expect(decode).toThrow(reason);
    }
  });
});
