/**
 * AI model charges in FOCUS rows: which columns carry the model and token
 * type depends on the cloud, so each cloud gets a list of columns to try
 * and a recognizer for the text found there.
 */
import { readCell, type SourceRow } from "./billing-row";
import {
  recognizeAzureMeter,
  recognizeBedrockUsageType,
  recognizeVertexSku,
  type AiRecognition,
} from "./recognize-cloud-ai";

interface FocusAiRule {
  /** Whether the row belongs to the service this rule reads. */
  applies: (row: SourceRow, provider: string) => boolean;
  columns: readonly string[];
  recognize: (text: string) => AiRecognition | null;
}

/**
 * Azure lists Azure OpenAI under "Azure OpenAI" in older exports, "Azure AI
 * Services" (the FinOps toolkit Services table for microsoft.cognitiveservices)
 * and "Foundry Models" in newer price sheets.
 */
const AZURE_AI_SERVICE = /openai|ai services|cognitive services|foundry/i;
const VERTEX_SERVICE = /vertex|gemini|generative language/i;

const FOCUS_AI_RULES: readonly FocusAiRule[] = [
  {
    // Claude on Bedrock is sold through AWS Marketplace under its own service
    // name, so the usage type pattern alone decides for any AWS row.
    applies: (_row, provider) => provider === "aws",
    columns: ["x_UsageType", "SkuMeter", "ChargeDescription"],
    recognize: recognizeBedrockUsageType,
  },
  {
    applies: (row, provider) =>
      provider === "microsoft" &&
      (AZURE_AI_SERVICE.test(readCell(row, "ServiceName") ?? "") ||
        readCell(row, "ServiceCategory") === "AI and Machine Learning"),
    columns: ["SkuMeter", "x_SkuMeterName", "ChargeDescription"],
    recognize: recognizeAzureMeter,
  },
  {
    applies: (row, provider) =>
      provider === "google" && VERTEX_SERVICE.test(readCell(row, "ServiceName") ?? ""),
    columns: ["SkuMeter", "ChargeDescription", "x_SkuDescription"],
    recognize: recognizeVertexSku,
  },
];

/** Returns the AI recognition of a FOCUS row, or null for a row that is not a model charge. */
export function recognizeFocusAi(row: SourceRow, provider: string): AiRecognition | null {
  for (const rule of FOCUS_AI_RULES) {
    if (!rule.applies(row, provider)) continue;
    for (const column of rule.columns) {
      const text = readCell(row, column);
      if (text === null) continue;
      const recognition = rule.recognize(text);
      if (recognition) return recognition;
    }
  }
  return null;
}
