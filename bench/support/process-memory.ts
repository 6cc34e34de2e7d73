// Another process's memory as the kernel counts it: how the bench watches the service it started.
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set size now, in bytes. */
  readonly rssBytes: number;
  /** The highest resident set size since the process started, in bytes. */
  readonly peakRssBytes: number;
}

function field(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (match === null) throw new Error(`no ${name} in the process status`);
  return Number(match[1]) * 1024;
}

/** The memory of process `pid` from /proc (Linux only: the bench's machine). */
export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssBytes: field(status, 'VmRSS'), peakRssBytes: field(status, 'VmHWM') };
}
