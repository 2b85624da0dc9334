import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { createApiKey } from "@/lib/keys/api-keys";

import {
  discoverRoutes,
  findServerActionFiles,
  loadRouteHandlers,
  type HttpMethod,
} from "../support/discover-routes";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

/**
 * The callers: no credentials, a signed-in user of each role (session
 * cookie), or an API key of each kind (Authorization: Bearer).
 */
const PRINCIPALS = ["none", "viewer", "analyst", "finance", "admin", "ingest", "gateway"] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

/** Any status but 401 and 403, and below 500: a 400 or 404 for the dummy body or id counts. */
const OK = "allowed";
type Outcome = typeof OK | 401 | 403;

/** Stands for the calling user's own id in a path parameter. */
const SELF = "<self>";
/** Stands for the id of a user who is not the caller. */
const OTHER_USER = "<other user>";

interface MatrixRow {
  method: HttpMethod;
  pattern: string;
  params?: Record<string, string>;
  expected: Record<PrincipalName, Outcome>;
}

function row(
  method: HttpMethod,
  pattern: string,
  outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome],
  params?: Record<string, string>,
): MatrixRow {
  const expected = Object.fromEntries(PRINCIPALS.map((name, index) => [name, outcomes[index]!]));
  return { method, pattern, params, expected: expected as Record<PrincipalName, Outcome> };
}

// Every route handler and method, against every principal. A route or method
// missing here fails "covers every route handler"; so does a row whose route
// no longer exists.
//                                                   none viewer analyst finance admin ingest gateway
const MATRIX: MatrixRow[] = [
  row("GET", "/api/v1/kpis",                         [401, OK,  OK,  OK,  OK,  403, 403]),
  row("GET", "/api/v1/workflows/[workflow]/kpis",    [401, 403, OK,  OK,  OK,  403, 403]),
  // Ingest ignores session cookies: only an ingest key may send spans.
  row("POST", "/v1/traces",                          [401, 401, 401, 401, 401, OK,  403]),
  // Outcomes come from business systems with an ingest key, never a browser session.
  row("POST", "/api/v1/outcomes",                    [401, 403, 403, 403, 403, OK,  403]),
  row("GET", "/api/v1/keys",                         [401, 403, 403, 403, OK,  403, 403]),
  row("POST", "/api/v1/keys",                        [401, 403, 403, 403, OK,  403, 403]),
  row("DELETE", "/api/v1/keys/[id]",                 [401, 403, 403, 403, OK,  403, 403]),
  row("GET", "/api/v1/users",                        [401, 403, 403, 403, OK,  403, 403]),
  row("POST", "/api/v1/users",                       [401, 403, 403, 403, OK,  403, 403]),
  row("PATCH", "/api/v1/users/[id]",                 [401, 403, 403, 403, OK,  403, 403],
    { id: OTHER_USER }),
  row("DELETE", "/api/v1/users/[id]/sessions",       [401, 403, 403, 403, OK,  403, 403],
    { id: OTHER_USER }),
  // Anyone signed in may end their own sessions.
  row("DELETE", "/api/v1/users/[id]/sessions",       [401, OK,  OK,  OK,  OK,  403, 403],
    { id: SELF }),
  row("GET", "/api/v1/audit",                        [401, 403, 403, 403, OK,  403, 403]),
  row("GET", "/api/v1/budgets",                      [401, 403, OK,  OK,  OK,  403, OK]),
  row("PUT", "/api/v1/budgets/[workflow]",           [401, 403, 403, OK,  OK,  403, 403]),
  row("DELETE", "/api/v1/budgets/[workflow]",        [401, 403, 403, OK,  OK,  403, 403]),
  row("GET", "/api/v1/billing/imports",              [401, 403, OK,  OK,  OK,  403, 403]),
  // Finance uploads billing files in the UI; an ingest key sends them by API.
  row("POST", "/api/v1/billing/imports",             [401, 403, 403, OK,  OK,  OK,  403]),
  // An ingest key reads the imports it sent; any other id is not found for it.
  row("GET", "/api/v1/billing/imports/[id]",         [401, 403, OK,  OK,  OK,  OK,  403]),
  row("GET", "/api/v1/reconciliation",               [401, 403, OK,  OK,  OK,  403, 403]),
  // Gateways pull the policy; finance may read the same document in the browser.
  row("GET", "/api/v1/policy",                       [401, 403, 403, OK,  OK,  403, OK]),
  row("GET", "/api/v1/policy/state",                 [401, 403, OK,  OK,  OK,  403, OK]),
  row("POST", "/api/v1/policy/decide",               [401, 403, OK,  OK,  OK,  403, OK]),
  row("GET", "/api/v1/policy/draft",                 [401, 403, OK,  OK,  OK,  403, 403]),
  row("PUT", "/api/v1/policy/draft/workflows/[workflow]", [401, 403, 403, OK, OK, 403, 403]),
  row("GET", "/api/v1/policy/diff",                  [401, 403, OK,  OK,  OK,  403, 403]),
  row("POST", "/api/v1/policy/publish",              [401, 403, 403, OK,  OK,  403, 403]),
  row("POST", "/api/v1/policy/rollback",             [401, 403, 403, OK,  OK,  403, 403]),
  row("GET", "/api/v1/policy/versions",              [401, 403, OK,  OK,  OK,  403, 403]),
  row("GET", "/api/v1/policy/versions/[version]",    [401, 403, OK,  OK,  OK,  403, 403],
    { version: "1" }),
  row("GET", "/api/v1/gateways",                     [401, 403, OK,  OK,  OK,  403, 403]),
  row("GET", "/api/v1/policy/violations",            [401, 403, OK,  OK,  OK,  403, 403]),
  row("GET", "/api/v1/webhooks",                     [401, 403, 403, OK,  OK,  403, 403]),
  row("POST", "/api/v1/webhooks",                    [401, 403, 403, OK,  OK,  403, 403]),
  row("DELETE", "/api/v1/webhooks/[id]",             [401, 403, 403, OK,  OK,  403, 403]),
  row("GET", "/api/v1/prices",                       [401, 403, OK,  OK,  OK,  403, 403]),
  row("PUT", "/api/v1/prices",                       [401, 403, 403, OK,  OK,  403, 403]),
  row("DELETE", "/api/v1/prices/[id]",               [401, 403, 403, OK,  OK,  403, 403]),
  row("GET", "/api/v1/prices/unpriced",              [401, 403, OK,  OK,  OK,  403, 403]),
  row("POST", "/api/v1/prices/reprice",              [401, 403, 403, OK,  OK,  403, 403]),
];

