import { Writable } from "node:stream";

import type pino from "pino";
import { describe, expect, it } from "vitest";

import { createLogger } from "@/lib/log";

const SECRET = "s3cr3t-value-that-must-not-appear";

/** Creates a project logger at info level whose lines are collected in `lines`. */
function captureLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger(destination as unknown as pino.DestinationStream);
  logger.level = "info";
  return { logger, lines };
}

/** Logs one line and returns it; pino writes to a plain stream synchronously. */
function captureLine(fields: Record<string, unknown>): string {
  const { logger, lines } = captureLogger();
  logger.info(fields, "test line");
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

const CASES: Array<[string, Record<string, unknown>]> = [
  ["authorization", { authorization: `Bearer ${SECRET}` }],
  ["headers.authorization", { headers: { authorization: `Bearer ${SECRET}` } }],
  ["request headers.authorization", { request: { headers: { authorization: SECRET } } }],
  ["cookie", { cookie: `next-auth.session-token=${SECRET}` }],
  ["headers.cookie", { headers: { cookie: `next-auth.session-token=${SECRET}` } }],
  ["request.cookie", { request: { cookie: SECRET } }],
  ["request headers.cookie", { request: { headers: { cookie: SECRET } } }],
  ["headers set-cookie", { headers: { "set-cookie": `next-auth.session-token=${SECRET}` } }],
  ["apiKey", { apiKey: SECRET }],
  ["key", { key: SECRET }],
  ["nested key", { created: { key: SECRET } }],
  ["password", { password: SECRET }],
  ["nested password", { user: { password: SECRET } }],
  ["token", { token: SECRET }],
  ["nested token", { metadata: { token: SECRET } }],
  ["secret", { secret: SECRET }],
  ["nested secret", { created: { secret: SECRET } }],
];

describe("log redaction", () => {
  it.each(CASES)("redacts %s", (_name, fields) => {
    const line = captureLine(fields);
    expect(line).not.toContain(SECRET);
    expect(line).toContain("[redacted]");
  });

  it("keeps fields that are not secret", () => {
    const line = captureLine({ keyId: "key-123", email: "a@example.com", status: 401 });
    expect(JSON.parse(line)).toMatchObject({ keyId: "key-123", email: "a@example.com", status: 401 });
  });

  it("redacts in child loggers", () => {
    const { logger, lines } = captureLogger();
    const child = logger.child({ area: "auth" });
    child.warn({ headers: { cookie: SECRET }, password: SECRET }, "child line");
    expect(lines.join("")).not.toContain(SECRET);
  });
});
