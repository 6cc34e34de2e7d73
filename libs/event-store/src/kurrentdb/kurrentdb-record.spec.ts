import { canonicalJson } from '../canonical-json';
import { commandKey } from '../command-key';
import { CorruptedEventError } from '../errors';
import { computeEventHash } from '../hash-chain';
import { chainEvents, prepareAppend } from '../prepare-append';
import { fromKurrentRecord, KurrentStreamNames, toKurrentEventData, type KurrentRecord } from './kurrentdb-record';

const names = new KurrentStreamNames('ledger-a:');

function chainedMeasurement() {
  const [prepared] = prepareAppend('project-p1', [
    {
      eventId: '0b6f0c1e-4f55-4a8e-9a43-2f4f2d9f0a11',
      type: 'MeasurementRecorded',
      schemaVersion: 2,
      data: { indicator: 'fibre', value: 0.1, territory: 'FR', note: 'é « » 🇫🇷' },
      metadata: { commandId: 'cmd-7', actor: { id: 'u1', role: 'programme-office' } },
    },
  ]);
  return chainEvents('project-p1', [prepared], { revision: 4n, hash: 'a'.repeat(64) }, '2026-11-28T10:00:00.000Z')[0];
}

/** What the server hands back for what was appended: its own stream name, revision and position. */
function asRead(data: ReturnType<typeof toKurrentEventData>, position = 7340n): KurrentRecord {
  return {
    streamId: names.toKurrent('project-p1'),
    id: data.id,
    revision: 5n,
    type: data.type,
    // The server stores JSON text: what is read is what JSON.parse makes of it.
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: position },
  };
}

describe('KurrentDB records', () => {
  it('carry what the hash covers, and read back as the event that was chained', () => {
    const chained = chainedMeasurement();
    const written = toKurrentEventData(chained);
    expect(written).toMatchObject({
      id: chained.eventId,
      contentType: 'application/json',
      type: 'MeasurementRecorded',
    });
    // The correlation id the server's projection indexes is the command's key: its principal's and its own id.
    expect(written.metadata.$correlationId).toBe(commandKey({ actorId: 'u1', commandId: 'cmd-7' }));
    const stored = fromKurrentRecord(asRead(written), 'project-p1');
    expect(stored).toMatchObject({
      position: 7340n,
      streamId: 'project-p1',
      revision: 5n,
      schemaVersion: 2,
      recordedAt: '2026-11-28T10:00:00.000Z',
      prevHash: 'a'.repeat(64),
      hash: chained.hash,
    });
    const recomputed = computeEventHash({
      ...stored,
      canonicalData: canonicalJson(stored.data),
      canonicalMetadata: canonicalJson(stored.metadata),
    });
    expect(recomputed).toBe(chained.hash);
  });

  it('leave $correlationId out for events without a command id', () => {
    const [prepared] = prepareAppend('mission-M', [
      {
        eventId: '1b6f0c1e-4f55-4a8e-9a43-2f4f2d9f0a11',
        type: 'MissionDefined',
        schemaVersion: 1,
        data: {},
        metadata: {},
      },
    ]);
    const [chained] = chainEvents('mission-M', [prepared], undefined, '2026-11-28T10:00:00.000Z');
    expect(toKurrentEventData(chained).metadata).not.toHaveProperty('$correlationId');
  });

  it('report a record without the ledger envelope, or with data that is not an object, at its position', () => {
    const written = toKurrentEventData(chainedMeasurement());
    const foreign = { ...asRead(written, 99n), metadata: { $correlationId: 'x' } };
    expect(() => fromKurrentRecord(foreign, 'project-p1')).toThrow(CorruptedEventError);
    expect(() => fromKurrentRecord(foreign, 'project-p1')).toThrow(/position 99/);
    const garbled = { ...asRead(written, 100n), data: '{"indicator":' };
    expect(() => fromKurrentRecord(garbled, 'project-p1')).toThrow(/data is not a JSON object/);
  });

  it('refuse a server too old to give stream events their position', () => {
    const withoutPosition = { ...asRead(toKurrentEventData(chainedMeasurement())), position: undefined };
    expect(() => fromKurrentRecord(withoutPosition, 'project-p1')).toThrow(/22\.6 or later/);
  });
});

describe('KurrentDB stream names', () => {
  it('prefix our streams with the namespace and ignore every other stream', () => {
    expect(names.toKurrent('project-p1')).toBe('ledger-a:project-p1');
    expect(names.fromKurrent('ledger-a:project-p1')).toBe('project-p1');
    expect(names.fromKurrent('ledger-b:project-p1')).toBeUndefined();
    expect(names.filterPrefix('project_')).toBe('ledger-a:project_');
  });

  it('use stream ids as they are without a namespace, and refuse one that would name system streams', () => {
    const plain = new KurrentStreamNames('');
    expect(plain.toKurrent('mission-M')).toBe('mission-M');
    expect(plain.filterPrefix()).toBe('');
    expect(() => new KurrentStreamNames('$ce-')).toThrow(RangeError);
  });
});
