import pino from "pino";

import { getEnv } from "./env";

/**
 * The process-wide structured logger. Authorization headers and key material
 * are redacted by path, so a logged request or error never carries a secret.
 */
export const log = pino({
  level: getEnv().LOG_LEVEL,
  base: { service: "inference-ledger" },
  redact: {
    paths: [
      "authorization",
      "headers.authorization",
      "*.headers.authorization",
      "apiKey",
      "*.apiKey",
      "key",
      "*.key",
      "password",
      "*.password",
    ],
    censor: "[redacted]",
  },
});

/** Returns a child logger that prefixes every line with an area, such as `ingest`. */
export function logFor(area: string): pino.Logger {
  return log.child({ area });
}

/** Validates the environment at start-up and logs the settings that are not secret. */
export function logStartup(): void {
  const env = getEnv();
  log.info(
    {
      database: env.DATABASE_URL ? "postgresql" : "pglite",
      pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
      timeZone: env.ORG_TIME_ZONE,
      maxRequestBytes: env.OTLP_MAX_REQUEST_BYTES,
      maxDecodedBytes: env.OTLP_MAX_DECODED_BYTES,
    },
    "starting",
  );
}
