-- Moves each budget into the draft policy of its workflow, with the defaults
-- the budgets API uses for a new budget (alerts at 50, 80 and 100 %, soft).
-- NOTE: workflow names longer than 200 characters, which the policy document
-- rejects, are not copied.
INSERT INTO "policy_drafts" ("workflow", "policy")
SELECT "workflow", jsonb_build_object(
  'budget', jsonb_build_object(
    'amountUsd', trim_scale("amount_usd")::text,
    'tokens', NULL,
    'period', "period",
    'timeZone', "time_zone",
    'alertThresholdsPercent', '[50, 80, 100]'::jsonb,
    'enforcement', 'soft'),
  'guardrails', jsonb_build_object(
    'maxContextTokensPerCall', NULL,
    'maxToolCallsPerRun', NULL,
    'maxRetriesPerRun', NULL,
    'maxLlmCallsPerRun', NULL),
  'escalation', jsonb_build_object(
    'approvalAboveUsdPerDecision', NULL,
    'autonomy', 'on_the_loop',
    'tokenDriftPercent', NULL),
  'routing', NULL)
FROM "budgets"
WHERE length("workflow") <= 200
ON CONFLICT ("workflow") DO NOTHING;--> statement-breakpoint
DROP TABLE "budgets" CASCADE;