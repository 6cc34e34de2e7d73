import { Agent, request } from 'node:http';
import { monthEnd } from '../generate/generate-portfolio';
import { LAUNCHED_ON } from '../generate/portfolio-shape';
import { TERRITORIES } from '../generate/territories';
import { scenarioMain } from '../support/scenario';
import { percentile } from '../support/stats';

export interface LoadInput {
  readonly url: string;
  readonly token: string;
  /** Commands per second, sent on schedule whether or not earlier ones have answered (open loop). */
  readonly rate: number;
  readonly seconds: number;
  readonly projects: number;
}

export interface LoadResult {
  readonly sent: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly commandsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(input: LoadInput, path: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${input.url}/api/v1${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${input.token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function setUp(input: LoadInput): Promise<void> {
  await post(input, '/missions', { missionCode: 'BENCH', name: 'Bench', programme: 'Bench', definedOn: LAUNCHED_ON });
  for (let p = 0; p < input.projects; p += 1) {
    const status = await post(input, '/projects', {
      projectId: `http-${p}`,
      missionCode: 'BENCH',
      title: `Project ${p}`,
      objective: 'Measured over HTTP',
      leadOrganisation: 'DITP',
      launchedOn: LAUNCHED_ON,
      milestones: [],
      indicators: [
        {
          indicatorId: 'usagers',
          label: 'Usagers',
          unit: 'nombre',
          direction: 'increase',
          baseline: { value: 0, on: LAUNCHED_ON },
          target: { value: 1000, by: '2030-12-31' },
        },
      ],
    });
    if (status !== 201) throw new Error(`launching project ${p} answered ${status}`);
  }
}

/**
 * (a) Single commands over HTTP from a process of its own: one measurement per request, at a fixed rate over many
 * projects. Latency counts from the scheduled send time, so a stalled server cannot hide its queue (no coordinated
 * omission).
 */
async function generateLoad(input: LoadInput): Promise<LoadResult> {
  await setUp(input);
  const total = Math.round(input.rate * input.seconds);
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const scheduled = start + (i * 1000) / input.rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const territory = TERRITORIES[i % TERRITORIES.length];
    const body = {
      value: i,
      period: monthEnd(Math.floor(i / (input.projects * TERRITORIES.length))),
      ...(territory.level === 'national' ? {} : { territory }),
    };
    const path = `/projects/http-${Math.floor(i / TERRITORIES.length) % input.projects}/indicators/usagers/measurements`;
    inFlight.push(
      post(input, path, body).then(
        (status) => {
          if (status === 201) latencies.push(performance.now() - scheduled);
          else failed += 1;
        },
        () => void (failed += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  return {
    sent: total,
    succeeded: latencies.length,
    failed,
    commandsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

scenarioMain(module, generateLoad);
