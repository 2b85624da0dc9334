/**
 * Browser calls to the KPI API. Every response is parsed with its schema. An
 * error status or a malformed body becomes an ApiRequestError, so the query cache
 * can tell expected error responses (bad range, unknown workflow) from failures.
 */

import type { z } from "zod";

import { formatRangeQuery, type DayRange } from "./date-range-params";
import { apiErrorBodySchema, kpiReportSchema, workflowReportSchema } from "./kpi-schemas";

/** HTTP statuses the pages show as messages, not as failures to log. */
const EXPECTED_STATUSES = new Set([400, 404]);

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The query parameter a 400 response names as invalid. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Returns whether an error is an expected response: an invalid request or an unknown resource. */
export function isExpectedApiError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && EXPECTED_STATUSES.has(error.status);
}

/** Builds the error of a non-2xx response from its JSON body, or from its status alone. */
export function toApiRequestError(url: string, status: number, body: unknown): ApiRequestError {
  const parsed = apiErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    return new ApiRequestError(status, code, message, field);
  }
  return new ApiRequestError(status, `http_${status}`, `GET ${url} failed with HTTP ${status}`);
}

/**
 * Fetches JSON from `url` and parses it with `schema`. Throws ApiRequestError on
 * a non-2xx status or a body that does not match the schema.
 */
export async function fetchApiJson<T>(
  url: string,
  schema: z.ZodType<T>,
  init: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<T> {
  const fetchImpl = init.fetchImpl ?? fetch;
  const response = await fetchImpl(url, {
    headers: { accept: "application/json" },
    signal: init.signal,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiRequestError(url, response.status, body);

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown";
    throw new ApiRequestError(
      response.status,
      "invalid_response",
      `GET ${url} returned an unexpected body (${where})`,
    );
  }
  return parsed.data;
}

export function buildKpiReportUrl(range: DayRange): string {
  return `/api/v1/kpis?${formatRangeQuery(range)}`;
}

export function buildWorkflowReportUrl(workflow: string, range: DayRange): string {
  return `/api/v1/workflows/${encodeURIComponent(workflow)}/kpis?${formatRangeQuery(range)}`;
}

export function fetchKpiReport(range: DayRange, signal?: AbortSignal) {
  return fetchApiJson(buildKpiReportUrl(range), kpiReportSchema, { signal });
}

export function fetchWorkflowReport(workflow: string, range: DayRange, signal?: AbortSignal) {
  return fetchApiJson(buildWorkflowReportUrl(workflow, range), workflowReportSchema, { signal });
}
