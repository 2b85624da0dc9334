/**
 * Creates an API key, records it in the audit log as done by the OS user on
 * the command line, and prints its secret once.
 *
 *   npm run key:create -- --name "prod collector" [--kind ingest|gateway]
 *                         [--workflow support-triage --workflow refunds]
 *
 * --workflow limits a gateway key to the named workflows; repeat it for more.
 * Without it a gateway key reads every workflow. Ingest keys take no workflows.
 *
 * Uses DATABASE_URL when set, else the PGlite folder in PGLITE_DIR. With
 * PGlite, stop the server first: two processes on one folder lose writes.
 */
import { parseArgs } from "node:util";

import { openDatabase } from "@/db/client";
import { currentCliActor } from "@/lib/audit/audit-actor";
import { getEnv } from "@/lib/env";
import { newKeySchema } from "@/lib/keys/key-input";
import { createKey } from "@/lib/keys/manage-keys";
import { parseInput } from "@/lib/validation/parse-input";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      kind: { type: "string", default: "ingest" },
      workflow: { type: "string", multiple: true },
    },
  });
  if (!values.name) {
    throw new Error('missing --name: give the key a name, such as --name "prod collector"');
  }

  // Checked before the database opens, so a typo fails fast; createKey checks again.
  const input = parseInput(newKeySchema, {
    name: values.name,
    kind: values.kind,
    workflows: values.workflow,
  });

  const env = getEnv();
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const { secret, record } = await createKey(currentCliActor(), input, db);
    const scope = record.workflows ? `workflows ${record.workflows.join(", ")}` : "every workflow";
    process.stderr.write(`created ${record.kind} key "${record.name}" (id ${record.id}, ${scope})\n`);
    process.stderr.write("the key is shown once; store it now:\n");
    process.stdout.write(`${secret}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  // Validation errors name the API field: workflows is the repeated --workflow option.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
