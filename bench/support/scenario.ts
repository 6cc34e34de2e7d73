import { spawn } from 'node:child_process';
import { ROOT } from './product';

const RESULT_PREFIX = 'BENCH_RESULT ';

/**
 * Runs a scenario file's work when that file is the process's entry point: the input comes as JSON in argv[2], the
 * result leaves as one JSON line on stdout. Each measurement gets a process of its own, so that one path's heap,
 * caches and peak RSS never colour another's.
 */
export function scenarioMain<Input, Output>(entry: NodeModule, work: (input: Input) => Promise<Output>): void {
  if (require.main !== entry) return;
  const input = JSON.parse(process.argv[2] ?? '{}') as Input;
  work(input).then(
    (output) => {
      process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(output)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** Runs `file` (relative to the repository) as a scenario process under tsx and returns its result. */
export function runScenario<Output>(
  file: string,
  input: unknown,
  nodeOptions: readonly string[] = [],
): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', file, JSON.stringify(input)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || line === undefined) {
        reject(new Error(`${file} exited with ${code}${line === undefined ? ' and no result' : ''}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as Output);
    });
  });
}
