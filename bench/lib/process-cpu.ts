/**
 * CPU time a process has used (user + system), from /proc on Linux. On a machine shared with
 * other work, CPU per request is a steadier figure than requests per second; null elsewhere.
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces) start at "state"; utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}
