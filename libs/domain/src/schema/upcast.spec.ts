import { deepFreeze } from '../testing/deep-freeze';
import { EVENT_SCHEMA_VERSIONS, upcastEvent } from './event-schemas';
import {
  newestVersions,
  upcastWith,
  UnreadableEventSchemaError,
  type UpcasterChains,
  type VersionedEvent,
} from './upcast';

// The chain runner on frozen stored events: each step from the stored version on, in order; nothing else touched.

const noSteps: UpcasterChains = {
  MissionDefined: [],
  ProjectLaunched: [],
  MilestoneReached: [],
  IndicatorMeasured: [],
  ProjectRedesigned: [],
  ProjectClosed: [],
  ReviewCycleHeld: [],
  PersonalDataErased: [],
};

/** A mission's name split in two steps: v1 → v2 renames `title` to `name`, v2 → v3 adds `programme` from metadata. */
const twoSteps: UpcasterChains = {
  ...noSteps,
  MissionDefined: [
    ({ title, ...rest }) => ({ ...rest, name: title }),
    (data, metadata) => ({ ...data, programme: metadata?.programme ?? 'unknown' }),
  ],
};

function stored(schemaVersion: number, data: Record<string, unknown>, metadata = {}): VersionedEvent {
  return deepFreeze({ type: 'MissionDefined', schemaVersion, data, metadata });
}

describe('upcastWith', () => {
  it('runs every step from the stored version, in order, each given the metadata', () => {
    expect(
      upcastWith(twoSteps, stored(1, { missionCode: 'IDNUM', title: 'Identité' }, { programme: 'Tech.gouv' })),
    ).toEqual({ type: 'MissionDefined', data: { missionCode: 'IDNUM', name: 'Identité', programme: 'Tech.gouv' } });
  });

  it('runs only the steps after the stored version', () => {
    expect(upcastWith(twoSteps, stored(2, { missionCode: 'IDNUM', name: 'Identité' })).data).toEqual({
      missionCode: 'IDNUM',
      name: 'Identité',
      programme: 'unknown',
    });
  });

  it('gives an event of the newest version as stored', () => {
    const newest = stored(3, { missionCode: 'IDNUM', name: 'Identité', programme: 'Tech.gouv' });
    expect(upcastWith(twoSteps, newest).data).toBe(newest.data);
  });

  it.each([4, 0, -1, 1.5])('refuses version %p, which this code cannot read', (schemaVersion) => {
    expect(() => upcastWith(twoSteps, stored(schemaVersion, {}))).toThrow(
      new UnreadableEventSchemaError(
        'MissionDefined',
        schemaVersion,
        'this release reads versions 1 to 3 of this type',
      ),
    );
  });

  it('refuses a type the domain does not know, even one named like an inherited property', () => {
    for (const type of ['ProjectPaused', 'constructor', 'toString']) {
      expect(() => upcastWith(twoSteps, { type, schemaVersion: 1, data: {} })).toThrow(UnreadableEventSchemaError);
    }
  });

  it('counts each type newest version as its steps plus one', () => {
    expect(newestVersions(twoSteps)).toMatchObject({ MissionDefined: 3, ProjectLaunched: 1 });
  });
});

describe('the registered chains', () => {
  it('write every type in the version they read up to', () => {
    for (const [type, version] of Object.entries(EVENT_SCHEMA_VERSIONS)) {
      expect(() => upcastEvent({ type, schemaVersion: version, data: { value: 1 } })).not.toThrow();
      expect(() => upcastEvent({ type, schemaVersion: version + 1, data: { value: 1 } })).toThrow(
        UnreadableEventSchemaError,
      );
    }
  });
});
