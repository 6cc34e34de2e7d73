// What the pages must show on the demo, read from the API as a reviewer: the tests compare the pages with it.

interface ProjectHealth {
  readonly title: string;
  readonly health: string | null;
}

/** A review cycle's report, what the portfolio test needs of it. */
export interface CycleReport {
  readonly heldOn: string;
  readonly seal: { readonly sealedPosition: string };
  readonly portfolio: { readonly missions: readonly { readonly projects: readonly ProjectHealth[] }[] };
}

/** A value recorded from a Baromètre release, then restated by a later one. */
export interface RestatedValue {
  readonly projectId: string;
  readonly label: string;
  readonly period: string;
  readonly first: number;
  readonly latest: number;
  /** The release that published the first value, and not yet the restatement. */
  readonly release: string;
}

interface Series {
  readonly values: readonly {
    readonly period: string;
    readonly restated: boolean;
    readonly recorded: readonly { readonly value: number; readonly position: string }[];
  }[];
}
interface Releases {
  readonly items: readonly { readonly id: string; readonly lastPosition: string }[];
}
interface Portfolio {
  readonly missions: readonly {
    readonly projects: readonly {
      readonly projectId: string;
      readonly indicators: readonly { readonly indicatorId: string; readonly label: string }[];
    }[];
  }[];
}

export class DemoFacts {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  cycleReport(cycleId: string): Promise<CycleReport> {
    return this.get(`/review-cycles/${cycleId}`);
  }

  /** The first value of the demo restated by a later Baromètre release than the one it was recorded from. */
  async restatedValue(): Promise<RestatedValue> {
    const { items: releases } = await this.get<Releases>('/sources/barometre/releases');
    const { missions } = await this.get<Portfolio>('/portfolio');
    for (const project of missions.flatMap((mission) => mission.projects)) {
      for (const { indicatorId, label } of project.indicators) {
        const series = await this.get<Series>(`/projects/${project.projectId}/indicators/${indicatorId}/series`);
        for (const value of series.values.filter((candidate) => candidate.restated)) {
          const [first, latest] = [value.recorded[0], value.recorded[value.recorded.length - 1]];
          const release = releases.find(
            ({ lastPosition }) =>
              BigInt(first.position) <= BigInt(lastPosition) && BigInt(lastPosition) < BigInt(latest.position),
          );
          if (release === undefined) continue;
          const { period } = value;
          return {
            projectId: project.projectId,
            label,
            period,
            first: first.value,
            latest: latest.value,
            release: release.id,
          };
        }
      }
    }
    throw new Error('the demo has no value restated by a later Baromètre release');
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  }
}
