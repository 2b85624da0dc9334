import { afterAll } from "vitest";

import { resetEnvForTests } from "@/lib/env";

import { createTestDatabase } from "../support/test-database";

// Each test file runs in its own worker process, so it gets its own database
// before any application module reads the environment.
const database = await createTestDatabase();
for (const [key, value] of Object.entries(database.env)) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}
process.env.LOG_LEVEL ??= "warn";
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
resetEnvForTests();

afterAll(async () => {
  const { closeDatabase } = await import("@/db/client");
  await closeDatabase();
  await database.drop();
});
