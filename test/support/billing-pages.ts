/** OpenAI and Anthropic cost report pages, as their admin APIs return them, for tests. */

import { nextDay } from "./focus-csv";

const unixSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** An OpenAI Costs API page with one daily bucket per day; amounts in USD. */
export function openAiCostsPage(days: Record<string, Array<{ lineItem: string; usd: string }>>): string {
  const buckets = Object.entries(days).map(([day, items]) => ({
    object: "bucket",
    start_time: unixSeconds(day),
    end_time: unixSeconds(nextDay(day)),
    results: items.map((item) => ({
      object: "organization.costs.result",
      // The amount is written as a JSON number, as the API does.
      amount: { value: "__NUMBER__" + item.usd, currency: "usd" },
      line_item: item.lineItem,
      project_id: "proj_test",
    })),
  }));
  const json = JSON.stringify({ object: "page", data: buckets, has_more: false, next_page: null });
  return json.replace(/"__NUMBER__([0-9.]+)"/g, "$1");
}

export interface AnthropicCost {
  model: string;
  tokenType: string;
  /** Amount in cents, as the cost report writes it. */
  cents: string;
  serviceTier?: string;
}

/** An Anthropic cost report page with one daily bucket per day. */
export function anthropicCostPage(days: Array<{ day: string; results: AnthropicCost[] }>): string {
  return JSON.stringify({
    data: days.map(({ day, results }) => ({
      starting_at: `${day}T00:00:00Z`,
      ending_at: `${nextDay(day)}T00:00:00Z`,
      results: results.map((result) => ({
        amount: result.cents,
        currency: "USD",
        cost_type: "tokens",
        description: `${result.model} ${result.serviceTier ?? "standard"} ${result.tokenType}`,
        model: result.model,
        service_tier: result.serviceTier ?? "standard",
        token_type: result.tokenType,
        workspace_id: "wrkspc_test",
        context_window: "0-200k",
      })),
    })),
    has_more: false,
    next_page: null,
  });
}
