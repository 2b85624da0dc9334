import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

import { describe, expect, it } from "vitest";

import { detectBillingFormat } from "@/lib/billing/detect-format";
import { openBillingFile } from "@/lib/billing/open-billing-file";
import { readBillingLines } from "@/lib/billing/read-billing-file";

import { collectItems, FOCUS_SAMPLE, readAll, readSample } from "./billing-fixtures";

function anthropicPage(result: object): string {
  const bucket = { starting_at: "2025-08-01T00:00:00Z", ending_at: "2025-08-02T00:00:00Z" };
  return JSON.stringify({ data: [{ ...bucket, results: [result] }] });
}
const anthropicCost = anthropicPage({ amount: "1", currency: "USD" });
const anthropicUsage = anthropicPage({ uncached_input_tokens: 1 });
const sampleText = (file: string) => readSample(file).toString();

describe("detectBillingFormat", () => {
  const cases: Array<[string, string, string | null]> = [
    ["FOCUS sample", readFileSync(FOCUS_SAMPLE, "utf8"), "focus"],
    [
      "FOCUS BOM example",
      sampleText("focus/focus-spec-example_virtual_currency_pricing_model_c.csv"),
      "focus",
    ],
    [
      "legacy CUR",
      sampleText("aws-cur/legacy-cur_sample-anonymous-aws-export-dataset.csv"),
      "aws_cur2",
    ],
    ["CUR 2.0", "identity_line_item_id,line_item_usage_type\n", "aws_cur2"],
    ["OpenAI costs", sampleText("openai/costs-api-example-response.json"), "openai_costs"],
    [
      "OpenAI usage",
      sampleText("openai/usage-completions-api-example-response.json"),
      "openai_usage",
    ],
    ["OpenAI cost export", "start_time,end_time,amount_value,amount_currency,line_item\n", "openai_usage_csv"],
    ["OpenAI activity export", "start_time,end_time,model,input_tokens,output_tokens\n", "openai_usage_csv"],
    ["Anthropic cost", anthropicCost, "anthropic_cost"],
    ["Anthropic usage", anthropicUsage, "anthropic_usage"],
    ["unknown CSV", "a,b,c\n1,2,3\n", null],
    ["broken JSON", '{"data": [', null],
  ];
  it.each(cases)("detects %s", (_name, text, expected) => {
    expect(detectBillingFormat(text)).toBe(expected);
  });
});

describe("readBillingLines", () => {
  it("reads a gzip file from disk", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "billing-"));
    try {
      const file = path.join(directory, "export.csv");
      writeFileSync(file, gzipSync(readFileSync(FOCUS_SAMPLE)));
      const { lines, rejected } = await collectItems(readBillingLines(openBillingFile(file)));
      expect(rejected).toEqual([]);
      expect(lines).toHaveLength(1000);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("rejects an unknown CSV once", async () => {
    const { lines, rejected } = await readAll("a,b\n1,2\n3,4\n");
    expect(lines).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.line).toBe(1);
  });

  it("reports invalid JSON with its line", async () => {
    const { rejected } = await readAll('{\n  "data": [\n    {"results": [}\n  ]\n}');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.line).toBe(3);
  });

  it("yields nothing for an empty page", async () => {
    const { lines, rejected } = await readAll('{"object":"page","data":[],"has_more":false}');
    expect(lines).toEqual([]);
    expect(rejected).toEqual([]);
  });

  it("stops at an unclosed quote", async () => {
    const header = readFileSync(FOCUS_SAMPLE, "utf8").split("\n").slice(0, 2).join("\n");
    const { lines, rejected } = await readAll(`${header}\n"unclosed,1\n2,3\n`);
    expect(lines).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.line).toBe(3);
  });

  it("follows a format given by the caller", async () => {
    const { lines, rejected } = await readAll(readFileSync(FOCUS_SAMPLE), "aws_cur2");
    expect(lines).toEqual([]);
    expect(rejected).toHaveLength(1000);
    expect(rejected[0]?.column).toBe("line_item_line_item_type");
  });
});

describe("readBillingLines memory", () => {
  it("streams 200 MB of FOCUS rows in bounded heap", async () => {
    setFlagsFromString("--expose-gc");
    const collectGarbage = runInNewContext("gc") as () => void;
    const [header = "", ...rows] = readFileSync(FOCUS_SAMPLE, "utf8").split("\n").filter(Boolean);
    const block = Buffer.from(`${rows.join("\n")}\n`);
    const target = 200 * 1024 * 1024;

    async function* generate(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${header}\n`);
      for (let sent = 0; sent < target; sent += block.length) yield block;
    }

    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let maxGrowth = 0;
    let count = 0;
    for await (const item of readBillingLines(generate())) {
      if (!("line" in item)) throw new Error(`rejected: ${JSON.stringify(item.rejected)}`);
      count++;
      if (count % 50_000 === 0) {
        collectGarbage();
        maxGrowth = Math.max(maxGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(count).toBe(Math.ceil(target / block.length) * rows.length);
    expect(maxGrowth).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);
});
