// Test support: a log of many events written as the command path would, for the runtime's int-specs.
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@portfolio/event-store';

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data: data as NewEvent['data'],
  metadata: { actor: { id: 'seed', name: 'Seed', role: 'admin' } },
});

/** The release every third seeded value is named from, so that the seed fills every table of the read models. */
const SEED_RELEASE = { series: 'barometre', id: '2021-03-15', publishedOn: '2021-03-15' };

/** A mission, two projects and `measurements` values in batches, every third named from a release. */
export async function seedLog(store: EventStore, measurements: number): Promise<void> {
  await store.append(
    'mission-DATA',
    [event('MissionDefined', { missionCode: 'DATA', name: 'Data', programme: 'Tech.gouv', definedOn: '2019-04-25' })],
    'any',
  );
  for (const projectId of ['hubee', 'vitam']) {
    await store.append(
      `project-${projectId}`,
      [
        event('ProjectLaunched', {
          projectId,
          missionCode: 'DATA',
          title: projectId,
          objective: 'o',
          leadOrganisation: 'DINUM',
          launchedOn: '2019-04-25',
          milestones: [],
          indicators: [],
        }),
      ],
      'any',
    );
  }
  for (let i = 0; i < measurements; i += 100) {
    const batch = Array.from({ length: Math.min(100, measurements - i) }, (_, j) =>
      event('IndicatorMeasured', {
        projectId: (i + j) % 2 === 0 ? 'hubee' : 'vitam',
        indicatorId: 'echanges',
        value: i + j,
        period: `20${String(10 + ((i + j) % 12)).padStart(2, '0')}-01-31`,
        territory: { level: 'departement', code: String(10 + ((i + j) % 80)) },
        ...((i + j) % 3 === 0 ? { release: SEED_RELEASE } : {}),
      }),
    );
    await store.append((i / 100) % 2 === 0 ? 'project-hubee' : 'project-vitam', batch, 'any');
  }
}

/** One more national value for HubEE, appended after the seed. */
export const hubeeMeasurement = (value: number): NewEvent =>
  event('IndicatorMeasured', {
    projectId: 'hubee',
    indicatorId: 'echanges',
    value,
    period: '2021-01-31',
    territory: { level: 'national', code: 'FR' },
  });

/** The positions of the whole log, in order. */
export async function logPositions(store: EventStore): Promise<string[]> {
  const positions: string[] = [];
  for await (const e of store.readAll()) positions.push(e.position.toString());
  return positions;
}
