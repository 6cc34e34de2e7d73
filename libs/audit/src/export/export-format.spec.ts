// An events.ndjson line (and a CSV record) written from the stored payload texts is byte for byte the one written from the parsed payloads.
import { canonicalJson, type CanonicalStoredEvent, type JsonObject, type StoredEvent } from '@portfolio/event-store';
import { csvLine } from './event-csv';
import { exportEventLine } from './export-format';

function storedEvent(data: JsonObject, metadata: JsonObject): StoredEvent {
  return {
    position: 1234567890123n,
    streamId: 'project-franceconnect',
    revision: 41n,
    eventId: '018f3a5e-7c2b-7d4e-9a1b-3c5d7e9f1a2b',
    type: 'IndicatorMeasured',
    schemaVersion: 2,
    data,
    metadata,
    recordedAt: '2022-03-31T12:00:00.123Z',
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
  };
}

/** The event as a store reads it: payloads parsed from their canonical texts, the texts beside them. */
function withTexts(data: JsonObject, metadata: JsonObject): { parsed: StoredEvent; stored: CanonicalStoredEvent } {
  const [dataText, metadataText] = [canonicalJson(data), canonicalJson(metadata)];
  const parsed = storedEvent(JSON.parse(dataText) as JsonObject, JSON.parse(metadataText) as JsonObject);
  return { parsed, stored: { ...parsed, dataText, metadataText } };
}

const metadata = { actor: { id: 'u-1', name: 'Camille "Cam" Martin', role: 'owner' }, commandId: 'c-1' };

const payloads: Record<string, JsonObject> = {
  'keys out of order, nested': { z: 1, a: { y: [1, { c: null, b: true }], x: 'é' }, m: -0.5 },
  'integer-like keys, which objects list first': { b: 1, '10': 'ten', '9': 'nine', a: { '2': 0, '01': 1 } },
  'a string that looks like an integer key': { note: 'see "12": below', value: 3 },
  'numbers JSON writes in exponent form': { big: 1e21, small: 1e-7, max: Number.MAX_SAFE_INTEGER, frac: 0.1 },
  'escapes, line separators, astral and lone surrogates': { text: 'tab\t"q"\\ \u2028\u2029 😀 \ud800 \u0007' },
  'keys needing escapes and the prototype key': JSON.parse('{"a\\"b":1,"é":2,"__proto__":3,"":4}') as JsonObject,
  empty: {},
};

describe('exportEventLine', () => {
  it.each(Object.entries(payloads))('writes the same line from the stored texts (%s)', (_name, data) => {
    const { parsed, stored } = withTexts(data, metadata);
    expect(exportEventLine(stored)).toBe(exportEventLine(parsed));
  });

  it('writes the same CSV record from the stored texts', () => {
    for (const data of Object.values(payloads)) {
      const { parsed, stored } = withTexts(data, metadata);
      expect(csvLine(stored)).toBe(csvLine(parsed));
    }
  });
});
