import type {
  Health,
  IndicatorDirection,
  NationalFromTerritories,
  ProjectOutcome,
  RateValueSource,
  TerritoryLevel,
} from '@portfolio/domain';

// The documents reviewers read (ARCHITECTURE §6–§7). Positions travel as decimal strings.

/** Where in time a document stands: the business date it describes and what was known (position, time). */
export interface TemporalStamp {
  readonly at: string;
  readonly asOf: { readonly position: string; readonly recordedAt: string | null };
}

export interface LatestValue {
  readonly value: number;
  readonly period: string;
}

/** A value a rate used (VI, VA, VC or VCA), its date, and whether the plan, the synthesis or the measurements gave it. */
export interface RateValueView {
  readonly value: number;
  readonly on: string;
  readonly from: RateValueSource;
  /** Present when the value was made from territorial ones (the indicator's nationalFrom): how, from how many. */
  readonly aggregated?: NationalFromTerritories & { readonly territories: number };
}

/** A taux d'avancement as PILOTE computes it (docs/progress.md): shown and raw, with the values it used. */
export interface RateView {
  /** Rounded to two decimals, within [0, 100]. */
  readonly percent: number;
  /** 100 × (VA − VI) / (target − VI), neither rounded nor bounded. */
  readonly raw: number;
  readonly uses: { readonly initial: RateValueView; readonly current: RateValueView; readonly target: RateValueView };
}

/** The global rate (toward the final target VC) and the annual one (toward the year's target VCA), or why each is null. */
export interface IndicatorRates {
  readonly global: RateView | null;
  readonly annual: RateView | null;
  readonly unavailable: { readonly global: string | null; readonly annual: string | null };
}

/**
 * An indicator of the plan in force, with its latest national value known at (at, asOf) and its progress. A monitored
 * series (an indicator defined without a target) has `monitoredOnly: true`: its progress and expected progress are null
 * because they do not apply to it, and it does not colour its project's health.
 */
export interface IndicatorView {
  readonly indicatorId: string;
  readonly label: string;
  readonly unit: string;
  /** Null for a monitored series whose aim is not stated. */
  readonly direction: IndicatorDirection | null;
  /** Null when the starting value is not known. */
  readonly baseline: { readonly value: number; readonly on: string } | null;
  /** Null for a monitored series. */
  readonly target: { readonly value: number; readonly by: string } | null;
  /** The plan's targets for each year on the way (VCA), by date; empty when it sets none. */
  readonly annualTargets: readonly { readonly value: number; readonly by: string }[];
  /** Where its national values come from when none is measured nationally; null when only ever measured nationally. */
  readonly nationalFrom: NationalFromTerritories | null;
  readonly retired: boolean;
  readonly latest: LatestValue | null;
  /** True when the indicator has no target: progress toward a target does not apply to it. */
  readonly monitoredOnly: boolean;
  /**
   * The global rate, `shown` as its `percent` and `raw` as computed: from the release's published current value (the
   * synthesis's VA) when there is one, else from the latest national value. Null while neither is known, and always
   * for a monitored series.
   */
  readonly progress: { readonly raw: number; readonly shown: number } | null;
  /**
   * Both rates with the values they used (docs/progress.md); null for a monitored series unless a release published
   * VI, VA and VC for it. `progress` stays the plan's: null for a monitored series.
   */
  readonly rates: IndicatorRates | null;
  /** Where the indicator should be by `at` on a straight line from baseline to target, capped to [0, 100]; null for a monitored series. */
  readonly expectedProgress: number | null;
}

export interface MilestoneView {
  readonly milestoneId: string;
  readonly title: string;
  readonly dueOn: string;
  readonly reachedOn: string | null;
  readonly daysLate: number | null;
  /** Days past due at `at` while not reached, 0 otherwise. */
  readonly overdueDays: number;
}

export interface MilestoneCounts {
  readonly total: number;
  readonly reached: number;
  readonly reachedLate: number;
  readonly overdue: number;
}

export interface ProjectSummary {
  readonly projectId: string;
  readonly missionCode: string;
  readonly title: string;
  readonly status: 'active' | 'closed';
  readonly outcome: ProjectOutcome | null;
  /** RAG at `at` for an active project; null once closed. */
  readonly health: Health | null;
  readonly planVersion: number;
  readonly launchedOn: string;
  readonly closedOn: string | null;
  readonly milestones: MilestoneCounts;
  readonly indicators: readonly IndicatorView[];
}

/** One territory's global rate, from the current value, VI and VC a release published for it (its own targets). */
export interface TerritorialRateView {
  readonly indicatorId: string;
  readonly territory: { readonly level: TerritoryLevel; readonly code: string };
  readonly global: RateView | null;
  /** Why the global rate is null. */
  readonly unavailable: string | null;
}

export interface ProjectDetail extends ProjectSummary {
  readonly objective: string;
  readonly leadOrganisation: string;
  readonly note: string | null;
  readonly milestoneList: readonly MilestoneView[];
  /** Each territory's rate of each live indicator a release published a territorial value of, by indicator then territory. */
  readonly territorialRates: readonly TerritorialRateView[];
}

/** A mission and its projects; name and dates are null when its definition is dated after `at`. */
export interface MissionView {
  readonly missionCode: string;
  readonly name: string | null;
  readonly programme: string | null;
  readonly definedOn: string | null;
  readonly description: string | null;
  readonly projects: readonly ProjectSummary[];
}

export interface PortfolioTotals {
  readonly missions: number;
  readonly projects: number;
  readonly active: number;
  readonly closed: number;
  readonly completed: number;
  readonly abandoned: number;
  readonly health: { readonly green: number; readonly amber: number; readonly red: number };
  readonly milestones: MilestoneCounts;
}

export interface PortfolioDocument extends TemporalStamp {
  readonly missions: readonly MissionView[];
  readonly totals: PortfolioTotals;
}
