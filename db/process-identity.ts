import { readFileSync, readlinkSync } from "node:fs";
import { hostname } from "node:os";

// Who a process is, precisely enough to tell "that process is still running" from "a process
// with the same number is running". A pid alone is not enough: in a container every start is
// PID 1, and after a reboot numbers are reused. On Linux, /proc gives what makes it exact:
// the kernel's boot id (changes at every boot, shared by every container on the machine), the
// PID namespace (each container start gets a new one), and the process's start time in clock
// ticks since boot (a later process with the same pid started later). Elsewhere (macOS,
// Windows) these are undefined and callers fall back to weaker evidence.

export interface ProcessIdentity {
  pid: number;
  host: string;
  bootId?: string;
  pidNamespace?: string;
  startTicks?: string;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name before it may hold spaces and parentheses. */
export function startTicksOf(pid: number): string | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

export function currentProcessIdentity(): ProcessIdentity {
  // A /proc mounted for another PID namespace (a namespace made without remounting it) would
  // answer for other processes: then pids are not comparable through it at all.
  const self = read("/proc/self/stat");
  const procIsOurs = !!self && Number(self.slice(0, self.indexOf(" "))) === process.pid;
  let pidNamespace: string | undefined;
  try {
    pidNamespace = procIsOurs ? readlinkSync("/proc/self/ns/pid") : undefined;
  } catch {
    pidNamespace = undefined;
  }
  return {
    pid: process.pid,
    host: hostname(),
    bootId: read("/proc/sys/kernel/random/boot_id"),
    pidNamespace,
    startTicks: procIsOurs ? startTicksOf(process.pid) : undefined,
  };
}

/** Whether a pid names a running process in this PID namespace. */
export function pidIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * What this process can know about a lock holder by itself: "alive" or "dead" when that is
 * certain, "unknown" when the holder ran where its pid means nothing here (another container's
 * PID namespace, another machine, a kernel since rebooted or a reused pid): then only the
 * holder's heartbeat can tell.
 */
export function holderState(holder: ProcessIdentity, me: ProcessIdentity): "alive" | "dead" | "unknown" {
  // Same kernel and PID namespace: pid + start time name exactly one process, this one included.
  if (holder.bootId && holder.bootId === me.bootId && holder.pidNamespace && holder.pidNamespace === me.pidNamespace) {
    return holder.startTicks !== undefined && startTicksOf(holder.pid) === holder.startTicks ? "alive" : "dead";
  }
  // No /proc on either side (macOS, Windows), same machine: a pid that is gone, or that is now
  // this very process, holds nothing; a live one may be a reused number, so it stays unknown.
  if (!holder.bootId && !me.bootId && holder.host === me.host) {
    return holder.pid === me.pid || !pidIsRunning(holder.pid) ? "dead" : "unknown";
  }
  return "unknown";
}
