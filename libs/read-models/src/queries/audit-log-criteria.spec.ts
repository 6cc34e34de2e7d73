import { parseAuditLogCriteria } from './audit-log-criteria';
import { InvalidQueryError } from './query-errors';

describe("the audit log's criteria", () => {
  it('parses the filters given, and only those', () => {
    expect(parseAuditLogCriteria({})).toEqual({});
    expect(
      parseAuditLogCriteria({
        type: 'MilestoneReached',
        projectId: 'franceconnect',
        missionCode: 'IDNUM',
        actor: 'cli:alice',
        recordedFrom: '2021-02-05T19:00:00+01:00',
        recordedTo: '2021-12-31T23:59:59.999Z',
        fromPosition: '10',
        toPosition: '20',
      }),
    ).toEqual({
      type: 'MilestoneReached',
      projectId: 'franceconnect',
      missionCode: 'IDNUM',
      actor: 'cli:alice',
      recordedFrom: '2021-02-05T18:00:00.000Z',
      recordedTo: '2021-12-31T23:59:59.999Z',
      fromPosition: 10n,
      toPosition: 20n,
    });
  });

  it('refuses an instant or a position it cannot read, naming the filter', () => {
    expect(() => parseAuditLogCriteria({ recordedTo: '2021-02-30T00:00:00Z' })).toThrow(
      new InvalidQueryError(
        'recordedTo',
        'recordedTo must be an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z',
      ),
    );
    expect(() => parseAuditLogCriteria({ fromPosition: '-1' })).toThrow(InvalidQueryError);
  });
});
