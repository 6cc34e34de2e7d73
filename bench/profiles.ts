/** How much a benchmark run measures: `quick` is `npm run bench`, `full` is `npm run bench -- --full`. */
export interface BenchProfile {
  readonly name: 'quick' | 'full';
  /** Runs of every measurement; results are their medians. */
  readonly runs: number;
  /** Events of the store-level workload (b, c), in appends of `appendBatch`. */
  readonly storeEvents: number;
  readonly appendBatch: number;
  /** History sizes for ingest, projection, queries, disk size, cold start, export and verify (a, d, e, f, g). */
  readonly sizes: readonly string[];
  /** Sizes at which export and verify run (they are the costliest); cold start and disk size run at every size. */
  readonly exportSizes: readonly string[];
  /** Runs at sizes of a million events and more: one, they take minutes each. */
  readonly runsAtScale: number;
  /** Size of the history restated often, on which the as-of reads are measured too. */
  readonly restatedSize: string;
  readonly querySamples: number;
  /** Loads of the web workspace's Portefeuille page measured on each history and on the demo (after a warm-up). */
  readonly workspaceLoads: number;
  /** Single commands over HTTP: open loop at `rate`, then closed loop with `clients`, each for `seconds`. */
  readonly http: {
    readonly rate: number;
    readonly clients: number;
    readonly seconds: number;
    readonly projects: number;
  };
}

export const PROFILES: Readonly<Record<BenchProfile['name'], BenchProfile>> = {
  quick: {
    name: 'quick',
    runs: 3,
    storeEvents: 50_000,
    appendBatch: 100,
    sizes: ['100k'],
    exportSizes: ['100k'],
    runsAtScale: 1,
    restatedSize: '100k',
    querySamples: 20,
    workspaceLoads: 5,
    http: { rate: 1500, clients: 64, seconds: 3, projects: 20 },
  },
  full: {
    name: 'full',
    runs: 3,
    storeEvents: 100_000,
    appendBatch: 100,
    sizes: ['100k', '1M', '3M'],
    exportSizes: ['1M'],
    runsAtScale: 1,
    restatedSize: '1M',
    querySamples: 50,
    workspaceLoads: 5,
    http: { rate: 1500, clients: 64, seconds: 10, projects: 20 },
  },
};
