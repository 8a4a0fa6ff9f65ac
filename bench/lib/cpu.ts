import { readFileSync } from "node:fs";
import os from "node:os";

// Where the CPU went during a phase, from /proc (Linux; elsewhere the figures are null): the
// app server, its PostgreSQL backends, this process (the load generator, which shares the
// machine) and everything else (other people's builds and tests on a shared box).

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

/** utime + stime of a process (all its threads), in ms; null when it cannot be read. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces: the fields start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** read-like and write-like system calls a process made (socket reads/writes included). */
export function processSyscalls(pid: number): { reads: number; writes: number } | null {
  try {
    const io = readFileSync(`/proc/${pid}/io`, "utf8");
    const reads = Number(/^syscr:\s*(\d+)/m.exec(io)?.[1]);
    const writes = Number(/^syscw:\s*(\d+)/m.exec(io)?.[1]);
    return Number.isFinite(reads) && Number.isFinite(writes) ? { reads, writes } : null;
  } catch {
    return null;
  }
}

/** Busy and total CPU time of the whole machine (all cores), in ms. */
export function machineCpuMs(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0); // idle + iowait
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: ((total - idle) * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  at: number;
  server: number | null;
  serverSyscalls: { reads: number; writes: number } | null;
  postgres: number | null;
  client: number;
  machine: { busy: number; total: number } | null;
}

export interface CpuUsage {
  /** Share of one core over the phase (1 = one core fully busy). */
  serverCores: number | null;
  postgresCores: number | null;
  clientCores: number;
  /** Everything else on the machine (other processes). */
  otherCores: number | null;
  /** Cores on the machine that were idle. */
  idleCores: number | null;
  loadAverage1m: number;
  /** The server's read-like and write-like system calls over the phase. */
  serverSyscalls: { reads: number; writes: number } | null;
}

export function cpuSnapshot(serverPid: number, postgresPids: number[]): CpuSnapshot {
  const pg = postgresPids.map(processCpuMs).filter((v): v is number => v !== null);
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    server: processCpuMs(serverPid),
    serverSyscalls: processSyscalls(serverPid),
    postgres: postgresPids.length ? pg.reduce((a, b) => a + b, 0) : null,
    client: (usage.user + usage.system) / 1000,
    machine: machineCpuMs(),
  };
}

export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuUsage {
  const wall = b.at - a.at;
  const share = (x: number | null, y: number | null) => (x === null || y === null || wall <= 0 ? null : (y - x) / wall);
  const serverCores = share(a.server, b.server);
  const postgresCores = share(a.postgres, b.postgres);
  const clientCores = (b.client - a.client) / wall;
  let otherCores: number | null = null;
  let idleCores: number | null = null;
  if (a.machine && b.machine) {
    const totalCores = (b.machine.total - a.machine.total) / wall;
    const busyCores = (b.machine.busy - a.machine.busy) / wall;
    idleCores = Math.max(0, totalCores - busyCores);
    otherCores = Math.max(0, busyCores - (serverCores ?? 0) - (postgresCores ?? 0) - clientCores);
  }
  const serverSyscalls = a.serverSyscalls && b.serverSyscalls ? { reads: b.serverSyscalls.reads - a.serverSyscalls.reads, writes: b.serverSyscalls.writes - a.serverSyscalls.writes } : null;
  return { serverCores, postgresCores, clientCores, otherCores, idleCores, loadAverage1m: os.loadavg()[0] ?? 0, serverSyscalls };
}
