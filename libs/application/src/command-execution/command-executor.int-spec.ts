import {
  decideLaunchProject,
  decideReachMilestone,
  decideRecordMeasurements,
  foldMission,
  foldProject,
  projectStream,
  type MissionState,
} from '@portfolio/domain';
import { SqliteEventStore, type EventStore, type ReadStreamOptions } from '@portfolio/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock/clock';
import { CommandExecutor } from './command-executor';
import type { CommandEnvelope } from './command-envelope';

const clock: Clock = { now: () => new Date('2021-12-15T10:00:00Z') };
const mission: MissionState = foldMission([
  {
    type: 'MissionDefined',
    data: { missionCode: 'IDNUM', name: 'Identité numérique', programme: 'Tech.gouv', definedOn: '2019-04-25' },
  },
]);
let commands = 0;
const envelope = (): CommandEnvelope => ({
  actor: { id: 'test', name: 'Test', role: 'admin' },
  commandId: `command-${(commands += 1)}`,
  idempotencyKeyGiven: false,
  requestFingerprint: '0'.repeat(64),
  correlationId: 'test',
});

describe('command executor', () => {
  let dir: string;
  let store: SqliteEventStore;
  const reads: ReadStreamOptions[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portfolio-executor-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    reads.length = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function executorOn(target: EventStore): CommandExecutor {
    const recording: EventStore = Object.create(target, {
      readStream: {
        value: (streamId: string, options: ReadStreamOptions = {}) => {
          reads.push(options);
          return target.readStream(streamId, options);
        },
      },
    });
    return new CommandExecutor(recording, clock);
  }

  const launch = (executor: CommandExecutor) =>
    executor.execute({
      streamId: projectStream('franceconnect'),
      envelope: envelope(),
      fold: foldProject,
      decide: (state, context) =>
        decideLaunchProject(
          state,
          mission,
          {
            type: 'LaunchProject',
            projectId: 'franceconnect',
            missionCode: 'IDNUM',
            title: 'FranceConnect',
            objective: 'One identity',
            leadOrganisation: 'DINUM',
            launchedOn: '2019-04-25',
            milestones: [{ milestoneId: 'franceconnect-plus', title: 'FranceConnect+', dueOn: '2021-03-31' }],
            indicators: [
              {
                indicatorId: 'usagers',
                label: 'Users',
                unit: 'millions',
                direction: 'increase',
                baseline: { value: 10, on: '2019-04-30' },
                target: { value: 30, by: '2022-12-31' },
              },
            ],
          },
          context,
        ),
    });
  const measure = (executor: CommandExecutor, value: number, period: string) =>
    executor.execute({
      streamId: projectStream('franceconnect'),
      envelope: envelope(),
      fold: foldProject,
      decide: (state, context) =>
        decideRecordMeasurements(
          state,
          {
            type: 'RecordMeasurements',
            projectId: 'franceconnect',
            measurements: [{ indicatorId: 'usagers', value, period }],
          },
          context,
        ),
    });
  const reach = (executor: CommandExecutor) =>
    executor.execute({
      streamId: projectStream('franceconnect'),
      envelope: envelope(),
      fold: foldProject,
      decide: (state, context) =>
        decideReachMilestone(
          state,
          {
            type: 'ReachMilestone',
            projectId: 'franceconnect',
            milestoneId: 'franceconnect-plus',
            reachedOn: '2021-06-30',
          },
          context,
        ),
    });

  it('reads only the events appended since the state it last folded', async () => {
    const executor = executorOn(store);
    await launch(executor);
    await measure(executor, 26, '2021-05-31');
    await measure(executor, 27, '2021-06-30');
    expect(reads.map((options) => options.fromRevision)).toEqual([0n, 1n, 2n]);
    // The value measured again changes nothing: the cached state knows it.
    expect(await measure(executor, 27, '2021-06-30')).toMatchObject({ appended: 0, revision: 2n });
  });

  it('decides on what other writers appended since, not on its stale cache', async () => {
    const ours = executorOn(store);
    const theirs = new CommandExecutor(store, clock);
    await launch(ours);
    await reach(theirs);
    await expect(reach(ours)).rejects.toMatchObject({ code: 'milestone_already_reached' });
    expect(await measure(ours, 26, '2021-05-31')).toMatchObject({ revision: 2n, appended: 1 });
  });
});
