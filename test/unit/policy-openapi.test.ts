import { describe, expect, it } from "vitest";
import { z } from "zod";

import { buildOpenApiDocument } from "@/lib/policy/openapi-document";
import {
  decideRequestSchema,
  decideResponseSchema,
  errorResponseSchema,
  policyStateResponseSchema,
  publishedPolicyResponseSchema,
} from "@/lib/policy/policy-api-schemas";

// Round-trips through JSON, as a client reads it.
const document = JSON.parse(JSON.stringify(buildOpenApiDocument()));

function schemaAt(path: string, method: string, status: string): unknown {
  return document.paths[path][method].responses[status].content["application/json"].schema;
}

describe("buildOpenApiDocument", () => {
  it("declares OpenAPI 3.1", () => {
    expect(document.openapi).toBe("3.1.0");
  });

  it("lists the gateway paths", () => {
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/policy",
      "/api/v1/policy/decide",
      "/api/v1/policy/state",
    ]);
  });

  it("uses bearer authentication", () => {
    expect(document.components.securitySchemes.gatewayKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.security).toEqual([{ gatewayKey: [] }]);
  });

  it("describes ETag, If-None-Match and 304", () => {
    const operation = document.paths["/api/v1/policy"].get;
    const header = operation.parameters.find((parameter: { name: string }) => parameter.name === "If-None-Match");
    expect(header.in).toBe("header");
    expect(operation.responses["200"].headers.ETag).toBeDefined();
    expect(operation.responses["304"].headers.ETag).toBeDefined();
    expect(operation.responses["304"].content).toBeUndefined();
  });

  it("generates schemas from the route schemas", () => {
    const output = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" });
    expect(schemaAt("/api/v1/policy", "get", "200")).toEqual(output(publishedPolicyResponseSchema));
    expect(schemaAt("/api/v1/policy/state", "get", "200")).toEqual(output(policyStateResponseSchema));
    expect(schemaAt("/api/v1/policy/decide", "post", "200")).toEqual(output(decideResponseSchema));
    expect(schemaAt("/api/v1/policy/decide", "post", "400")).toEqual(output(errorResponseSchema));
    const requestSchema = document.paths["/api/v1/policy/decide"].post.requestBody.content["application/json"].schema;
    expect(requestSchema).toEqual(z.toJSONSchema(decideRequestSchema, { target: "draft-2020-12", io: "input" }));
  });

  it("rejects unknown decide fields", () => {
    const requestSchema = document.paths["/api/v1/policy/decide"].post.requestBody.content["application/json"].schema;
    expect(requestSchema.additionalProperties).toBe(false);
    expect(requestSchema.required).toEqual(["workflow", "model", "inputTokens"]);
  });
});
