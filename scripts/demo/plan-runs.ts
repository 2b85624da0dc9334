/**
 * Builders for the runs of each demo workflow. Token counts are plausible
 * magnitudes for each task, not measurements. What matters for the demo is how
 * they change with the day's load (runs relative to the workflow's base volume).
 */
import {
  chat,
  clamp,
  failedWithoutUsage,
  finishRun,
  StepTimeline,
  type RunContext,
} from "./plan-steps";
import type { RunPlan } from "./plan";

/**
 * Supplier reorder: gpt-4o-mini drafts every reorder and claude-sonnet-4-5
 * handles about 10 % exceptions. Both prompt caches stay warm more often as
 * volume grows, so cost per decision falls with scale.
 */
function buildSupplierReorderRun(context: RunContext): RunPlan {
  const { random, load } = context;
  const timeline = new StepTimeline(random);

  if (context.kind === "catalog-refresh") {
    timeline.addTool("sync_supplier_catalog");
    const input = random.integer(14_000, 16_000);
    const output = random.integer(900, 1_200);
    timeline.addLlm(
      chat(
        "anthropic",
        "claude-sonnet-4-5",
        { input, output, cacheRead: 0 },
        { cacheWriteTokens: 0 },
      ),
    );
    return finishRun(context, timeline, {
      outcome: "completed",
      decisions: 0,
      agent: "catalog-refresher",
    });
  }

  const plannedDecisions = random.integer(1, 5);
  timeline.addTool("inventory_lookup");

  // OpenAI caches prompt prefixes of 1,024 tokens and more in 128-token steps.
  const miniWarm = random.chance(clamp(0.35 + 0.2 * load, 0.2, 0.95));
  const miniInput = random.integer(2_600, 3_400);
  timeline.addLlm(
    chat("openai", "gpt-4o-mini", {
      input: miniInput,
      output: random.integer(160, 420),
      cacheRead: miniWarm ? 2_048 : 0,
    }),
  );

  const quoteCount = Math.min(plannedDecisions, 2);
  for (let i = 0; i < quoteCount; i += 1) {
    if (random.chance(0.015)) {
      timeline.addTool("supplier_quote", {
        type: "TimeoutError",
        message: "supplier quote service did not respond within 2 s",
      });
      return finishRun(context, timeline, {
        outcome: "failed",
        decisions: 0,
        errorMessage: "supplier quote failed",
      });
    }
    timeline.addTool("supplier_quote");
  }

  const isException = random.chance(0.1);
  if (isException) {
    // The contract and policy prefix is either read from Anthropic's cache or
    // written to it (charged at 1.25 times the input price) when it went cold.
    const prefix = 9_000;
    const claudeWarm = random.chance(clamp(1 - 0.8 * load ** -0.9, 0.05, 0.95));
    const uncached = random.integer(1_200, 2_400);
    timeline.addLlm(
      chat(
        "anthropic",
        "claude-sonnet-4-5",
        {
          input: uncached + prefix,
          output: random.integer(500, 1_100),
          cacheRead: claudeWarm ? prefix : 0,
        },
        { cacheWriteTokens: claudeWarm ? 0 : prefix },
      ),
    );
    if (random.chance(0.25)) {
      timeline.addTool("request_buyer_review");
      return finishRun(context, timeline, { outcome: "escalated", decisions: 0 });
    }
  }

  timeline.addTool("create_purchase_orders");
  return finishRun(context, timeline, { outcome: "completed", decisions: plannedDecisions });
}

const VALIDATION_ERROR = {
  type: "output_validation",
  message: "response did not match the reconciliation schema",
};

/**
 * Ledger close: retrieval pulls more open entries into the prompt as volume
 * grows, and gpt-5 output validation and rate limits fail more often, so cost
 * per decision rises with scale.
 */
