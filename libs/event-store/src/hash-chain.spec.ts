import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { computeEventHash, eventHashInput, GENESIS_HASH, sha256Hex } from './hash-chain';

describe('event hash input', () => {
  it('is exactly the RFC 8785 form of the hashed fields, whatever their content', () => {
    fc.assert(
      fc.property(
        fc.record({
          streamId: fc.string({ unit: 'grapheme' }),
          revision: fc.bigInt({ min: 0n, max: 2n ** 53n }),
          eventId: fc.uuid(),
          type: fc.string({ unit: 'grapheme' }),
          schemaVersion: fc.integer({ min: 1, max: 1000 }),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
          metadata: fc.dictionary(fc.string(), fc.jsonValue()),
          recordedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
        }),
        (e) => {
          const expected = canonicalJson({ ...e, revision: e.revision.toString() });
          const assembled = eventHashInput({
            ...e,
            canonicalData: canonicalJson(e.data),
            canonicalMetadata: canonicalJson(e.metadata),
          });
          expect(assembled).toBe(expected);
        },
      ),
    );
  });

  it('hashes a known event to a known value (a change in the scheme breaks every stored chain)', () => {
    const hash = computeEventHash({
      prevHash: GENESIS_HASH,
      streamId: 'project-franceconnect',
      revision: 0n,
      eventId: '6f1c1d0e-8f7a-4c1e-9a57-3c1f0b9f7a10',
      type: 'ProjectLaunched',
      schemaVersion: 1,
      canonicalData: canonicalJson({ projectId: 'franceconnect', title: 'FranceConnect' }),
      canonicalMetadata: canonicalJson({ commandId: 'c-1' }),
      recordedAt: '2021-02-05T10:00:00.000Z',
    });
    const text =
      '{"data":{"projectId":"franceconnect","title":"FranceConnect"},"eventId":"6f1c1d0e-8f7a-4c1e-9a57-3c1f0b9f7a10",' +
      '"metadata":{"commandId":"c-1"},"prevHash":"' +
      GENESIS_HASH +
      '","recordedAt":"2021-02-05T10:00:00.000Z","revision":"0","schemaVersion":1,' +
      '"streamId":"project-franceconnect","type":"ProjectLaunched"}';
    expect(hash).toBe(sha256Hex(text));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
