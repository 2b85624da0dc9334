import { z } from "zod";

/**
 * Schemas of the gateway configuration fields as documented, strict so that
 * a field name the documentation does not list fails the check.
 */

// https://docs.litellm.ai/docs/proxy/configs: model_list[].model_name and
// litellm_params.model as "<provider>/<model>"; router_settings fallbacks and
// context_window_fallbacks as lists of { model_group: [fallback groups] }.
// https://docs.litellm.ai/docs/proxy/caching and /caching_settings:
// litellm_settings.cache, cache_params.type "redis-semantic",
// similarity_threshold (0-1) and ttl in seconds.
// https://docs.litellm.ai/docs/proxy/team_budgets: /team/new takes team_alias,
// max_budget (USD float) and budget_duration such as "1d", "30d" or "1mo".
const fallbackListSchema = z.array(z.record(z.string(), z.array(z.string()).min(1)));

export const liteLlmConfigSchema = z
  .object({
    model_list: z.array(
      z
        .object({
          model_name: z.string().min(1),
          litellm_params: z.object({ model: z.string().regex(/^[a-z0-9_-]+\/.+$/) }).strict(),
        })
        .strict(),
    ),
    router_settings: z
      .object({ fallbacks: fallbackListSchema, context_window_fallbacks: fallbackListSchema })
      .strict(),
    litellm_settings: z
      .object({
        cache: z.boolean().optional(),
        cache_params: z
          .object({
            type: z.enum(["local", "redis", "redis-semantic", "qdrant-semantic", "s3", "gcs", "disk"]),
            similarity_threshold: z.number().min(0).max(1),
            ttl: z.number().int().positive(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    "x-inference-ledger-teams": z.array(
      z
        .object({
          team_alias: z.string().min(1),
          models: z.array(z.string()),
          max_budget: z.number().positive().optional(),
          budget_duration: z.string().regex(/^\d+(s|m|h|d|mo)$/).optional(),
          metadata: z.record(z.string(), z.unknown()),
        })
        .strict(),
    ),
    "x-inference-ledger-unsupported": z.array(
      z.object({ workflow: z.string().nullable(), setting: z.string(), reason: z.string() }).strict(),
    ),
  })
  .strict();

// https://portkey.ai/docs/product/ai-gateway/conditional-routing: strategy.mode
// "conditional", conditions[] of { query, then } and a default target name;
// queries use "metadata.<key>" with operators such as $gt, $and and $or.
// https://portkey.ai/docs/product/ai-gateway/configs: targets[] with name,
// provider and override_params. Cache docs: cache.mode "simple" | "semantic",
// max_age in seconds from 60 to 7,776,000.
const portkeyQuerySchema: z.ZodType = z.lazy(() =>
  z.union([
    z.object({ $and: z.array(portkeyQuerySchema).min(1) }).strict(),
    z.object({ $or: z.array(portkeyQuerySchema).min(1) }).strict(),
    z.record(z.string().regex(/^metadata\.[a-z_]+$/), z.object({ $gt: z.number() }).strict()),
  ]),
);

export const portkeyConfigSchema = z
  .object({
    strategy: z
      .object({
        mode: z.enum(["single", "loadbalance", "fallback", "conditional"]),
        conditions: z.array(z.object({ query: portkeyQuerySchema, then: z.string() }).strict()),
        default: z.string(),
      })
      .strict(),
    targets: z
      .array(
        z
          .object({
            name: z.string().min(1),
            provider: z.string().min(1),
            override_params: z.object({ model: z.string().min(1) }).strict(),
          })
          .strict(),
      )
      .min(1),
    cache: z
      .object({ mode: z.enum(["simple", "semantic"]), max_age: z.number().int().min(60).max(7_776_000) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((config) => {
    const names = new Set(config.targets.map((target) => target.name));
    return names.has(config.strategy.default) && config.strategy.conditions.every((c) => names.has(c.then));
  }, "every condition and the default must name a target");
