import { describe, expect, it } from "vitest";

import { recognizeOpenAiLineItem } from "@/lib/billing/openai";
import {
  recognizeAzureMeter,
  recognizeBedrockUsageType,
  recognizeVertexSku,
  type AiRecognition,
} from "@/lib/billing/recognize-cloud-ai";

import { readAll, toCsv } from "./billing-fixtures";

type Expected = Partial<AiRecognition> | null;

describe("recognizeBedrockUsageType", () => {
  const cases: Array<[string, Expected]> = [
    ["USE1-Claude3.5Sonnet-input-tokens", { model: "claude3.5sonnet", tokenDirection: "input" }],
    ["USW2-NovaPro-output-tokens", { model: "novapro", tokenDirection: "output" }],
    ["USE1-Llama3-70B-output-tokens", { model: "llama3-70b", tokenDirection: "output" }],
    [
      "USE1-Nova2.0Lite-cache-read-input-token-count",
      { model: "nova2.0lite", tokenDirection: "cache_read" },
    ],
    [
      "USW2-Claude4.5Sonnet-cache-write-input-token-count",
      { model: "claude4.5sonnet", tokenDirection: "cache_write" },
    ],
    [
      "USE1-Claude4Sonnet-input-tokens-cross-region-global",
      { model: "claude4sonnet", tokenDirection: "input", inferenceRoute: "cross-region-global" },
    ],
    [
      "USE1-Claude3.5Sonnet-cross-region-output-tokens",
      { model: "claude3.5sonnet", tokenDirection: "output", inferenceRoute: "cross-region" },
    ],
    [
      "USE1-Claude3Haiku-batch-input-tokens",
      { model: "claude3haiku", tokenDirection: "batch_input", serviceTier: "batch" },
    ],
    ["EUC1-MistralLarge-output-tokens-flex", { model: "mistrallarge", serviceTier: "flex" }],
    ["USE1-TimedStorage-ByteHrs", null],
    ["Claude3.5Sonnet-input-tokens", null],
    ["USE1-input-tokens", null],
  ];
  it.each(cases)("reads %s", (usageType, expected) => {
    const recognition = recognizeBedrockUsageType(usageType);
    if (expected === null) {
      expect(recognition).toBeNull();
      return;
    }
    expect(recognition).toMatchObject({ modelProvider: "aws.bedrock", ...expected });
  });
});

describe("recognizeAzureMeter", () => {
  const cases: Array<[string, Expected]> = [
    [
      "gpt-4o-mini-0718 Inp glbl Tokens",
      {
        model: "gpt-4o-mini-0718",
        tokenDirection: "input",
        inferenceRoute: "global",
        modelProvider: "azure.ai.openai",
      },
    ],
    ["gpt-4o-mini-0718 Outp glbl Tokens", { model: "gpt-4o-mini-0718", tokenDirection: "output" }],
    ["gpt 4o 1120 cached Inp glbl Tokens", { model: "gpt-4o-1120", tokenDirection: "cache_read" }],
    ["GPT 5 outpt Glbl 1M Tokens", { model: "gpt-5", tokenDirection: "output", inferenceRoute: "global" }],
    ["o3 0416 Inp regnl Tokens", { model: "o3-0416", inferenceRoute: "regional" }],
    [
      "Grok 4.1 Inp DZone Tokens",
      { model: "grok-4.1", inferenceRoute: "data-zone", modelProvider: "azure.ai.inference" },
    ],
    ["Phi-4-Input Tokens", { model: "phi-4", tokenDirection: "input" }],
    [
      "gpt-4o-mini-0718 Batch Inp glbl Tokens",
      { model: "gpt-4o-mini-0718", tokenDirection: "batch_input", serviceTier: "batch" },
    ],
    ["Standard Storage LRS Write Operations", null],
    ["vCore", null],
  ];
  it.each(cases)("reads %s", (meter, expected) => {
    const recognition = recognizeAzureMeter(meter);
    if (expected === null) {
      expect(recognition).toBeNull();
      return;
    }
    expect(recognition).toMatchObject(expected);
  });
});

