import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from '../run';
import { ROOT } from '../support/product';
import { renderBenchmarks } from './render-markdown';

export const RESULTS_DIR = join(ROOT, 'bench', 'results');

/** docs/benchmarks.md from the latest result of each profile found in bench/results. */
export function writeBenchmarksDoc(): void {
  const latest = (['quick', 'full'] as const)
    .map((name) => join(RESULTS_DIR, `latest-${name}.json`))
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')) as BenchResults);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderBenchmarks(latest));
}

// `node --import tsx bench/report/write-benchmarks-doc.ts`: the table again, after a change of goals or findings.
if (require.main === module) writeBenchmarksDoc();
