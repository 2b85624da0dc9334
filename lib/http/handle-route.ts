import { authorize, type Access } from "@/lib/auth/authorize";
import type { Principal } from "@/lib/auth/principal";

import { ApiError } from "./api-error";
import { isDatabaseUnavailable } from "./database-errors";
import { logFor } from "@/lib/log";
import { DateRangeError } from "@/lib/kpi/date-range";

const logger = logFor("api");

const NO_STORE = { "cache-control": "no-store" };

/** A JSON response with a status other than 200, such as 201 for a created resource. */
export function jsonResponse(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/**
 * Authorizes a request, runs a JSON route handler and maps its errors to
 * responses in one place: ApiError to its status, bad input to 400 naming the
 * field, an unreachable database to 503, anything else to a 500 without
 * internals.
 */
export async function handleJsonRoute(
  request: Request,
  access: Access,
  /** Returns the body of a 200 response, or a whole Response (see jsonResponse). */
  run: (principal: Principal) => Promise<unknown>,
): Promise<Response> {
  try {
    const principal = await authorize(request, access);
    const body = await run(principal);
    if (body instanceof Response) return body;
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.status >= 500) logger.error({ err: error }, "request failed");
      return Response.json(
        { error: { code: error.code, message: error.message } },
        { status: error.status, headers: error.headers },
      );
    }
    if (error instanceof DateRangeError) {
      return Response.json(
        { error: { code: "invalid_request", field: error.field, message: error.message } },
        { status: 400 },
      );
    }
    if (isDatabaseUnavailable(error)) {
      logger.error({ err: error }, "database unavailable");
      return Response.json(
        { error: { code: "database_unavailable", message: "the database is unavailable; retry later" } },
        { status: 503, headers: { "retry-after": "5" } },
      );
    }
    logger.error({ err: error }, "request failed");
    return Response.json(
      { error: { code: "internal_error", message: "the request failed; see the server log" } },
      { status: 500 },
    );
  }
}
