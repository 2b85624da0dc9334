import { z } from "zod";

import { getDatabase } from "@/db/client";
import { parseInput } from "@/lib/validation/parse-input";

import { listGuardrailViolations, type GuardrailViolation } from "./guardrail-violations";

const DAY_MS = 86_400_000;

const violationQuerySchema = z
  .object({
    workflow: z.string().min(1).max(200).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/**
 * Lists runs that broke a guardrail. Query parameters: `workflow`, `from` and
 * `to` as ISO instants (the last 7 days by default), and `limit` (at most 500).
 */
export async function readGuardrailViolations(
  url: URL,
): Promise<{ from: string; to: string; violations: GuardrailViolation[] }> {
  const query = parseInput(violationQuerySchema, Object.fromEntries(url.searchParams));
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * DAY_MS);
  const violations = await listGuardrailViolations(await getDatabase(), {
    workflow: query.workflow,
    from,
    to,
    limit: query.limit,
  });
  return { from: from.toISOString(), to: to.toISOString(), violations };
}
