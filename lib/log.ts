import pino from "pino";

import { getEnv } from "./env";

/**
 * Paths whose values are replaced before a line is written: credentials in
 * headers (Authorization, Cookie, Set-Cookie), API keys, passwords, session
 * tokens and secrets. They apply at the top level and one object deep, since
 * `*.` matches one level only, so a logged request or error carries no secret
 * in these fields.
 */
export const REDACTED_LOG_PATHS = [
  "authorization",
  "headers.authorization",
  "*.headers.authorization",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "*.headers.cookie",
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  "apiKey",
  "*.apiKey",
  "key",
  "*.key",
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
];

/** Creates a logger with the project's settings; tests pass a destination to capture lines. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: getEnv().LOG_LEVEL,
    base: { service: "inference-ledger" },
    redact: { paths: REDACTED_LOG_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The process-wide structured logger. */
export const log = createLogger();

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