/**
 * Routes open to everyone by design. next-auth's handler serves the sign-in
 * endpoints and guards its own POSTs with a CSRF token. It reads Next.js's
 * request scope, so the browser tests exercise it against `next start`.
 */
const PUBLIC_ROUTES: Array<{ method: HttpMethod; pattern: string }> = [
  { method: "GET", pattern: "/api/auth/[...nextauth]" },
  { method: "POST", pattern: "/api/auth/[...nextauth]" },
  // The OpenAPI description contains no data.
  { method: "GET", pattern: "/api/v1/openapi.json" },
];

/**
 * Files with a "use server" directive and the access rule each action checks.
 * The app uses route handlers only, so this is empty; adding a server action
 * fails "covers every server action" until it is listed here with a test.
 */
const SERVER_ACTIONS: Array<{ file: string; rule: string }> = [];

/** Default values for path parameters that no row sets. */
const PARAM_DEFAULTS: Record<string, string> = { workflow: "matrix-workflow", id: randomUUID() };

const SAFE_METHODS = new Set<HttpMethod>(["GET", "HEAD", "OPTIONS"]);

let server: { url: string; close: () => Promise<void> };
let otherUserId: string;

beforeAll(async () => {
  server = await serveRoutes();
  const other = await insertUser(await getDatabase(), {
    email: `matrix-other-${randomUUID()}@test.example`,
    name: "Matrix target",
    role: "viewer",
    passwordHash: null,
  });
  otherUserId = other.id;
});

afterAll(async () => {
  await server.close();
});

/** Headers carrying a fresh credential, and the caller's user id when it is a person. */
async function credentialsFor(principal: PrincipalName): Promise<{ headers: Record<string, string>; userId?: string }> {
  if (principal === "none") return { headers: {} };
  if (principal === "ingest" || principal === "gateway") {
    const { secret } = await createApiKey(await getDatabase(), { name: `matrix ${principal}`, kind: principal });
    return { headers: { authorization: `Bearer ${secret}` } };
  }
  // A fresh user per cell, because ending one's own sessions invalidates the cookie.
  const session = await sessionCookieFor(principal);
  return { headers: { cookie: session.cookie }, userId: session.userId };
}

