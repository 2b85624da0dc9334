import { randomBytes } from "node:crypto";

import { z } from "zod";

import { getDatabase, type Database } from "@/db/client";
import { insertWebhook, listActiveWebhooks, softDeleteWebhook, type WebhookRecord } from "@/db/queries/webhooks";
import { labelOfActor, type AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/api-error";
import { logFor } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

const logger = logFor("webhooks");

export const newWebhookSchema = z.object({
  url: z
    .string()
    .max(2000, "must be at most 2000 characters")
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      message: "must be an http or https URL such as https://alerts.example.com/ledger",
    }),
});

const webhookIdSchema = z.uuid("must be a webhook id (a UUID)");

/** Lists webhooks; secrets are never returned. */
export async function listWebhooks(db?: Database): Promise<WebhookRecord[]> {
  return listActiveWebhooks(db ?? (await getDatabase()));
}

/**
 * Creates a webhook with a new random secret, audited as `webhook.create`.
 * The secret is returned here only; the audit entry and logs leave it out.
 */
export async function createWebhook(
  actor: AuditActor,
  input: unknown,
  db?: Database,
): Promise<{ webhook: WebhookRecord; secret: string }> {
  const { url } = parseInput(newWebhookSchema, input);
  const secret = `whsec_${randomBytes(32).toString("hex")}`;
  const database = db ?? (await getDatabase());
  const webhook = await database.transaction(async (tx) => {
    const created = await insertWebhook(tx, { url, secret, createdBy: labelOfActor(actor) });
    await recordAudit(tx, actor, {
      action: "webhook.create",
      entityType: "webhook",
      entityId: created.id,
      before: null,
      after: { url: created.url },
    });
    return created;
  });
  logger.info({ webhookId: webhook.id, actorType: actor.type }, "webhook created");
  return { webhook, secret };
}

/** Deletes a webhook, abandoning its pending deliveries; a 404 ApiError when there is none. */
export async function deleteWebhook(actor: AuditActor, id: string, db?: Database): Promise<WebhookRecord> {
  const webhookId = parseInput(webhookIdSchema, id);
  const database = db ?? (await getDatabase());
  const deleted = await database.transaction(async (tx) => {
    const before = await softDeleteWebhook(tx, webhookId);
    if (!before) return null;
    await recordAudit(tx, actor, {
      action: "webhook.delete",
      entityType: "webhook",
      entityId: before.id,
      before: { url: before.url },
      after: null,
    });
    return before;
  });
  if (!deleted) throw notFound(`webhook ${webhookId} does not exist`);
  logger.info({ webhookId, actorType: actor.type }, "webhook deleted");
  return deleted;
}
