/**
 * Builds and runs the production Next.js server for the benchmark, as
 * `node node_modules/next/dist/bin/next start`, so the child's PID is the
 * server's. The server runs from a copy of `.next`, so a rebuild in the
 * working tree during a run cannot swap files under it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const NEXT_BIN = path.resolve("node_modules", "next", "dist", "bin", "next");
const OUTPUT_TAIL_LINES = 40;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
/** Time one readiness probe may take. A server that accepts but never responds is not ready. */
const PROBE_TIMEOUT_MS = 5_000;
/** Files the server reads at start or run time besides `.next`: config, migrations, packages. */
const LINKED_PATHS = [
  "node_modules",
  "package.json",
  "next.config.ts",
  "tsconfig.json",
  "drizzle",
  "public",
];

/** Runs `next build` when there is no production build, or always when `force` is set. */
export function ensureProductionBuild(force: boolean): void {
  if (!force && existsSync(path.join(".next", "BUILD_ID"))) return;
  process.stderr.write("running next build (no .next/BUILD_ID, or --rebuild)\n");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error(`next build failed with exit code ${result.status}. Its output is above.`);
  }
}

function readBuildId(dir: string): string | null {
  try {
    return readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * Copies `.next` (without its cache) into a new folder under `parent` next to
 * links to the files it needs. Throws when the build changed during the copy.
 */
export function snapshotBuild(parent: string = os.tmpdir()): { dir: string; buildId: string } {
  const before = readBuildId(".");
  if (before === null) throw new Error("no production build: .next/BUILD_ID is missing");
  const dir = mkdtempSync(path.join(parent, "il-bench-app-"));
  const cache = path.resolve(".next", "cache");
  cpSync(".next", path.join(dir, ".next"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !path.resolve(source).startsWith(cache),
  });
  for (const name of LINKED_PATHS) {
    if (existsSync(name)) symlinkSync(path.resolve(name), path.join(dir, name));
  }
  if (readBuildId(".") !== before || readBuildId(dir) !== before) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error("the build in .next changed while it was copied (a next build ran); retry");
  }
  return { dir, buildId: before };
}

export interface ServerOptions {
  /** Folder from snapshotBuild, used as the server's working directory. */
  appDir: string;
  port: number;
  databaseUrl: string;
  /** Node.js flags for the server process, such as `--cpu-prof`, which NODE_OPTIONS rejects. */
  nodeArgs?: readonly string[];
}

export class NextServer {
  private readonly outputTail: string[] = [];
  private exitCode: number | null | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        this.outputTail.push(line);
        if (this.outputTail.length > OUTPUT_TAIL_LINES) this.outputTail.shift();
        // The server logs at warn level, so every line it prints is worth seeing.
        process.stderr.write(`[server] ${line}\n`);
      }
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.on("exit", (code) => {
      this.exitCode = code;
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error("the server process has no PID");
    return this.child.pid;
  }

  /**
   * Starts the server and resolves once `GET /api/v1/kpis` returns 200, or 401,
   * which that route returns to a caller without a session after it has
   * opened the database.
   */
  static async start(options: ServerOptions): Promise<NextServer> {
    const baseUrl = `http://127.0.0.1:${options.port}`;
    if (await answers(baseUrl)) {
      throw new Error(`port ${options.port} is already in use; pass another --port`);
    }
    const args = [
      ...(options.nodeArgs ?? []),
      NEXT_BIN,
      "start",
      ...["-p", String(options.port), "-H", "127.0.0.1"],
    ];
    const child = spawn(process.execPath, args, {
      cwd: options.appDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        LOG_LEVEL: "warn",
        ORG_TIME_ZONE: "UTC",
        // Start-up requires a session secret; the benchmark signs no one in.
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
      },
    });
    const server = new NextServer(child, baseUrl);
    try {
      await server.waitUntilReady();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastStatus = "no answer";
    while (Date.now() < deadline) {
      if (this.exitCode !== undefined) {
        throw new Error(`the server exited with code ${this.exitCode}:\n${this.tail()}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/api/v1/kpis`, {
          signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        });
        await response.arrayBuffer();
        if (response.status === 200 || response.status === 401) return;
        lastStatus = `HTTP ${response.status}`;
      } catch {
        // Not listening yet, or the probe timed out.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `GET /api/v1/kpis did not return 200 or 401 within ${READY_TIMEOUT_MS} ms ` +
        `(last: ${lastStatus}):\n${this.tail()}`,
    );
  }

  tail(): string {
    return this.outputTail.join("\n");
  }

  /** Sends SIGTERM, waits for the exit, and sends SIGKILL after STOP_TIMEOUT_MS. */
  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(baseUrl, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
