/**
 * Everything a benchmark run starts (server, build copy, connections,
 * databases), so one call can stop and drop it all, also after a signal.
 */
import { rmSync } from "node:fs";

import type postgres from "postgres";

import { connect, createBenchDatabase, dropBenchDatabase, withDatabase } from "./bench-database";
import type { NextServer } from "./next-server";

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Everything the benchmark starts, so one function can stop and drop it all. */
export class BenchResources {
  readonly admin: postgres.Sql;
  readonly databases: string[] = [];
  readonly connections: postgres.Sql[] = [];
  server: NextServer | null = null;
  /** Copy of the build the server runs from. */
  appDir: string | null = null;
  /** Whether to keep the copy, whose source maps a CPU profile needs. */
  keepAppDir = false;
  private released: Promise<void> | null = null;

  constructor(readonly adminUrl: string) {
    this.admin = connect(adminUrl);
  }

  async createDatabase(): Promise<string> {
    const name = await createBenchDatabase(this.admin);
    this.databases.push(name);
    return withDatabase(this.adminUrl, name);
  }

  connect(url: string): postgres.Sql {
    const sql = connect(url);
    this.connections.push(sql);
    return sql;
  }

  /** Stops the server, closes connections and drops the databases, once. */
  release(): Promise<void> {
    this.released ??= (async () => {
      const report = (what: string) => (error: unknown) => log(`${what} failed: ${String(error)}`);
      await this.server?.stop().catch(report("stopping the server"));
      for (const sql of this.connections) await sql.end({ timeout: 5 }).catch(report("closing"));
      for (const name of this.databases) {
        await dropBenchDatabase(this.admin, name).catch(report(`dropping ${name}`));
      }
      await this.admin.end({ timeout: 5 }).catch(report("closing the admin connection"));
      if (this.appDir && !this.keepAppDir) rmSync(this.appDir, { recursive: true, force: true });
    })();
    return this.released;
  }
}

