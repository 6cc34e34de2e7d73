import fc from 'fast-check';
import { SLUG_PATTERN } from './shared/ids';
import { missionStream, parseStreamId, projectStream, reviewCycleStream, streamIdOf } from './stream-names';
import { franceconnectHistory } from './testing/tech-gouv';

describe('stream names', () => {
  it('names one stream per aggregate (ARCHITECTURE §4)', () => {
    expect(projectStream('franceconnect')).toBe('project-franceconnect');
    expect(missionStream('IDNUM')).toBe('mission-IDNUM');
    expect(reviewCycleStream('citp-2021-07')).toBe('review-cycle-citp-2021-07');
  });

  it('parses a stream id back to its aggregate', () => {
    expect(parseStreamId('project-franceconnect')).toEqual({ kind: 'project', id: 'franceconnect' });
    expect(parseStreamId('mission-IDNUM')).toEqual({ kind: 'mission', id: 'IDNUM' });
    expect(parseStreamId('review-cycle-citp-2021-07')).toEqual({ kind: 'review-cycle', id: 'citp-2021-07' });
  });

  it.each(['franceconnect', 'project-', 'project-France Connect', 'mission-idnum', 'review-cycle-', 'audit-seal-1'])(
    'parses %p to nothing: not a stream this domain writes',
    (streamId) => {
      expect(parseStreamId(streamId)).toBeUndefined();
    },
  );

  it('round-trips any project and review cycle id', () => {
    const slug = fc.stringMatching(SLUG_PATTERN);
    fc.assert(
      fc.property(slug, (id) => {
        expect(parseStreamId(projectStream(id))).toEqual({ kind: 'project', id });
        expect(parseStreamId(reviewCycleStream(id))).toEqual({ kind: 'review-cycle', id });
      }),
    );
  });

  it('puts each event into the stream of its aggregate', () => {
    expect(franceconnectHistory.map(streamIdOf)).toEqual([
      'mission-IDNUM',
      ...Array<string>(5).fill('project-franceconnect'),
      'review-cycle-citp-2021-07',
    ]);
  });
});
