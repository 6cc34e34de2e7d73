import { proven, refuted, unproven, verdictWithAnchors } from './trust-finding';

const pinned = proven('pin', 'the same checkpoint');
const unwitnessed = unproven('witness', 'bob did not cosign');
const forged = refuted('witness', { code: 'bad_cosignature', message: 'bob’s cosignature does not verify' });

describe('verdictWithAnchors', () => {
  it('keeps an intact export intact when every anchor is proven, or none was given', () => {
    expect(verdictWithAnchors('intact', [pinned])).toBe('intact');
    expect(verdictWithAnchors('intact', [])).toBe('intact');
  });

  it('makes an intact export unverified when an anchor the auditor asked for is not proven', () => {
    expect(verdictWithAnchors('intact', [pinned, unwitnessed])).toBe('unverified');
  });

  it('makes any checkable export tampered when an anchor is refuted', () => {
    expect(verdictWithAnchors('intact', [unwitnessed, forged])).toBe('tampered');
    expect(verdictWithAnchors('unverified', [forged])).toBe('tampered');
  });

  it('never improves on a tampered, unusable or unverified export', () => {
    expect(verdictWithAnchors('tampered', [pinned])).toBe('tampered');
    expect(verdictWithAnchors('unusable', [forged])).toBe('unusable');
    expect(verdictWithAnchors('unverified', [pinned])).toBe('unverified');
  });
});
