import { exportBaseName } from './export-plan';

describe('exportBaseName', () => {
  const at = '2021-12-15T10:15:00.123Z';

  it('names the export by its instant, to the second', () => {
    expect(exportBaseName(at, {})).toBe('portfolio-audit-20211215T101500Z');
  });

  it('adds each filter, in the order given, with what a file system would refuse replaced', () => {
    expect(
      exportBaseName(at, { projectId: 'franceconnect', recordedFrom: '2021-01-01T00:00:00Z', actor: 'a/b c' }),
    ).toBe('portfolio-audit-20211215T101500Z-projectId-franceconnect-recordedFrom-2021-01-01T00_00_00Z-actor-a_b_c');
  });

  it('stays short enough for any file system', () => {
    expect(exportBaseName(at, { type: 'x'.repeat(500) })).toHaveLength(180);
  });
});
