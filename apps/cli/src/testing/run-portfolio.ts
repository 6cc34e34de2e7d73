// Test support: the built `portfolio` command run in a process of its own, as an operator runs it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const PORTFOLIO = join(__dirname, '..', '..', '..', '..', 'bin', 'portfolio.js');

export interface PortfolioRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `portfolio <args>` with these environment variables added to the test's own. */
export function runPortfolio(args: readonly string[], env: Record<string, string> = {}): Promise<PortfolioRun> {
  const child = spawn(process.execPath, [PORTFOLIO, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
