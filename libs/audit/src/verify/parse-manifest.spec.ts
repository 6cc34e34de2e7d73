import { GENESIS_HASH } from '@portfolio/event-store';
import type { ExportManifest } from '../export/export-format';
import { parseManifest } from './parse-manifest';

const h = (c: string): string => c.repeat(64);
const seal = (cycleId: string, sealedPosition: string, position: string, eventCount: number) => ({
  cycleId,
  heldOn: '2021-10-05',
  sealedPosition,
  eventCount,
  merkleRoot: h('a'),
  signature: 'c2lnbmF0dXJl',
  position,
});

const manifest: ExportManifest = {
  format: 'portfolio-ledger/export/v2',
  exportedAt: '2022-04-01T08:00:00.000Z',
  filters: { projectId: 'franceconnect' },
  filtered: true,
  eventCount: 2,
  firstPosition: '2',
  lastPosition: '12',
  files: { 'events.ndjson': { sha256: h('b'), bytes: 100 } },
  chainAnchors: { 'project-franceconnect': { revision: '0', prevHash: GENESIS_HASH } },
  publicKey: { algorithm: 'Ed25519', pem: '-----BEGIN PUBLIC KEY-----', fingerprint: 'sha256:x' },
  seals: [seal('citp-2021-s2', '6', '7', 6), seal('citp-2022-s1', '10', '11', 10)],
  consistencyProofs: [
    { fromCycleId: 'citp-2021-s2', toCycleId: 'citp-2022-s1', fromSize: 6, toSize: 10, proof: [h('c')] },
  ],
};

const parse = (value: unknown) => parseManifest(JSON.stringify(value));

describe('parseManifest', () => {
  it('reads a v2 manifest, its maps as Maps', () => {
    const parsed = parse(manifest);
    expect(parsed).toEqual({
      manifest: {
        ...manifest,
        filters: new Map([['projectId', 'franceconnect']]),
        files: new Map(Object.entries(manifest.files)),
        chainAnchors: new Map(Object.entries(manifest.chainAnchors)),
      },
    });
  });

  it('keeps a key named __proto__ as data', () => {
    const text = JSON.stringify(manifest).replace('"project-franceconnect"', '"__proto__"');
    const parsed = parseManifest(text);
    expect('manifest' in parsed && [...parsed.manifest.chainAnchors.keys()]).toEqual(['__proto__']);
  });

  it.each<[string, unknown]>([
    ['not JSON', '{'],
    ['the former format, v1', { ...manifest, format: 'portfolio-ledger/export/v1' }],
    ['a count that is not an integer', { ...manifest, eventCount: 2.5 }],
    ['positions with no events', { ...manifest, eventCount: 0 }],
    ['no digest of events.ndjson', { ...manifest, files: { 'events.csv': manifest.files['events.ndjson'] } }],
    ['an upper-case digest', { ...manifest, files: { 'events.ndjson': { sha256: h('B'), bytes: 1 } } }],
    ['another key algorithm', { ...manifest, publicKey: { ...manifest.publicKey, algorithm: 'RSA' } }],
    ['seals out of order', { ...manifest, seals: [...manifest.seals].reverse() }],
    [
      'two seals of one cycle',
      { ...manifest, seals: [manifest.seals[0], { ...manifest.seals[1], cycleId: 'citp-2021-s2' }] },
    ],
    ['a seal sealing its own event', { ...manifest, seals: [seal('citp-2021-s2', '7', '7', 7)] }],
    ['a seal with a malformed root', { ...manifest, seals: [{ ...manifest.seals[0], merkleRoot: 'abc' }] }],
    [
      'a genesis anchor past revision 0',
      { ...manifest, chainAnchors: { s: { revision: '3', prevHash: GENESIS_HASH } } },
    ],
    [
      'a consistency proof hash that is not hex',
      { ...manifest, consistencyProofs: [{ ...manifest.consistencyProofs[0], proof: ['zz'] }] },
    ],
  ])('refuses %s', (_, value) => {
    expect(typeof value === 'string' ? parseManifest(value) : parse(value)).toEqual({ reason: expect.any(String) });
  });
});
