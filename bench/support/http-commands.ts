// The HTTP load generators' shared client: one keep-alive agent, the projects they write to, the i-th command.
import { Agent, request } from 'node:http';
import { monthEnd } from '../generate/generate-portfolio';
import { LAUNCHED_ON } from '../generate/portfolio-shape';
import { TERRITORIES } from '../generate/territories';

/** Where the commands go and how many projects they spread over. */
export interface HttpTarget {
  readonly url: string;
  readonly token: string;
  readonly projects: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs one JSON body and answers the status code once the response has been read in full. */
export function post(target: HttpTarget, path: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.url}/api/v1${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${target.token}`,
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

/** GETs `url` and answers the status code once the response has been read in full. */
export function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

/** The mission and the projects, each with the indicator the commands measure. */
export async function launchProjects(target: HttpTarget): Promise<void> {
  await post(target, '/missions', { missionCode: 'BENCH', name: 'Bench', programme: 'Bench', definedOn: LAUNCHED_ON });
  for (let p = 0; p < target.projects; p += 1) {
    const status = await post(target, '/projects', {
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
 * The i-th single command: one measurement of one territory. Consecutive commands go to different projects, as
 * commands from many people would, rather than a burst on one stream that the service must take one at a time; each
 * project's territories in turn, then the next month: every command is a fresh fact (201), never a repeat.
 */
export function measurementCommand(target: HttpTarget, i: number): { path: string; body: unknown } {
  const round = Math.floor(i / target.projects);
  const territory = TERRITORIES[round % TERRITORIES.length];
  return {
    path: `/projects/http-${i % target.projects}/indicators/usagers/measurements`,
    body: {
      value: i,
      period: monthEnd(Math.floor(round / TERRITORIES.length)),
      ...(territory.level === 'national' ? {} : { territory }),
    },
  };
}
