import type { BenchResults, SizeResult, StoreResult } from '../run';
import { FINDINGS } from './findings';
import { GOALS } from './goals';
import { workspaceFigure } from './workspace-verdicts';

const n = (value: number): string => Math.round(value).toLocaleString('en-US');

/** Single commands over HTTP: open loop at the profile's rate, closed-loop capacity, and the service's memory. */
function httpLines(results: BenchResults, store: StoreResult): string[] {
  const { http, httpCapacity: capacity } = store;
  const { rate, seconds } = results.profile.http;
  const openLoop = `HTTP single commands, open loop at ${rate}/s for ${seconds} s: ${n(http.commandsPerSecond)}/s, p50 ${n(http.p50Ms)} ms, p99 ${n(http.p99Ms)} ms (${http.failed} failed).`;
  if (capacity === undefined) return [openLoop, '', 'HTTP capacity (closed loop): not measured by this run.'];
  return [
    openLoop,
    '',
    `HTTP single commands, closed loop with ${capacity.clients} clients for ${seconds} s (capacity): ${n(capacity.commandsPerSecond)}/s, p50 ${n(capacity.p50Ms)} ms, p99 ${n(capacity.p99Ms)} ms (${capacity.failed} failed); ` +
      `service RSS ${capacity.serviceRssBeforeMb} → ${capacity.serviceRssAfterMb} MB (peak ${capacity.servicePeakRssMb} MB), ${n(capacity.rssGrowthKbPer1000Commands)} KB per 1,000 commands; service CPU ${n(capacity.serviceCpuUsPerCommand)} µs per command.`,
    '',
    `The HTTP stack's ceiling, GET /health/live closed loop with as many clients: ${n(capacity.healthProbe.perSecond)}/s, p50 ${n(capacity.healthProbe.p50Ms)} ms, p99 ${n(capacity.healthProbe.p99Ms)} ms (${capacity.healthProbe.failed} failed).`,
  ];
}

function diskCell(disk: SizeResult['disk']): string {
  if (disk === undefined) return '–';
  return `${n(disk.bytesPerEvent)} (${n(disk.logBytes / disk.events)} + ${n(disk.readModelBytes / disk.events)})`;
}

function storeTables(results: BenchResults): string[] {
  const lines: string[] = [];
  for (const [kind, store] of Object.entries(results.stores)) {
    lines.push(`#### ${kind}`, '');
    lines.push(
      `Store-level workload: ${n(store.storeLevel.events)} events of ~${store.storeLevel.meanEventBytes} bytes in appends of ${results.profile.appendBatch}.`,
      '',
      '| measure | events/s |',
      '|---|---|',
    );
    for (const [writers, figures] of Object.entries(store.storeLevel.writers)) {
      lines.push(`| raw INSERT, ${writers} writer(s) | ${n(figures.rawInsertPerSecond)} |`);
      lines.push(`| store append, ${writers} writer(s) | ${n(figures.storeAppendPerSecond)} |`);
    }
    const indexed = store.storeLevel.rawInsertWithStoreIndexesPerSecond;
    if (indexed !== undefined)
      lines.push(`| raw INSERT into a table with the store's indexes, 1 writer | ${n(indexed)} |`);
    lines.push(
      `| raw read back | ${n(store.storeLevel.rawReadPerSecond)} |`,
      `| store readAll | ${n(store.storeLevel.readAllPerSecond)} |`,
      `| store readStream | ${n(store.storeLevel.readStreamPerSecond)} |`,
      `| Emmett append | ${n(store.peer.appendPerSecond)} |`,
      `| Emmett readStream | ${n(store.peer.readStreamPerSecond)} |`,
      '',
      `Memory of the 1-writer store append: ${n(store.storeLevel.allocatedBytesPerEvent)} bytes allocated on the JS heap per event appended, peak RSS ${n(store.storeLevel.peakRssBytes / 2 ** 20)} MB.`,
      '',
      ...httpLines(results, store),
      '',
      '| history | ingest (events/s) | rebuild (events/s) | portfolio p50/p95 (ms) | project p50/p95 (ms) | NDJSON export (events/s, peak RSS) | bundle export | verify (events/s) | cold start (s) | on disk (bytes per event: log + read models) |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const [size, s] of Object.entries(store.sizes)) {
      const e = s.export;
      lines.push(
        `| ${size} | ${n(s.ingest.eventsPerSecond)} | ${n(s.projection.eventsPerSecond)} | ${s.queries.portfolio.p50Ms.toFixed(1)} / ${s.queries.portfolio.p95Ms.toFixed(1)} | ${s.queries.project.p50Ms.toFixed(1)} / ${s.queries.project.p95Ms.toFixed(1)} | ` +
          (e === undefined
            ? '– | – | – | '
            : `${n(e.ndjson.eventsPerSecond)}, ${e.ndjson.peakRssMb} MB | ${n(e.bundle.eventsPerSecond)}, ${e.bundle.peakRssMb} MB | ${n(e.verify.eventsPerSecond)} | `) +
          `${s.coldStartSeconds?.toFixed(2) ?? '–'} | ${diskCell(s.disk)} |`,
      );
    }
    const paragraphs = [responsivenessLines(store), workspaceLines(store)].filter((paragraph) => paragraph.length > 0);
    lines.push('', ...paragraphs.flatMap((paragraph) => [...paragraph, '']));
  }
  return lines;
}

