import { describe, expect, it } from "vitest";

import { newKeySchema } from "@/lib/keys/key-input";

describe("newKeySchema", () => {
  it("accepts gateway key with workflows", () => {
    const result = newKeySchema.safeParse({ name: "edge", kind: "gateway", workflows: ["a", "b"] });
    expect(result.success).toBe(true);
  });

  it("rejects ingest key with workflows", () => {
    const result = newKeySchema.safeParse({ name: "collector", kind: "ingest", workflows: ["a"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["workflows"]);
    expect(result.error?.issues[0]?.message).toContain("only gateway keys");
  });

  it("rejects empty workflow list", () => {
    const result = newKeySchema.safeParse({ name: "edge", kind: "gateway", workflows: [] });
    expect(result.error?.issues[0]?.path).toEqual(["workflows"]);
  });

  it("rejects unknown kind and blank name", () => {
    expect(newKeySchema.safeParse({ name: "x", kind: "admin" }).error?.issues[0]?.path).toEqual(["kind"]);
    expect(newKeySchema.safeParse({ name: "  ", kind: "ingest" }).error?.issues[0]?.path).toEqual(["name"]);
  });
});