function buildPath(matrixRow: MatrixRow, userId: string | undefined): string {
  return matrixRow.pattern.replace(/\[(\w+)\]/g, (_segment, name: string) => {
    let value = matrixRow.params?.[name] ?? PARAM_DEFAULTS[name];
    if (value === SELF) value = userId ?? otherUserId;
    if (value === OTHER_USER) value = otherUserId;
    if (value === undefined) throw new Error(`no value for [${name}] in ${matrixRow.pattern}`);
    return encodeURIComponent(value);
  });
}

async function send(
  matrixRow: MatrixRow,
  credentials: { headers: Record<string, string>; userId?: string },
  origin: "same" | "missing" | "foreign",
): Promise<Response> {
  const headers: Record<string, string> = { ...credentials.headers };
  const hasBody = !SAFE_METHODS.has(matrixRow.method);
  if (hasBody) headers["content-type"] = "application/json";
  if (hasBody && origin === "same") headers.origin = server.url;
  if (hasBody && origin === "foreign") headers.origin = "http://evil.example";
  return fetch(`${server.url}${buildPath(matrixRow, credentials.userId)}`, {
    method: matrixRow.method,
    headers,
    body: hasBody ? "{}" : undefined,
    redirect: "manual",
  });
}

function expectOutcome(status: number, expected: Outcome, body: string): void {
  if (expected === OK) {
    expect([401, 403], `status ${status}: ${body}`).not.toContain(status);
    expect(status, `status ${status}: ${body}`).toBeLessThan(500);
  } else {
    expect(status, body).toBe(expected);
  }
}

/** Names a row by its pattern with the row's own parameters filled in, such as `/users/<self>`. */
function describeRow(matrixRow: MatrixRow): string {
  const path = matrixRow.pattern.replace(/\[(\w+)\]/g, (segment, name: string) => matrixRow.params?.[name] ?? segment);
  return `${matrixRow.method} ${path}`;
}

const CELLS = MATRIX.flatMap((matrixRow) =>
  PRINCIPALS.map((principal) => ({ name: `${describeRow(matrixRow)} as ${principal}`, matrixRow, principal })),
);

describe("access matrix", () => {
  it("covers every route handler", async () => {
    const known = new Set([...MATRIX, ...PUBLIC_ROUTES].map((entry) => `${entry.method} ${entry.pattern}`));
    const missing: string[] = [];
    for (const route of discoverRoutes()) {
      for (const method of Object.keys(await loadRouteHandlers(route))) {
        if (!known.has(`${method} ${route.pattern}`)) missing.push(`${method} ${route.pattern} (${route.file})`);
      }
    }
    expect(missing, "route handlers without a row in MATRIX or PUBLIC_ROUTES").toEqual([]);
  });

  it("has no row without a route", async () => {
    const served = new Set<string>();
    for (const route of discoverRoutes()) {
      for (const method of Object.keys(await loadRouteHandlers(route))) served.add(`${method} ${route.pattern}`);
    }
    const stale = [...MATRIX, ...PUBLIC_ROUTES]
      .map((entry) => `${entry.method} ${entry.pattern}`)
      .filter((entry) => !served.has(entry));
    expect(stale, "rows naming a route or method that no route.ts exports").toEqual([]);
  });

  it("covers every server action", () => {
    const listed = new Set(SERVER_ACTIONS.map((action) => action.file));
    const files = findServerActionFiles(["app", "components", "lib"]);
    expect(
      files.filter((file) => !listed.has(file)),
      'files with a "use server" directive but no SERVER_ACTIONS entry',
    ).toEqual([]);
    expect(
      [...listed].filter((file) => !files.includes(file)),
      'SERVER_ACTIONS entries whose file has no "use server" directive',
    ).toEqual([]);
  });

  it.each(CELLS)("$name", async ({ matrixRow, principal }) => {
    const credentials = await credentialsFor(principal);
    const expected = matrixRow.expected[principal];

    // A session-authenticated state change needs a same-origin Origin header.
    // The forged requests go first: rejected, they must leave the session valid.
    const isSession = "cookie" in credentials.headers;
    if (isSession && !SAFE_METHODS.has(matrixRow.method)) {
      const csrfExpected = expected === OK ? 403 : expected;
      for (const origin of ["missing", "foreign"] as const) {
        const forged = await send(matrixRow, credentials, origin);
        expect(forged.status, `${origin} Origin: ${await forged.text()}`).toBe(csrfExpected);
      }
    }

    const response = await send(matrixRow, credentials, "same");
    expectOutcome(response.status, expected, await response.text());
  });
});