describe("recognizeVertexSku", () => {
  const cases: Array<[string, Expected]> = [
    ["Gemini 2.5 Flash Input Tokens", { model: "gemini-2.5-flash", tokenDirection: "input" }],
    ["Gemini 2.5 Flash Output Tokens", { model: "gemini-2.5-flash", tokenDirection: "output" }],
    [
      "Gemini 2.5 Pro Thinking Text Output - Predictions",
      { model: "gemini-2.5-pro", tokenDirection: "output" },
    ],
    ["Gemini 2.0 Flash GA Text Input - Predictions", { model: "gemini-2.0-flash", tokenDirection: "input" }],
    ["Gemini 2.5 Flash Cached Input Tokens", { model: "gemini-2.5-flash", tokenDirection: "cache_read" }],
    ["Gemini 2.5 Flash-Lite Batch Input Tokens", { model: "gemini-2.5-flash-lite", tokenDirection: "batch_input" }],
    ["Gemini 2.5 Pro Context Caching Storage", { model: "gemini-2.5-pro", tokenDirection: "other" }],
    ["Claude 3.5 Sonnet v2 Output Tokens", { model: "claude-3.5-sonnet-v2", tokenDirection: "output" }],
    ["Vertex AI Pipelines run", null],
  ];
  it.each(cases)("reads %s", (description, expected) => {
    const recognition = recognizeVertexSku(description);
    if (expected === null) {
      expect(recognition).toBeNull();
      return;
    }
    expect(recognition).toMatchObject({ modelProvider: "gcp.vertex_ai", ...expected });
  });
});

describe("recognizeOpenAiLineItem", () => {
  const cases: Array<[string, Record<string, unknown> | null]> = [
    ["gpt-4o-mini-2024-07-18, input", { model: "gpt-4o-mini-2024-07-18", tokenDirection: "input" }],
    ["gpt-4o-mini-2024-07-18, output", { tokenDirection: "output" }],
    ["gpt-4o-2024-08-06, cached input", { tokenDirection: "cache_read" }],
    ["gpt-4o-2024-08-06, Input", { tokenDirection: "input" }],
    ["gpt-4o, input, batch", { tokenDirection: "batch_input", serviceTier: "batch" }],
    ["gpt-5, output, batch", { tokenDirection: "batch_output", serviceTier: "batch" }],
    ["gpt-4o", { model: "gpt-4o", tokenDirection: null }],
    ["web search tool calls", null],
  ];
  it.each(cases)("reads %s", (lineItem, expected) => {
    const recognition = recognizeOpenAiLineItem(lineItem);
    if (expected === null) {
      expect(recognition).toBeNull();
      return;
    }
    expect(recognition).toMatchObject({ modelProvider: "openai", ...expected });
  });
});

describe("FOCUS AI rows", () => {
  const header = [
    "BilledCost",
    "EffectiveCost",
    "BillingCurrency",
    "ChargeCategory",
    "ChargePeriodStart",
    "ChargePeriodEnd",
    "ProviderName",
    "ServiceName",
    "ChargeDescription",
    "SkuMeter",
    "x_UsageType",
    "ConsumedQuantity",
    "ConsumedUnit",
  ];
  const row = (values: string[]) => [
    "0.01",
    "0.01",
    "USD",
    "Usage",
    "2025-03-01T00:00:00Z",
    "2025-03-02T00:00:00Z",
    ...values,
  ];
  const csv = toCsv([
    header,
    row(["AWS", "Amazon Bedrock", "Claude input", "", "USE1-Claude3.5Sonnet-input-tokens", "3000", "Tokens"]),
    row(["Microsoft", "Azure AI Services", "gpt-4o-mini-0718 Outp glbl Tokens", "", "", "2.5", "1K"]),
    row(["Google Cloud", "Vertex AI", "Gemini 2.5 Flash Input Tokens", "", "", "1200", "count"]),
    row(["Microsoft", "Storage Accounts", "gpt-4o-mini-0718 Outp glbl Tokens", "", "", "1", "1K"]),
    row(["AWS", "Amazon S3", "storage", "", "USE1-TimedStorage-ByteHrs", "1", "GB-Mo"]),
  ]);

  it("recognizes each cloud and skips others", async () => {
    const { lines, rejected } = await readAll(csv);
    expect(rejected).toEqual([]);
    expect(lines.map((line) => line.ai?.modelProvider ?? null)).toEqual([
      "aws.bedrock",
      "azure.ai.openai",
      "gcp.vertex_ai",
      null,
      null,
    ]);
  });

  it("counts tokens where the unit says tokens", async () => {
    const { lines } = await readAll(csv);
    expect(lines[0]?.ai?.tokens).toBe("3000");
    expect(lines[1]?.ai?.tokens).toBe("2500");
    expect(lines[1]?.ai?.tokenDirection).toBe("output");
    expect(lines[2]?.ai?.tokens).toBeNull();
  });
});