/** The worst answers while each long operation ran on a history, and how many probe rounds came back meanwhile. */
function responsivenessLines(store: StoreResult): string[] {
  return Object.entries(store.sizes).flatMap(([size, s]) =>
    s.responsiveness === undefined
      ? []
      : [
          `Worst answers of /health/live and of the portfolio read while a long operation ran on ${size} events: ` +
            Object.entries(s.responsiveness)
              .map(
                ([operation, r]) =>
                  `${operation} ${n(r.worstLiveMs)} / ${n(r.worstPortfolioMs)} ms (${n(r.roundsWhileRunning)} rounds answered meanwhile)`,
              )
              .join('; ') +
            '.',
        ],
  );
}

/** The web workspace's Portefeuille page on the demo and on each history, once the service had started on it. */
function workspaceLines(store: StoreResult): string[] {
  const measured = [
    ...(store.workspaceDemo === undefined ? [] : [['on the demo', store.workspaceDemo] as const]),
    ...Object.entries(store.sizes).flatMap(([size, s]) =>
      s.workspace === undefined ? [] : [[`at ${size} events`, s.workspace] as const],
    ),
  ];
  if (measured.length === 0) return [];
  return [
    "The web workspace's Portefeuille page, navigation start to interactive (data rendered and no long task for 1 s; " +
      'first visits, each in a fresh browser context, after a warm-up): ' +
      measured.map(([where, r]) => `${where}, over ${r.loads} loads: ${workspaceFigure(r)}`).join('; ') +
      '.',
  ];
}

function goalTable(results: BenchResults): string[] {
  const lines = ['| store | goal | measured | met | why not (profile) |', '|---|---|---|---|---|'];
  for (const goal of GOALS) {
    const checked = goal.check(results.stores[goal.store]);
    if (checked === undefined) {
      lines.push(`| ${goal.store} | ${goal.goal} | not measured by the ${results.profile.name} profile | – | |`);
      continue;
    }
    const why = checked.met ? '' : (FINDINGS[goal.id] ?? '');
    lines.push(`| ${goal.store} | ${goal.goal} | ${checked.figure} | ${checked.met ? '✅' : '❌'} | ${why} |`);
  }
  return lines;
}

/** docs/benchmarks.md from the latest result of each profile. */
export function renderBenchmarks(runs: readonly BenchResults[]): string {
  const lines = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (quick profile) and `npm run bench -- --full` from `bench/results/latest-<profile>.json`; do not edit by hand.',
    "Every figure is the median of the profile's runs; compared things (store vs raw INSERT vs Emmett) are measured side by side in the same run.",
    'What each scenario does: `bench/scenarios/` (one file per measurement) and `bench/peers/emmett/`; the workload: `bench/generate/`.',
    '',
  ];
  for (const results of runs) {
    const m = results.machine;
    lines.push(
      `## ${results.profile.name} profile (${results.startedAt.slice(0, 16)}Z, ${results.profile.runs} runs)`,
      '',
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, PostgreSQL ${m.postgres} (defaults, fsync on, loopback); SQLite in WAL mode with synchronous=FULL. A shared, noisy machine.`,
      '',
      '### Goals',
      '',
      ...goalTable(results),
      '',
      '### Measurements',
      '',
      ...storeTables(results),
    );
  }
  return `${lines.join('\n')}\n`;
}
