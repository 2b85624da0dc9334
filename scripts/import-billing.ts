/**
 * Imports a billing file from disk (FOCUS, AWS CUR, OpenAI or Anthropic
 * reports; plain or gzip) as the OS user on the command line, printing
 * progress to stderr and the summary to stdout.
 *
 *   npm run billing:import -- FILE [--format focus|aws_cur2|openai_costs|...]
 *                             [--currency USD]
 *
 * --currency sets the currency of FOCUS files without a BillingCurrency
 * column. Exits 1 when the import fails; rejected rows alone do not fail it.
 *
 * Uses DATABASE_URL when set, else the PGlite folder in PGLITE_DIR. With
 * PGlite, stop the server first: two processes on one folder lose writes.
 */
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { openDatabase } from "@/db/client";
import { listImportRejects } from "@/db/queries/billing-imports";
import { currentCliActor, describeAuditActor } from "@/lib/audit/audit-actor";
import { BILLING_FORMATS } from "@/lib/billing/billing-import-service";
import { importBillingFile, type ImportProgress } from "@/lib/billing/import-billing-file";
import type { BillingSourceFormat } from "@/lib/billing/types";
import { getEnv } from "@/lib/env";

/** Rejected rows printed after the summary; the rest are in the import's history. */
const REJECTS_PRINTED = 20;

function formatProgress(progress: ImportProgress, size: number): string {
  const share = size > 0 ? ` (${((100 * progress.bytesRead) / size).toFixed(1)} %)` : "";
  return `read ${progress.bytesRead} of ${size} bytes${share}, ${progress.rowsRead} rows, ${progress.rowsRejected} rejected`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: "string" }, currency: { type: "string" } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new Error("usage: npm run billing:import -- FILE [--format FORMAT] [--currency CODE]");
  }
  const format = values.format as BillingSourceFormat | undefined;
  if (format !== undefined && !BILLING_FORMATS.includes(format)) {
    throw new Error(`invalid --format "${format}": expected one of ${BILLING_FORMATS.join(", ")}`);
  }
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw new Error(`invalid --currency "${values.currency}": expected an ISO 4217 code such as USD`);
  }
  const size = statSync(file).size;

  const env = getEnv();
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const actor = describeAuditActor(currentCliActor());
    // Raw bytes, so progress and the SHA-256 refer to the file as stored; gzip is inflated later.
    const result = await importBillingFile(db, createReadStream(file), {
      fileName: path.basename(file),
      format,
      sizeBytes: size,
      actor: { type: actor.actorType, id: actor.actorId, label: actor.actorLabel },
      readOptions: { defaultCurrency: currency },
      onProgress: (progress) => process.stderr.write(`${formatProgress(progress, size)}\n`),
    });
    process.stdout.write(
      [
        `import ${result.id}: ${result.status}${result.format ? ` (${result.format})` : ""}`,
        `rows read ${result.rowsRead}, imported ${result.rowsImported}, restated ${result.rowsRestated}, ` +
          `duplicate ${result.rowsDuplicate}, rejected ${result.rowsRejected}`,
        ...(result.error ? [`error: ${result.error}`] : []),
      ].join("\n") + "\n",
    );
    for (const reject of await listImportRejects(db, result.id, REJECTS_PRINTED)) {
      process.stdout.write(`  line ${reject.line}${reject.column ? `, ${reject.column}` : ""}: ${reject.reason}\n`);
    }
    if (result.status === "failed") process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
