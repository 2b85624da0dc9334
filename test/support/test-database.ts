import { randomBytes } from "node:crypto";

import postgres from "postgres";

/**
 * Creates a database of its own for one test file on the server named by
 * TEST_DATABASE_URL (falling back to DATABASE_URL), or picks an in-memory
 * PGlite when neither is set. Returns the settings to put in the environment
 * and a function that drops the database again.
 */
export async function createTestDatabase(): Promise<{
  env: Record<string, string | undefined>;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl || process.env.TEST_DATABASE === "pglite") {
    return { env: { DATABASE_URL: undefined, PGLITE_DIR: "memory://" }, drop: async () => {} };
  }
  const name = `il_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
