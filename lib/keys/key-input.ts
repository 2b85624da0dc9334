/** The API key creation request body, shared by the API and the settings page. */

import { z } from "zod";

import { MAX_WORKFLOW_LENGTH } from "@/lib/budgets/budget-input";

export const API_KEY_KINDS = ["ingest", "gateway"] as const;

/** Largest number of workflows one gateway key can be limited to. */
export const MAX_KEY_WORKFLOWS = 200;

export const newKeySchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
    kind: z.enum(API_KEY_KINDS, "must be ingest or gateway"),
    workflows: z
      .array(z.string().min(1, "must not be empty").max(MAX_WORKFLOW_LENGTH))
      .min(1, "list at least one workflow, or leave workflows out to allow every workflow")
      .max(MAX_KEY_WORKFLOWS, `must list at most ${MAX_KEY_WORKFLOWS} workflows`)
      .optional(),
  })
  .superRefine((value, context) => {
    if (value.kind === "ingest" && value.workflows !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["workflows"],
        message: "only gateway keys can be limited to workflows; ingest keys send spans for any workflow",
      });
    }
  });

export type NewKey = z.input<typeof newKeySchema>;
