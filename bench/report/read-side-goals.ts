// Issue 17's goals for the read side at scale, the same on both stores but for the rebuild's rate.
import type { StoreKind } from '../support/bench-target';
import { atLargest, n, type Goal } from './goal';

const REBUILD_EVENTS_PER_SECOND: Readonly<Record<StoreKind, number>> = { sqlite: 100_000, postgres: 50_000 };

const rebuildGoal = (store: StoreKind): Goal => ({
  id: `${store}-rebuild`,
  store,
  goal: `projection rebuild ≥ ${n(REBUILD_EVENTS_PER_SECOND[store])} events/s at 1M`,
  check: (result) => {
    const at1M = result.sizes['1M']?.projection.eventsPerSecond;
    const largest: [string, number] | undefined =
      at1M === undefined ? atLargest(result, (s) => s.projection.eventsPerSecond) : ['1M', at1M];
    return (
      largest && {
        figure: `${n(largest[1])} events/s at ${largest[0]}`,
        met: largest[1] >= REBUILD_EVENTS_PER_SECOND[store],
      }
    );
  },
});

/** p95 bound of the as-of queries (portfolio and project) at each history size the goal names. */
const AS_OF_P95_MS: Readonly<Record<string, number>> = { '1M': 50, '3M': 75 };

const asOfGoal = (store: StoreKind): Goal => ({
  id: `${store}-as-of`,
  store,
  goal: 'as-of queries p95 ≤ 50 ms at 1M events and ≤ 75 ms at 3M, portfolio and project',
  check: (result) => {
    const measured = Object.entries(result.sizes).map(([size, figures]) => ({
      size,
      worst: Math.max(figures.queries.portfolio.p95Ms, figures.queries.project.p95Ms),
    }));
    if (measured.length === 0) return undefined;
    const named = measured.filter(({ size }) => AS_OF_P95_MS[size] !== undefined);
    return {
      figure:
        measured.map(({ size, worst }) => `p95 ${worst.toFixed(1)} ms at ${size}`).join(', ') +
        (named.length > 0 ? '' : ' (1M not in this profile)'),
      // A profile without the named sizes holds its largest history to the 1M bound.
      met:
        named.length > 0
          ? named.every(({ size, worst }) => worst <= AS_OF_P95_MS[size])
          : measured.every(({ worst }) => worst <= AS_OF_P95_MS['1M']),
    };
  },
});

const asOfRestatedGoal = (store: StoreKind): Goal => ({
  id: `${store}-as-of-restated`,
  store,
  goal: 'as-of queries p95 ≤ 50 ms at 1M events when indicators are restated often, portfolio and project',
  check: ({ restated }) => {
    if (restated === undefined) return undefined;
    const { portfolio, project } = restated.queries;
    return {
      figure: `portfolio p95 ${portfolio.p95Ms.toFixed(1)} ms, project ${project.p95Ms.toFixed(1)} ms at ${restated.size}`,
      // A profile with a smaller history holds it to the 1M bound.
      met: Math.max(portfolio.p95Ms, project.p95Ms) <= AS_OF_P95_MS['1M'],
    };
  },
});

const exportGoal = (store: StoreKind): Goal => ({
  id: `${store}-export`,
  store,
  goal: 'NDJSON export ≥ 150,000 events/s, bundle ≥ 80,000 events/s, peak RSS ≤ 256 MB',
  check: (result) => {
    const largest = atLargest(result, (s) => s.export);
    if (largest === undefined) return undefined;
    const { ndjson, bundle } = largest[1];
    return {
      figure: `NDJSON ${n(ndjson.eventsPerSecond)}/s (${ndjson.peakRssMb} MB), bundle ${n(bundle.eventsPerSecond)}/s (${bundle.peakRssMb} MB) at ${largest[0]}`,
      met:
        ndjson.eventsPerSecond >= 150_000 &&
        bundle.eventsPerSecond >= 80_000 &&
        Math.max(ndjson.peakRssMb, bundle.peakRssMb) <= 256,
    };
  },
});

const verifyGoal = (store: StoreKind): Goal => ({
  id: `${store}-verify`,
  store,
  goal: 'offline verify ≥ 150,000 events/s, peak RSS ≤ 256 MB',
  check: (result) => {
    const largest = atLargest(result, (s) => s.export?.verify);
    return (
      largest && {
        figure: `${n(largest[1].eventsPerSecond)} events/s, ${largest[1].peakRssMb} MB at ${largest[0]}`,
        met: largest[1].eventsPerSecond >= 150_000 && largest[1].peakRssMb <= 256,
      }
    );
  },
});

const responsivenessGoal = (store: StoreKind): Goal => ({
  id: `${store}-responsiveness`,
  store,
  goal: 'during a rebuild, an export and a verification: /health/live ≤ 200 ms and a portfolio read ≤ 500 ms (worst)',
  check: (result) => {
    const largest = atLargest(result, (s) => s.responsiveness);
    if (largest === undefined) return undefined;
    const reports = Object.entries(largest[1]);
    return {
      figure:
        reports.map(([operation, r]) => `${operation} ${n(r.worstLiveMs)} / ${n(r.worstPortfolioMs)} ms`).join(', ') +
        ` at ${largest[0]}`,
      met: reports.every(([, r]) => r.worstLiveMs <= 200 && r.worstPortfolioMs <= 500 && r.roundsWhileRunning > 0),
    };
  },
});

const coldStartGoal = (store: StoreKind): Goal => ({
  id: `${store}-cold-start`,
  store,
  goal: 'cold start to /health/ready ≤ 2 s at 3M events',
  check: (result) => {
    const largest = atLargest(result, (s) => s.coldStartSeconds);
    return largest && { figure: `${largest[1].toFixed(2)} s at ${largest[0]}`, met: largest[1] <= 2 };
  },
});

// Issue 17 measured ~1.5 KB per event (log and read models) on SQLite with 1M measurements; the goal halves it.
const DISK_BYTES_PER_EVENT_GOAL = 750;

const diskBytesGoal = (store: StoreKind): Goal => ({
  id: `${store}-disk-bytes`,
  store,
  goal: `bytes on disk per event (log and read models) ≤ ${DISK_BYTES_PER_EVENT_GOAL}, half of 1.5 KB`,
  check: (result) => {
    const largest = atLargest(result, (s) => s.disk);
    if (largest === undefined) return undefined;
    const [size, disk] = largest;
    return {
      figure: `${n(disk.bytesPerEvent)} bytes at ${size} (log ${n(disk.logBytes / disk.events)}, read models ${n(disk.readModelBytes / disk.events)})`,
      met: disk.bytesPerEvent <= DISK_BYTES_PER_EVENT_GOAL,
    };
  },
});

export const readSideGoals = (store: StoreKind): Goal[] => [
  rebuildGoal(store),
  asOfGoal(store),
  asOfRestatedGoal(store),
  exportGoal(store),
  verifyGoal(store),
  responsivenessGoal(store),
  coldStartGoal(store),
  diskBytesGoal(store),
];
