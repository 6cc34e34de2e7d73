import type { TerritoryLevel } from '@portfolio/domain';

/** What to import: one detail file of a Baromètre release, with the files that give it meaning. */
export interface ImportRequest {
  /** Path of a detail file: `releases/<date>-detail-national.csv` or `departements/detail-departement-<code>.csv`. */
  readonly detail: string;
  /**
   * Path of a synthesis of the same release, national or territorial (its layout tells which). The national one defines
   * the indicators (baselines and targets) and publishes their current values; a regional or départemental one
   * publishes each territory's current value, with that territory's own VI and VC, of indicators already defined.
   */
  readonly synthese?: string;
  /** Path of secteurs.csv: the sector (hence the mission) of each indicator. */
  readonly secteurs?: string;
  /**
   * Level of the detail file's values: `national`, `region` (code_region) or `departement` (code_departement). Default:
   * the level of the file's layout; when given, the file's layout must be of that level. A synthesis's level is told by
   * its own layout.
   */
  readonly level?: TerritoryLevel;
  /** Today's business date, YYYY-MM-DD: the importer reads no clock. */
  readonly today: string;
  /**
   * The release's date, the day indicators it adds to existing projects are decided on. Default: the date the detail
   * file's name starts with (`2023-01-19-detail-national.csv`), else today.
   */
  readonly releasedOn?: string;
  /**
   * Path of a JSON file of mesure renames (renames.ts), followed over the shipped renames.json: a renamed mesure's rows
   * go on in the project of its first title.
   */
  readonly renames?: string;
}

export interface ImportOptions {
  /** Called as rows are dealt with; `rowsTotal` is the number of data rows of the detail file once it is read. */
  readonly onProgress?: (rowsDone: number, rowsTotal?: number) => void;
  /** Stops the import between two commands: what was sent stays, each batch being one atomic command. */
  readonly signal?: AbortSignal;
  /** Measurements per RecordMeasurements command, 1 to 10,000 (default 5,000). */
  readonly batchSize?: number;
}

/** A row left out of the import, and why. */
export interface RejectedRow {
  /** File name (without its folder). */
  readonly file: string;
  /** 1-based line of the file on which the row starts. */
  readonly line: number;
  readonly reason: string;
}

/** An indicator that could not be defined: its rows are rejected with the same reason. */
export interface RejectedIndicator {
  readonly projectId: string;
  readonly indicatorId: string;
  readonly reason: string;
}

/** An indicator defined without a target (a monitored series: progress does not apply), and why it has none. */
export interface MonitoredIndicator {
  readonly projectId: string;
  readonly indicatorId: string;
  readonly reason: string;
}

/** A file the import read, and the published column layout it was read as (see layouts.ts). */
export interface FileRead {
  readonly file: string;
  readonly layout: string;
  /** Data rows (the header and empty lines excluded). */
  readonly rows: number;
  readonly sha256: string;
}

export interface ImportSummary {
  /** Every file read, detail file first. */
  readonly files: readonly FileRead[];
  readonly missionsDefined: number;
  readonly projectsLaunched: number;
  /** Projects that received indicators through a RedesignProject. */
  readonly projectsRedesigned: number;
  /** Projects whose targets the release revised, each through a RedesignProject decided on the release's date. */
  readonly projectsRetargeted: number;
  /** Indicators whose target those redesigns moved. */
  readonly targetsRevised: number;
  /** Indicators defined, at launch or by a redesign. */
  readonly indicatorsDefined: number;
  /** Values for an indicator, territory and period the ledger did not know. */
  readonly measurementsAdded: number;
  /** Values replacing a different known value (IndicatorMeasured with `supersedes`). */
  readonly measurementsRestated: number;
  /** Values equal to the known value: the domain records nothing for them. */
  readonly measurementsUnchanged: number;
  /** Data rows of the detail file. */
  readonly rowsRead: number;
  /** Rows rejected, in every file read. */
  readonly rowsRejected: number;
  /** The first 100 rejected rows, by file and line. */
  readonly rejected: readonly RejectedRow[];
  readonly indicatorsRejected: readonly RejectedIndicator[];
  /** Indicators defined as monitored series (no target), among indicatorsDefined. */
  readonly indicatorsMonitored: readonly MonitoredIndicator[];
  /** RecordMeasurements commands sent (batches whose values were all known are not sent). */
  readonly batchesSent: number;
  /**
   * The synthesis's current values (VA) recorded as the release's published current values, progress being computed
   * from them: those new or changed since the last import.
   */
  readonly currentValuesPublished: number;
  /** The territorial synthesis's current values recorded for their region or département: those new or changed. */
  readonly territorialValuesPublished: number;
  /** True when the signal stopped the import before its end. */
  readonly aborted: boolean;
  readonly warnings: readonly string[];
}