function buildLedgerCloseRun(context: RunContext): RunPlan {
  const { random, load } = context;
  const timeline = new StepTimeline(random);
  const entries = Math.max(3, Math.round(20 * load ** 0.9 * Math.exp(0.15 * random.normal())));

  timeline.addLlm({
    operation: "embeddings",
    provider: "openai",
    requestModel: "text-embedding-3-small",
    inputTokens: random.integer(150, 500),
    outputTokens: null,
    cacheReadTokens: null,
    cacheWriteTokens: null,
    reasoningTokens: null,
    error: null,
  });
  timeline.addTool("ledger_search");

  const miniOutput = random.integer(400, 900);
  timeline.addLlm(
    chat(
      "openai",
      "gpt-5-mini",
      {
        input: 3_000 + entries * 90 + random.integer(0, 300),
        output: miniOutput,
        cacheRead: random.chance(0.5) ? 1_024 : 0,
      },
      { reasoningTokens: Math.round(miniOutput * random.between(0.4, 0.6)) },
    ),
  );

  const failureRate = clamp(0.04 + 0.07 * (load - 1), 0.02, 0.35);
  let reconciled = false;
  for (let attempt = 1; attempt <= 3 && !reconciled; attempt += 1) {
    const failed = random.chance(failureRate);
    if (failed && random.chance(0.35)) {
      timeline.addLlm(
        failedWithoutUsage("openai", "gpt-5", {
          type: "RateLimitError",
          message: "429 Rate limit reached for gpt-5 in organization on tokens per min",
        }),
      );
      continue;
    }
    const output = 1_200 + entries * 25 + random.integer(0, 300);
    timeline.addLlm(
      chat(
        "openai",
        "gpt-5",
        {
          input: 5_000 + entries * 160 + random.integer(0, 500),
          output,
          cacheRead: random.chance(0.5) ? 2_048 : 0,
        },
        {
          reasoningTokens: Math.round(output * random.between(0.6, 0.75)),
          error: failed ? VALIDATION_ERROR : null,
        },
      ),
    );
    reconciled = !failed;
  }

  if (!reconciled) {
    return finishRun(context, timeline, {
      outcome: "failed",
      decisions: 0,
      errorMessage: "reconciliation failed after 3 attempts",
    });
  }
  if (random.chance(0.02)) {
    return finishRun(context, timeline, { outcome: "abandoned", decisions: 0 });
  }
  timeline.addTool("post_journal_entries");
  return finishRun(context, timeline, { outcome: "completed", decisions: random.integer(2, 6) });
}

/**
 * Multilingual support: gemini-2.5-flash classifies the ticket, then drafts a
 * reply from knowledge-base articles. Some tickets are handed to a human.
 */
function buildSupportRun(context: RunContext): RunPlan {
  const { random } = context;
  const timeline = new StepTimeline(random);

  // Prompts under 1,024 tokens are too short for Gemini's implicit cache.
  timeline.addLlm(
    chat("gcp.gemini", "gemini-2.5-flash", {
      input: random.integer(700, 1_000),
      output: random.integer(40, 120),
      cacheRead: 0,
    }),
  );
  if (random.chance(0.06)) {
    return finishRun(context, timeline, { outcome: "abandoned", decisions: 0 });
  }

  timeline.addTool("kb_search");
  if (random.chance(0.06)) {
    timeline.addLlm(
      failedWithoutUsage("gcp.gemini", "gemini-2.5-flash", {
        type: "ServiceUnavailable",
        message: "503 The model is overloaded. Please try again later.",
      }),
    );
    return finishRun(context, timeline, {
      outcome: "failed",
      decisions: 0,
      errorMessage: "answer generation failed",
    });
  }

  const reasoning = random.integer(80, 400);
  timeline.addLlm(
    chat(
      "gcp.gemini",
      "gemini-2.5-flash",
      {
        input: random.integer(2_500, 5_200),
        output: reasoning + random.integer(300, 700),
        cacheRead: random.chance(0.6) ? 1_024 : 0,
      },
      { reasoningTokens: reasoning },
    ),
  );

  if (random.chance(0.15)) {
    timeline.addTool("handoff_to_human");
    return finishRun(context, timeline, { outcome: "escalated", decisions: 0 });
  }
  timeline.addTool("send_reply");
  return finishRun(context, timeline, {
    outcome: "completed",
    decisions: random.chance(0.1) ? 2 : 1,
  });
}

/** Builds one run of the context's workflow. */
export function buildRun(context: RunContext): RunPlan {
  switch (context.profile.workflow) {
    case "supplier-reorder":
      return buildSupplierReorderRun(context);
    case "ledger-close":
      return buildLedgerCloseRun(context);
    case "support-multilingual":
      return buildSupportRun(context);
  }
}
