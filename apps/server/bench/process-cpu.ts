// What a process of the machine has used of the CPU, for the benches: on a shared, noisy machine
// a process's CPU time per request moves less than its requests per second.
import { readFileSync } from 'node:fs';

/** CPU seconds (user and system) a process used so far, from /proc (Linux); 0 elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
