/**
 * The one error type route handlers map to HTTP. `message` is safe to show to
 * the client; anything else stays in the logs.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string) => new ApiError(400, "invalid_request", message);
export const unauthorized = () =>
  new ApiError(401, "unauthorized", "missing or invalid API key: send Authorization: Bearer <key>");
export const notFound = (message: string) => new ApiError(404, "not_found", message);
