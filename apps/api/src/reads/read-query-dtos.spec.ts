import { InvalidQueryError } from '@portfolio/read-models';
import { parseQuery } from '../http/query-fields';
import { AuditLogQueryDto } from './audit-log-query.dto';
import { PortfolioDiffQueryDto } from './portfolio-diff-query.dto';
import { MilestoneListQueryDto } from './milestone-list-query.dto';
import {
  IndicatorSeriesQueryDto,
  ProjectEventsQueryDto,
  ProjectFilterQueryDto,
  ProjectListQueryDto,
} from './project-queries.dto';
import { CycleDiffQueryDto } from './review-cycle-queries.dto';
import { TemporalQueryDto } from './temporal-query.dto';

/** The parsed DTO's values, without the parameters not given. */
function parsed(dto: new () => object, query: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(parseQuery(dto, query)).filter(([, value]) => value !== undefined));
}

function refusal(dto: new () => object, query: Record<string, unknown>) {
  try {
    parseQuery(dto, query);
  } catch (error) {
    if (error instanceof InvalidQueryError) return [error.parameter, error.message];
    throw error;
  }
  throw new Error(`${JSON.stringify(query)} was accepted`);
}

describe('the query DTOs of the reads', () => {
  it('turn the temporal parameters into the values the reads take', () => {
    expect(parsed(TemporalQueryDto, { at: '2021-02-05', asOf: '17', minPosition: '18' })).toEqual({
      at: '2021-02-05',
      asOf: { position: 17n },
      minPosition: 18n,
    });
    expect(parsed(TemporalQueryDto, { asOf: '2021-02-05T19:00:00+01:00' })).toEqual({
      asOf: { instant: '2021-02-05T18:00:00.000Z' },
    });
  });

  it('ignore the parameters they do not declare, and refuse a repeated one before anything else', () => {
    expect(parsed(TemporalQueryDto, { at: '2021-02-05', unknown: 'x', limit: 'nonsense' })).toEqual({
      at: '2021-02-05',
    });
    expect(refusal(ProjectListQueryDto, { limit: 'nonsense', at: ['2021-02-05', '2021-02-06'] })).toEqual([
      'at',
      'at must be given once, as a plain value',
    ]);
    expect(refusal(TemporalQueryDto, { at: { x: '1' } })).toEqual(['at', 'at must be given once, as a plain value']);
  });

  it("check a read's own parameters before the temporal ones", () => {
    expect(refusal(ProjectListQueryDto, { at: 'bad', status: 'open' })).toEqual([
      'status',
      'status must be one of active, closed',
    ]);
    expect(refusal(IndicatorSeriesQueryDto, { at: 'bad', territory: 'x' })[0]).toBe('territory');
  });

  it('decode the project list cursor, and narrow its filters', () => {
    const cursor = Buffer.from('hubee').toString('base64url');
    expect(
      parsed(ProjectListQueryDto, { cursor, limit: '2', status: 'active', health: 'red,amber', missionCode: 'DATA' }),
    ).toEqual({ after: 'hubee', limit: 2, status: 'active', health: ['red', 'amber'], missionCode: 'DATA' });
    expect(refusal(ProjectListQueryDto, { limit: '501' })).toEqual([
      'limit',
      'limit must be a whole number from 1 to 500',
    ]);
  });

  it('search, sort and narrow the projects to the late ones, on the list and the portfolio', () => {
    expect(parsed(ProjectListQueryDto, { q: ' Égalité ', sort: '-health', late: 'true' })).toEqual({
      q: 'Égalité',
      sort: '-health',
      late: true,
    });
    expect(parsed(ProjectFilterQueryDto, { q: 'egalite', health: 'green', late: 'false' })).toEqual({
      q: 'egalite',
      health: ['green'],
      late: false,
    });
    expect(refusal(ProjectListQueryDto, { sort: 'progress' })).toEqual([
      'sort',
      'sort must be one of projectId, -projectId, title, -title, missionCode, -missionCode, launchedOn, -launchedOn, ' +
        'health, -health, overdue, -overdue',
    ]);
    expect(refusal(ProjectFilterQueryDto, { late: 'yes' })).toEqual(['late', 'late must be true or false']);
  });

  it('take the overdue milestones, a page after the cursor of the previous one', () => {
    const cursor = Buffer.from('2021-03-31/franceconnect/agentconnect').toString('base64url');
    expect(parsed(MilestoneListQueryDto, { overdue: 'true', cursor, limit: '10', at: '2021-06-30' })).toEqual({
      overdue: true,
      after: { dueOn: '2021-03-31', projectId: 'franceconnect', milestoneId: 'agentconnect' },
      limit: 10,
      at: '2021-06-30',
    });
    expect(refusal(MilestoneListQueryDto, { cursor: 'aHViZWU' })).toEqual([
      'cursor',
      'cursor is not one this API gave',
    ]);
  });

  it("take a project's events page after a revision, and a series' territory", () => {
    expect(parsed(ProjectEventsQueryDto, { after: '3', limit: '1000' })).toEqual({ after: 3n, limit: 1000 });
    expect(refusal(ProjectEventsQueryDto, { limit: '1001' })).toEqual([
      'limit',
      'limit must be a whole number from 1 to 1000',
    ]);
    expect(parsed(IndicatorSeriesQueryDto, { territory: 'region:84' })).toEqual({
      territory: { level: 'region', code: '84' },
    });
  });

  it('name the parameter of /diff the caller sent', () => {
    expect(parsed(PortfolioDiffQueryDto, { fromAt: '2019-11-15', fromAsOf: '10', toAsOf: '24' })).toEqual({
      fromAt: '2019-11-15',
      fromAsOf: { position: 10n },
      toAsOf: { position: 24n },
    });
    expect(refusal(PortfolioDiffQueryDto, { fromAt: '2021-02-30' })).toEqual([
      'fromAt',
      'fromAt must be a real calendar date written YYYY-MM-DD',
    ]);
    expect(refusal(PortfolioDiffQueryDto, { toAsOf: 'yesterday' })[0]).toBe('toAsOf');
  });

  it("take a cycle to compare with as sent, and the audit log's page and filters typed", () => {
    expect(parsed(CycleDiffQueryDto, { against: 'citp-4' })).toEqual({ against: 'citp-4' });
    expect(
      parsed(AuditLogQueryDto, {
        after: '8',
        limit: '4',
        type: 'ReviewCycleHeld',
        projectId: 'hubee',
        missionCode: 'DATA',
        actor: 'cli:alice',
        recordedFrom: '2021-02-05T19:00:00+01:00',
        recordedTo: '2021-12-31T00:00:00Z',
        fromPosition: '1',
        toPosition: '30',
      }),
    ).toEqual({
      after: 8n,
      limit: 4,
      type: 'ReviewCycleHeld',
      projectId: 'hubee',
      missionCode: 'DATA',
      actor: 'cli:alice',
      recordedFrom: '2021-02-05T18:00:00.000Z',
      recordedTo: '2021-12-31T00:00:00.000Z',
      fromPosition: 1n,
      toPosition: 30n,
    });
    expect(refusal(AuditLogQueryDto, { recordedFrom: '2021-02-30T00:00:00Z' })[0]).toBe('recordedFrom');
  });
});
