/**
 * Samples what the server's PostgreSQL sessions are doing while it ingests:
 * running, waiting on a lock, waiting for the client's next statement, or on I/O.
 */
import type postgres from "postgres";

export interface WaitEventShare {
  /** `running` for an active session without a wait event, else `type:event`. */
  state: string;
  /** Share of all session samples, 0 to 1. */
  share: number;
}

/**
 * Polls pg_stat_activity for the sessions of `database` every `intervalMs`
 * until the returned function is called, which resolves to the shares of
 * each state, largest first. Idle sessions outside a transaction are left out.
 */
export function startWaitEventSampler(
  admin: postgres.Sql,
  database: string,
  intervalMs: number,
): () => Promise<WaitEventShare[]> {
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const rows = await admin<Array<{ state: string }>>`
        select case
                 when state = 'active' and wait_event is null then 'running'
                 when state = 'idle in transaction'
                   then 'idle in transaction:' || coalesce(wait_event, '')
                 else coalesce(wait_event_type, 'none') || ':' || coalesce(wait_event, '')
               end as state
          from pg_stat_activity
         where datname = ${database} and state <> 'idle' and pid <> pg_backend_pid()`;
      for (const row of rows) {
        counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
        samples += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return [...counts]
      .map(([state, count]) => ({ state, share: samples === 0 ? 0 : count / samples }))
      .sort((a, b) => b.share - a.share);
  };
}
