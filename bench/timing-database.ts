/**
 * A Database wrapper that times every statement and the transaction steps,
 * so the real `ingestSpans` can be measured without copying its logic. Each
 * statement is put in a stage by its SQL text.
 */
import type { Database, Queryable } from "@/db/client";

export const STAGES = [
  "key lookup and touch",
  "decode protobuf",
  "normalize and price",
  "begin",
  "insert spans",
  "lock runs",
  "reload run spans",
  "load outcome events",
  "load previous runs",
  "upsert runs",
  "update counted calls",
  "apply daily deltas",
  "other statements",
  "Node.js between statements",
  "commit",
  "after commit",
] as const;
export type Stage = (typeof STAGES)[number];

/** Statement stages by a fragment of their SQL, first match wins. */
const STATEMENT_STAGES: ReadonlyArray<[RegExp, Stage]> = [
  [/^\s*insert into spans/i, "insert spans"],
  [/pg_advisory_xact_lock/i, "lock runs"],
  [/from spans where trace_id/i, "reload run spans"],
  [/from outcome_events/i, "load outcome events"],
  [/from runs where trace_id/i, "load previous runs"],
  [/^\s*insert into runs/i, "upsert runs"],
  [/^\s*update spans set counted_calls/i, "update counted calls"],
  [/^\s*insert into workflow_daily/i, "apply daily deltas"],
];

function classifyStatement(text: string): Stage {
  return STATEMENT_STAGES.find(([pattern]) => pattern.test(text))?.[1] ?? "other statements";
}

interface Elapsed {
  wallMs: number;
  cpuMs: number;
}

/** Wall and Node.js CPU time per stage, in milliseconds. */
export class StageClock {
  readonly wallMs = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  readonly cpuMs = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;

  /** Starts timing a stage. The returned function stops it and returns the time it added. */
  start(stage: Stage): () => Elapsed {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    return () => {
      const used = process.cpuUsage(cpu);
      const elapsed = { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
      this.add(stage, elapsed);
      return elapsed;
    };
  }

  add(stage: Stage, elapsed: Elapsed): void {
    this.wallMs[stage] += elapsed.wallMs;
    this.cpuMs[stage] += elapsed.cpuMs;
  }

  async time<T>(stage: Stage, work: () => T | Promise<T>): Promise<T> {
    const stop = this.start(stage);
    const result = await work();
    stop();
    return result;
  }
}

/** Wall clock (performance.now) and process CPU at one instant. */
export interface Instant {
  wallMs: number;
  cpu: NodeJS.CpuUsage;
}

export function takeInstant(): Instant {
  return { wallMs: performance.now(), cpu: process.cpuUsage() };
}

/** Adds the time from `since` until now to a stage. */
export function addSince(clock: StageClock, stage: Stage, since: Instant): void {
  const used = process.cpuUsage(since.cpu);
  clock.add(stage, {
    wallMs: performance.now() - since.wallMs,
    cpuMs: (used.user + used.system) / 1000,
  });
}

export interface TimingDatabase extends Database {
  /** When `transaction` was last called, and when that transaction had committed. */
  readonly lastTransaction: { called: Instant; committed: Instant } | null;
}

/**
 * Wraps a database so that statements, BEGIN, COMMIT and the Node.js work
 * between the statements of a transaction land in the clock. Statements that
 * run at the same time (the three reloads) each count their full wall time,
 * but the time between statements counts overlapping statements once.
 */
export function wrapDatabase(inner: Database, clock: StageClock): TimingDatabase {
  let lastTransaction: { called: Instant; committed: Instant } | null = null;
  let inTransaction = false;
  let running = 0;
  let runningSince = 0;
  // Wall time with at least one statement running, and the statements' CPU, in the transaction.
  let statementWallMs = 0;
  let statementCpuMs = 0;

  const timedQueryable = (runner: Queryable): Queryable => ({
    async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
      // Statements outside a transaction belong to the caller's stage.
      if (!inTransaction) return runner.query<Row>(text, params);
      if (running++ === 0) runningSince = performance.now();
      const stop = clock.start(classifyStatement(text));
      try {
        return await runner.query<Row>(text, params);
      } finally {
        statementCpuMs += stop().cpuMs;
        if (--running === 0) statementWallMs += performance.now() - runningSince;
      }
    },
  });

  return {
    kind: inner.kind,
    get lastTransaction() {
      return lastTransaction;
    },
    ...timedQueryable(inner),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const called = takeInstant();
      const stopBegin = clock.start("begin");
      let stopCommit: () => Elapsed = () => ({ wallMs: 0, cpuMs: 0 });
      const result = await inner.transaction(async (tx) => {
        stopBegin();
        inTransaction = true;
        statementWallMs = 0;
        statementCpuMs = 0;
        const started = takeInstant();
        try {
          return await work(timedQueryable(tx));
        } finally {
          inTransaction = false;
          const used = process.cpuUsage(started.cpu);
          clock.add("Node.js between statements", {
            wallMs: performance.now() - started.wallMs - statementWallMs,
            cpuMs: Math.max(0, (used.user + used.system) / 1000 - statementCpuMs),
          });
          stopCommit = clock.start("commit");
        }
      });
      stopCommit();
      lastTransaction = { called, committed: takeInstant() };
      return result;
    },
    close: () => inner.close(),
  };
}
