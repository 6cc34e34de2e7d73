// Another process's CPU time as the kernel counts it: what the service spent, whichever core it ran on.
import { readFileSync } from 'node:fs';

/** /proc counts in USER_HZ ticks, 100 a second on Linux whatever the kernel's own tick rate. */
const MS_PER_TICK = 10;

/** User and system CPU time of process `pid` so far, in ms (Linux only: the bench's machine). */
export function processCpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return (utime + stime) * MS_PER_TICK;
}
