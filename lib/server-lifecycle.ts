import { closeDatabase, getDatabase } from "@/db/client";

import { requireAuthSecret } from "./env";
import { log, logStartup } from "./log";
import { startWebhookDispatcher } from "./policy/webhook-dispatcher";

/**
 * Validates the environment, opens the database and applies migrations when
 * the server starts, and closes the database on SIGTERM or SIGINT. A missing
 * NEXTAUTH_SECRET stops start-up, because no session could be issued or read.
 * A database that is down at start is logged, and opening is retried on the
 * first request. Starts the webhook dispatcher, which sends queued budget
 * alerts and stops with the process.
 */
export async function startServer(): Promise<void> {
  logStartup();
  requireAuthSecret();
  try {
    await getDatabase();
  } catch (error) {
    log.error({ err: error }, "database not ready at start-up; requests will retry");
  }
  const dispatcher = startWebhookDispatcher();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "stopping");
      dispatcher
        .stop()
        .then(() => closeDatabase())
        .catch((error: unknown) => log.error({ err: error }, "closing the database failed"))
        .finally(() => process.exit(0));
    });
  }
}
