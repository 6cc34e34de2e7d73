import { parseEventCount } from './event-count';
import { generatePortfolio } from './generate-portfolio';

/**
 * `node --import tsx bench/generate/main.ts 1M [seed]`: the generated portfolio's commands as NDJSON on stdout
 * ({idempotencyKey, command} per line), a summary on stderr. The benchmarks call the generator directly; this is for
 * looking at the workload, or feeding it to another tool.
 */
async function main(): Promise<void> {
  const [size = '100k', seed] = process.argv.slice(2);
  let commands = 0;
  let events = 0;
  for (const { idempotencyKey, command, events: count } of generatePortfolio({
    events: parseEventCount(size),
    seed: seed === undefined ? undefined : Number(seed),
  })) {
    // Honour backpressure: 3M events make about 470 MB of commands, never held in memory.
    if (!process.stdout.write(`${JSON.stringify({ idempotencyKey, command })}\n`)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    commands += 1;
    events += count;
  }
  process.stderr.write(`${commands} commands, ${events} events\n`);
}

void main();
