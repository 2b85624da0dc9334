import { describe, expect, it } from "vitest";

import { groupProvider, matchBilledModel, toModelKey } from "@/lib/billing/match-models";

describe("toModelKey", () => {
  it.each([
    ["gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["gpt-4o-mini", "gpt-4o-mini"],
    ["anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet"],
    ["us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4"],
    ["claude-haiku-4-5-20251001", "claude-haiku-4-5"],
    ["gpt-4o-mini-0718", "gpt-4o-mini"],
    ["models/gemini-2.5-flash", "gemini-2.5-flash"],
    ["claude3.5sonnet", "claude3.5sonnet"],
  ])("reduces %s to %s", (model, key) => {
    expect(toModelKey(model)).toBe(key);
  });

  it("gives null for no model", () => {
    expect(toModelKey(null)).toBeNull();
    expect(toModelKey("  ")).toBeNull();
  });
});

describe("matchBilledModel", () => {
  it("prefers the same key", () => {
    expect(matchBilledModel("gpt-4o-mini", new Set(["gpt-4o-mini", "gpt-4o"]))).toBe("gpt-4o-mini");
  });

  it("matches Bedrock labels without punctuation", () => {
    const billed = new Set(["claude3.5sonnet", "novapro"]);
    expect(matchBilledModel("claude-3-5-sonnet", billed)).toBe("claude3.5sonnet");
    expect(matchBilledModel("nova-pro", billed)).toBe("novapro");
  });

  it("matches words in another order", () => {
    expect(matchBilledModel("claude-sonnet-4", new Set(["claude4sonnet", "claude3.5sonnet"]))).toBe(
      "claude4sonnet",
    );
  });

  it("matches Azure's gpt-35 to gpt-3.5", () => {
    expect(matchBilledModel("gpt-3.5-turbo", new Set(["gpt-35-turbo"]))).toBe("gpt-35-turbo");
  });

  it("gives up on an ambiguous or absent match", () => {
    expect(matchBilledModel("gpt-4o", new Set(["gpt-4o-mini"]))).toBeNull();
    expect(matchBilledModel("claude-sonnet-4", new Set(["claude4sonnet", "claude-4-sonnet"]))).toBeNull();
  });
});

describe("groupProvider", () => {
  it.each([
    ["openai", "openai"],
    ["azure.ai.openai", "azure.ai"],
    ["azure.ai.inference", "azure.ai"],
    ["gcp.gemini", "gcp.gen_ai"],
    ["gcp.vertex_ai", "gcp.gen_ai"],
    ["aws.bedrock", "aws.bedrock"],
    [null, "unknown"],
  ])("groups %s as %s", (provider, group) => {
    expect(groupProvider(provider)).toBe(group);
  });
});
