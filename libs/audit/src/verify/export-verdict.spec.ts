import { exportVerdict } from './export-verdict';

describe('exportVerdict', () => {
  it('says intact only when the seals held under the auditor’s own key', () => {
    expect(exportVerdict(undefined, 'auditor')).toBe('intact');
  });

  it.each(['manifest', 'none'] as const)('says unverified when nothing was found but the key was %s', (source) => {
    expect(exportVerdict(undefined, source)).toBe('unverified');
  });

  it.each([
    { code: 'unreadable', message: 'not a zip' },
    { code: 'bad_manifest', file: 'manifest.json', message: 'not a v1 manifest' },
    { code: 'missing_file', file: 'manifest.json', message: 'the bundle has no manifest.json' },
  ] as const)('says unusable when the input is not an export one can check: $message', (problem) => {
    expect(exportVerdict(problem, 'auditor')).toBe('unusable');
  });

  it.each([
    { code: 'chain_broken', position: '5', message: 'hash differs' },
    { code: 'wrong_key', file: 'manifest.json', message: 'another key' },
    { code: 'missing_file', file: 'events.csv', message: 'the bundle has no events.csv' },
  ] as const)('says tampered, with or without a trusted key, when the export was changed: $message', (problem) => {
    expect(exportVerdict(problem, 'auditor')).toBe('tampered');
    expect(exportVerdict(problem, 'manifest')).toBe('tampered');
  });
});
