/**
 * Creates an API key and prints its secret once.
 *
 *   npm run key:create -- --name "prod collector" [--kind ingest|gateway]
 *
 * Uses DATABASE_URL when set, else the PGlite folder in PGLITE_DIR. With
 * PGlite, stop the server first: two processes on one folder lose writes.
 */
import { parseArgs } from "node:util";

import { openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createApiKey } from "@/lib/keys/api-keys";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      kind: { type: "string", default: "ingest" },
    },
  });
  if (!values.name) {
    throw new Error('missing --name: give the key a name, such as --name "prod collector"');
  }
  if (values.kind !== "ingest" && values.kind !== "gateway") {
    throw new Error(`invalid --kind "${values.kind}": use ingest or gateway`);
  }

  const env = getEnv();
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const { secret, record } = await createApiKey(db, { name: values.name, kind: values.kind });
    process.stderr.write(`created ${record.kind} key "${record.name}" (id ${record.id})\n`);
    process.stderr.write("the key is shown once; store it now:\n");
    process.stdout.write(`${secret}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
