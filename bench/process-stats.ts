/**
 * Memory and CPU readings from Linux /proc: the server's resident set while
 * it ingests, and where the machine's CPU time went during a timed phase.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const KIB_PER_MIB = 1024;

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Reads a `Vm*` line of /proc/PID/status in KiB, or null once the process is gone. */
function readStatusKib(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  const status = readText(`/proc/${pid}/status`);
  const match = status === null ? null : new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : null;
}

/** Lists the process and all its descendants, from /proc/PID/task/TID/children. */
function listProcessTree(pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) {
    const current = tree[index]!;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = readText(`/proc/${current}/task/${task}/children`) ?? "";
      for (const child of children.trim().split(/\s+/)) if (child) tree.push(Number(child));
    }
  }
  return tree;
}

/** Polls the resident set of a process tree and keeps the peak. */
export class RssSampler {
  private peakKib = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs: number,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    let total = 0;
    for (const pid of listProcessTree(this.pid)) total += readStatusKib(pid, "VmRSS") ?? 0;
    this.peakKib = Math.max(this.peakKib, total);
  }

  /**
   * Stops polling. Returns the peak polled RSS of the tree and the server
   * process's VmHWM, its peak since it started.
   */
  stop(): { peakRssMib: number; vmHwmMib: number | null } {
    this.sample();
    clearInterval(this.timer);
    const hwm = readStatusKib(this.pid, "VmHWM");
    return {
      peakRssMib: this.peakKib / KIB_PER_MIB,
      vmHwmMib: hwm === null ? null : hwm / KIB_PER_MIB,
    };
  }
}

let clockTicks: number | undefined;

/** Clock ticks per second of /proc times (`getconf CLK_TCK`, 100 on common kernels). */
function readClockTicks(): number {
  if (clockTicks === undefined) {
    const output = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim();
    clockTicks = Number(output) > 0 ? Number(output) : 100;
  }
  return clockTicks;
}

/** User plus system CPU time of one process in clock ticks, or null once it is gone. */
function readProcessTicks(pid: number): { comm: string; ticks: number } | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name is in parentheses and may contain spaces, so fields count from its end.
  const close = stat.lastIndexOf(")");
  const comm = stat.slice(stat.indexOf("(") + 1, close);
  const fields = stat.slice(close + 2).split(" ");
  return { comm, ticks: Number(fields[11]) + Number(fields[12]) };
}

interface CpuSnapshot {
  /** Busy and total ticks of all CPUs from /proc/stat. */
  busy: number;
  total: number;
  byPid: Map<number, { comm: string; ticks: number }>;
}

function takeCpuSnapshot(): CpuSnapshot {
  const line = (readText("/proc/stat") ?? "").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const byPid = new Map<number, { comm: string; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const reading = readProcessTicks(Number(entry));
    if (reading) byPid.set(Number(entry), reading);
  }
  return { busy: total - idle, total, byPid };
}

export interface CpuBreakdown {
  /** CPU seconds all cores spent busy. */
  machineBusySeconds: number;
  /** Seconds of CPU the machine had (wall time times cores). */
  machineTotalSeconds: number;
  serverSeconds: number;
  /** All `postgres` processes, the benchmark's backends and any other client's. */
  postgresSeconds: number;
  /** The benchmark process itself: HTTP clients and timers. */
  benchSeconds: number;
  /** Busy time not accounted to the three above: other users of the machine, the kernel. */
  otherSeconds: number;
}

/**
 * Records CPU time from now until the returned function is called. Without a
 * server PID, `serverSeconds` is 0.
 */
export function startCpuAccounting(serverPid: number | null): () => CpuBreakdown {
  const before = takeCpuSnapshot();
  return () => {
    const after = takeCpuSnapshot();
    const hz = readClockTicks();
    const serverTree = new Set(serverPid === null ? [] : listProcessTree(serverPid));
    let server = 0;
    let postgres = 0;
    let bench = 0;
    for (const [pid, reading] of after.byPid) {
      const delta = reading.ticks - (before.byPid.get(pid)?.ticks ?? 0);
      if (serverTree.has(pid)) server += delta;
      else if (reading.comm === "postgres") postgres += delta;
      else if (pid === process.pid) bench += delta;
    }
    const busy = after.busy - before.busy;
    return {
      machineBusySeconds: busy / hz,
      machineTotalSeconds: (after.total - before.total) / hz,
      serverSeconds: server / hz,
      postgresSeconds: postgres / hz,
      benchSeconds: bench / hz,
      otherSeconds: Math.max(0, busy - server - postgres - bench) / hz,
    };
  }
}
