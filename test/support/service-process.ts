import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const SERVICE_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/** The built service (`npm run build`), as `npm start` runs it: a real process that a test can kill -9. */
export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no shutdown hook runs, as in a power cut of the process. */
  kill(): Promise<void>;
}

export function serviceIsBuilt(): boolean {
  return existsSync(SERVICE_MAIN);
}

export async function startService(port: number, env: Record<string, string>): Promise<ServiceProcess> {
  // SERVICE_STDERR=inherit shows the service's own log when a crash test needs explaining.
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', process.env.SERVICE_STDERR === 'inherit' ? 'inherit' : 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    child,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A port free on loopback right now, so that parallel or repeated runs do not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
