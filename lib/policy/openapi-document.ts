import { z } from "zod";

import {
  decideRequestSchema,
  decideResponseSchema,
  errorResponseSchema,
  policyStateResponseSchema,
  publishedPolicyResponseSchema,
  POLICY_CACHE_CONTROL,
} from "./policy-api-schemas";

/**
 * Converts a zod schema to JSON Schema 2020-12, the dialect of OpenAPI 3.1.
 * Request bodies use the input side of a schema, responses the output side.
 */
export function toOpenApiSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io }) as Record<string, unknown>;
}

const jsonContent = (schema: z.ZodType, io: "input" | "output" = "output") => ({
  "application/json": { schema: toOpenApiSchema(schema, io) },
});

const errorResponse = (description: string) => ({ description, content: jsonContent(errorResponseSchema) });

const COMMON_ERRORS = {
  "401": errorResponse("Missing or invalid API key or session."),
  "403": errorResponse("The credential may not call this endpoint or read this workflow."),
};

/** Builds the OpenAPI 3.1 description of the gateway endpoints. */
export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Inference Ledger gateway API",
      version: "1",
      description:
        "Endpoints LLM gateways call with a gateway API key: the published policy, " +
        "live budget state and routing decisions.",
    },
    servers: [{ url: "/" }],
    security: [{ gatewayKey: [] }],
    components: {
      securitySchemes: {
        gatewayKey: {
          type: "http",
          scheme: "bearer",
          description: "A gateway API key, sent as Authorization: Bearer <key>.",
        },
      },
    },
    paths: {
      "/api/v1/policy": {
        get: {
          operationId: "getPolicy",
          summary: "Published policy",
          description:
            "The published policy, limited to the key's workflows. `format=litellm` or " +
            "`format=portkey` returns that gateway's configuration instead, with its own ETag.",
          parameters: [
            {
              name: "format",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["policy", "litellm", "portkey"], default: "policy" },
            },
            {
              name: "If-None-Match",
              in: "header",
              required: false,
              description: "ETag of the cached copy, `*`, or a comma-separated list of ETags.",
              schema: { type: "string" },
            },
          ],
          responses: {
            "200": {
              description: "The policy in the requested format.",
              headers: {
                ETag: { description: "Strong entity tag of this body.", schema: { type: "string" } },
                "Cache-Control": { schema: { type: "string", const: POLICY_CACHE_CONTROL } },
              },
              content: jsonContent(publishedPolicyResponseSchema),
            },
            "304": {
              description: "The gateway's copy is current; no body.",
              headers: { ETag: { schema: { type: "string" } } },
            },
            "400": errorResponse("Unknown format."),
            ...COMMON_ERRORS,
            "404": errorResponse("No policy has been published yet."),
          },
        },
      },
      "/api/v1/policy/state": {
        get: {
          operationId: "getPolicyState",
          summary: "Budget state per workflow",
          description:
            "Spend against each budget in the current period and the action in force, " +
            "at most 30 seconds old unless the server sets POLICY_STATE_MAX_AGE_SECONDS.",
          responses: {
            "200": {
              description: "Budget state of the key's workflows.",
              content: jsonContent(policyStateResponseSchema),
            },
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/policy/decide": {
        post: {
          operationId: "decideRequest",
          summary: "Route or block one request",
          requestBody: { required: true, content: jsonContent(decideRequestSchema, "input") },
          responses: {
            "200": {
              description: "The action, the model to call and the rules that decided.",
              content: jsonContent(decideResponseSchema),
            },
            "400": errorResponse("Invalid request body."),
            ...COMMON_ERRORS,
          },
        },
      },
    },
  };
}
